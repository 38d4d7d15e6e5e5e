import { ChannelHttpError } from '../http/retry';
import { isErrorItem, toItem, type PollItem } from '../channels/poll-items';
import type { ChannelAdapter, ChannelId } from '../channels/types';
import type { OmsStore } from '../store/types';
import { sha256Hex } from './body';
import { isIgnored, type DeliveredOrder, type WebhookDelivery, type WebhookReader, type WebhookSecrets } from './types';

/**
 * The webhook path, free of n8n: admit() decides the HTTP answer, fast (no channel call); resolve() runs
 * after the answer was sent and turns an admitted delivery into the item the poll triggers would emit.
 */

export interface IntakeContext {
	channel: ChannelId;
	/** The channel account as canonical orders name it: the inbox keys live under it. */
	account: string;
	reader: WebhookReader;
	secrets: WebhookSecrets;
	/**
	 * Takes an authenticated delivery (its event id bounded, see eventKey): 'duplicate' when the event id was
	 * seen before. The trigger writes it to the store's queue here, durably, before the channel gets its 200.
	 */
	accept(read: DeliveredOrder, eventId: string | undefined): Promise<'new' | 'duplicate'>;
}

export type Admission =
	| { status: 401; reason: string }
	| { status: 200; reason: string; duplicate?: true }
	| { status: 200; accepted: DeliveredOrder };

/**
 * Handshake → authenticate → read → inbox. A duplicate event id is answered 200 like a new one: it is a
 * legitimate retry of a delivery already taken (a non-2xx would count as a failure: WooCommerce disables a
 * webhook after 5, Mercado Livre drops topics that answer slowly or badly).
 */
export async function admit(delivery: WebhookDelivery, c: IntakeContext): Promise<Admission> {
	const handshake = c.reader.handshake?.(delivery);
	if (handshake) return { status: 200, reason: handshake };
	if (!c.reader.authenticate(delivery, c.secrets)) return { status: 401, reason: `${c.channel} delivery failed authentication` };
	const read = c.reader.read(delivery);
	if (isIgnored(read)) return { status: 200, reason: read.ignore };
	const outcome = await c.accept(read, read.eventId === undefined ? undefined : eventKey(read.eventId));
	if (outcome === 'duplicate') return { status: 200, reason: `duplicate delivery ${read.eventId}`, duplicate: true };
	return { status: 200, accepted: read };
}

/** Event ids beyond the inbox's bound are kept as their digest. */
export const eventKey = (id: string): string => (id.length > 200 ? `sha256:${sha256Hex(id)}` : id);

export interface ResolveOptions {
	adapter: ChannelAdapter;
	inbox: Pick<OmsStore, 'recordDelivery'>;
	includeRaw?: boolean;
	/** Throw a failed read (the drain retries the row later) instead of returning it as an error item. */
	rethrowReadErrors?: boolean;
}

/**
 * The delivery's order as a canonical order (or an error item), or undefined when there is nothing to emit:
 * the order no longer exists for this seller (404: a deleted order, or a forged pointer to someone else's),
 * or this exact version was already emitted (channels send several notifications per change; Nuvemshop and
 * Magalu have no event id, so this is their only de-duplication).
 */
export async function resolve(accepted: DeliveredOrder, c: IntakeContext, o: ResolveOptions): Promise<PollItem | undefined> {
	const ref = `${c.channel}:${accepted.channelOrderId}`;
	let item: PollItem;
	if (accepted.order !== undefined) {
		item = normalizeBody(o.adapter, accepted.order, o.includeRaw === true, ref);
	} else {
		try {
			if (!o.adapter.getOrder) throw new Error(`${c.channel} cannot read an order by id`);
			const raw = await o.adapter.getOrder(accepted.channelOrderId);
			item = (await toItem(o.adapter, raw, o.includeRaw === true, ref)).item;
		} catch (error) {
			if (error instanceof ChannelHttpError && error.httpCode === 404) return undefined;
			if (o.rethrowReadErrors) throw error;
			// Already acknowledged and retries spent: the failure becomes an item to route (and the poll
			// trigger, as reconciler, reads the order again later).
			const message = error instanceof Error ? error.message : String(error);
			return { error: { orderRef: ref, field: '(read)', message }, raw: { channelOrderId: accepted.channelOrderId, topic: accepted.topic } };
		}
	}
	if (isErrorItem(item)) return item;
	const order: Record<string, unknown> = { ...item };
	delete order.raw;
	const version = `version:${order.channelOrderId}:${sha256Hex(JSON.stringify(order)).slice(0, 32)}`;
	const outcome = await o.inbox.recordDelivery({ channel: c.channel, account: c.account, eventId: version });
	return outcome === 'new' ? item : undefined;
}

/** A full order from the body: normalised like the poller does, without getDetails (the body is the order). */
function normalizeBody(adapter: ChannelAdapter, raw: unknown, includeRaw: boolean, ref: string): PollItem {
	try {
		const order = adapter.normalize(raw);
		return includeRaw ? { ...order, raw } : order;
	} catch (error) {
		const e = error as { orderRef?: string; field?: string; message?: string };
		return { error: { orderRef: e.orderRef ?? ref, field: e.field ?? '(order)', message: e.message ?? String(error) }, raw };
	}
}
