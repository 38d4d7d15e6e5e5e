import { isJsonObject } from './common/raw-reader';
import type { ChannelId } from './types';

/**
 * How each channel's read endpoints wrap their orders: the one place that knows it, so a response can be
 * taken exactly as the API returned it (the CLI). A bare array is a list on every channel (Woo and
 * Nuvemshop GET /orders, VTEX's order-group); a response that matches no shape is taken as one order.
 * `one` reaches a single order, `list` an array of orders (`node`: each element holds the order there).
 */
type Shape = { one: string[] } | { list: string[]; node?: string };

const SHAPES: Readonly<Record<ChannelId, readonly Shape[]>> = {
	// GET /orders/{id} is the order; GET /orders/search answers {query, results, paging, ...}.
	mercadolivre: [{ list: ['results'] }],
	// GraphQL Admin API: {data: {order}} for order(id:), {data: {orders: {nodes | edges[].node}}} for orders()
	// (shopify.dev shows the same without `data`); REST: {order} for orders/{id}.json, {orders} for orders.json.
	shopify: [
		{ one: ['data', 'order'] },
		{ list: ['data', 'orders', 'nodes'] },
		{ list: ['data', 'orders', 'edges'], node: 'node' },
		{ one: ['order'] },
		{ list: ['orders', 'nodes'] },
		{ list: ['orders', 'edges'], node: 'node' },
		{ list: ['orders'] },
	],
	// GET /orders/{id} is the order; GET /orders is a bare array.
	woocommerce: [],
	nuvemshop: [],
	// Get order is the order; order-group is a bare array; List orders answers {list, paging, stats} of
	// summaries, which normalize rejects by name (they have no items).
	vtex: [{ list: ['list'] }],
	// GET /seller/v1/orders/{id} is the order; GET /seller/v1/orders answers {meta, results}.
	magalu: [{ list: ['results'] }],
	// Orders API v2026-01-01 (the one the adapter reads): getOrder {order}, searchOrders {orders, pagination}.
	// v0's {payload} is not unwrapped: its orders are another model, which the normaliser does not read.
	amazon: [{ one: ['order'] }, { list: ['orders'] }],
};

function at(value: unknown, path: readonly string[]): unknown {
	let v = value;
	for (const key of path) v = isJsonObject(v) ? v[key] : undefined;
	return v;
}

/**
 * The raw orders in a channel's API response. `list` tells whether the response was a list (answer with a
 * list, whatever its length) or one order.
 */
export function ordersInResponse(channel: ChannelId, response: unknown): { orders: unknown[]; list: boolean } {
	if (Array.isArray(response)) return { orders: response.flatMap((r) => ordersInResponse(channel, r).orders), list: true };
	for (const shape of SHAPES[channel]) {
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
