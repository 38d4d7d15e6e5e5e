import type { RawOrderIdentity } from '../types';
import { openRawOrder } from './fields';
import type { JsonObject, RawReader } from './raw-reader';

/** Reads an order's last change (at `key`, or a fallback it knows) as ISO 8601, undefined when the order has none. */
export type ChangedAtReader = (r: RawReader, o: JsonObject, key: string) => string | undefined;

/**
 * Where a channel's raw order keeps its id and its last change, read one way for identify() and for the
 * listing's window filter, so the two never disagree about when an order changed.
 */
export interface OrderClock {
	/** The adapter's identify(): id and last change; an order without them fails naming `changedKey`. */
	identify(raw: unknown): RawOrderIdentity;
	/** The last change in ms for changedInWindow (NaN when the order has none: kept there, identify() reports it). */
	changedMs(raw: unknown): number;
}

/** identify() alone, for adapters whose listing needs no change times of its own. */
export function identifyBy(channel: string, idKey: string, changedKey: string, changedAt: ChangedAtReader): OrderClock['identify'] {
	return (raw) => {
		const { r, o } = openRawOrder(channel, raw, idKey);
		return { channelOrderId: r.string(o, idKey), updatedAt: changedAt(r, o, changedKey) ?? r.fail(changedKey, 'is required') };
	};
}

export function orderClock(channel: string, idKey: string, changedKey: string, changedAt: ChangedAtReader): OrderClock {
	return {
		identify: identifyBy(channel, idKey, changedKey, changedAt),
		changedMs(raw) {
			const { r, o } = openRawOrder(channel, raw, idKey);
			return Date.parse(changedAt(r, o, changedKey) ?? '');
		},
	};
}
