import { isJsonObject } from './common/raw-reader';
import { CHANNELS } from './registry';
import type { ChannelId } from './types';

function at(value: unknown, path: readonly string[]): unknown {
	let v = value;
	for (const key of path) v = isJsonObject(v) ? v[key] : undefined;
	return v;
}

/**
 * The raw orders in a channel's API response, unwrapped by its descriptor's responseShapes (the one place
 * that knows how its read endpoints wrap orders); a bare array is a list on every channel. `list` tells
 * whether the response was a list (answer with a list, whatever its length) or one order.
 */
export function ordersInResponse(channel: ChannelId, response: unknown): { orders: unknown[]; list: boolean } {
	if (Array.isArray(response)) return { orders: response.flatMap((r) => ordersInResponse(channel, r).orders), list: true };
	for (const shape of CHANNELS[channel].responseShapes) {
		if ('one' in shape) {
			const order = at(response, shape.one);
			if (isJsonObject(order)) return { orders: [order], list: false };
		} else {
			const list = at(response, shape.list);
			if (Array.isArray(list)) return { orders: shape.node ? list.map((e) => at(e, [shape.node as string])) : list, list: true };
		}
	}
	return { orders: [response], list: false };
}
