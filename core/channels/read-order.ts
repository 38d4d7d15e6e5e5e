import { toItem, type PollItem } from './poll-items';
import type { ChannelAdapter } from './types';

/** A channel whose API cannot read one order by its id (Shopify: its webhooks carry the whole order). */
export class OrderByIdUnsupportedError extends Error {
	constructor(readonly channel: string) {
		super(`${channel} cannot read one order by its id through this package`);
		this.name = 'OrderByIdUnsupportedError';
	}
}

/**
 * One order by its channel id, as the trigger would emit it: getOrder, then getDetails where the channel
 * has it, then the canonical order — or an error item for an order that is malformed or whose details the
 * channel refuses for this order alone. Channel faults (auth, rate limit, 5xx, 404 of the order itself)
 * are thrown: for a queue (Amazon's ORDER_CHANGE notifications in SQS) the message then stays in the queue.
 */
export async function readOrderById(adapter: ChannelAdapter, channelOrderId: string, includeRaw: boolean): Promise<PollItem> {
	if (!adapter.getOrder) throw new OrderByIdUnsupportedError(adapter.id);
	const raw = await adapter.getOrder(channelOrderId);
	return (await toItem(adapter, raw, includeRaw, `${adapter.id}:${channelOrderId}`)).item;
}
