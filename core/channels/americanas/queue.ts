import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, send } from '../common/http';
import { absentOn404 } from '../common/writer';
import type { AdapterContext } from '../types';
import { getSkyhubOrder } from './api';
import type { AmericanasOrder } from './normalize';

/**
 * The SkyHub order queue ("Consumo de Pedidos - Queues"): GET /queues/orders answers ONE order, the next one
 * waiting (a new order or an order the marketplace changed, always in its current state); DELETE
 * /queues/orders/{code} removes it once the integration has it. An order read but not deleted within 5 minutes
 * "is queued for consumption again". Read as a queue with a visibility timeout: each GET gives the next
 * order, and what is not deleted comes back.
 *
 * Not confirmed by the public documentation, and what this code does about it:
 * - the empty queue's answer: 204, an empty body and an object without a code are all read as "empty";
 * - whether a GET hides the order it gave (the 5-minute rule says so) or gives the same head until it is
 *   deleted: a code met twice in one read ends the read, so the second reading is neither emitted nor lost;
 * - what a DELETE does to a change that arrived after the read (one entry per order): before deleting, the
 *   order is read again (GET /orders/{code}); when it changed since the version emitted, it is not deleted,
 *   and the queue delivers it again (at-least-once; the poller drops versions it already emitted).
 */

/** An ack handle: the order code and the change time of the version read (JSON, codes hold any character). */
const handleOf = (code: string, updatedAt: string | undefined): string => JSON.stringify([code, updatedAt ?? '']);

function parseHandle(handle: string): { code: string; updatedAt: string } {
	const parsed: unknown = JSON.parse(handle);
	if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw new Error(`Invalid Americanas queue handle ${handle}`);
	return { code: parsed[0], updatedAt: String(parsed[1] ?? '') };
}

const isEmptyAnswer = (status: number, body: unknown): boolean =>
	status === 204 || body === undefined || body === null || body === '' || (typeof body === 'object' && Object.keys(body).length === 0);

/** Up to `max` queued orders, one GET each, with their ack handles; orders without a code have none. */
export async function readQueue(ctx: AdapterContext, max: number): Promise<{ items: AmericanasOrder[]; acks: string[] }> {
	const req: HttpRequest = { method: 'GET', url: joinUrl(ctx.baseUrl, '/queues/orders') };
	const items: AmericanasOrder[] = [];
	const acks: string[] = [];
	const codes = new Set<string>();
	while (items.length < max) {
		const res = await send(ctx, req);
		if (isEmptyAnswer(res.status, res.body)) break;
		const order = expectObject(res, req);
		const code = typeof order.code === 'string' && order.code.trim() !== '' ? order.code : undefined;
		if (code !== undefined && codes.has(code)) break;
		items.push(order);
		if (code === undefined) continue;
		codes.add(code);
		acks.push(handleOf(code, typeof order.updated_at === 'string' ? order.updated_at : undefined));
	}
	return { items, acks };
}

/** Deletes each emitted order from the queue, unless it changed after the version emitted (then it comes again). */
export async function acknowledgeQueue(ctx: AdapterContext, handles: string[]): Promise<void> {
	for (const handle of handles) {
		const { code, updatedAt } = parseHandle(handle);
		const now = await absentOn404(() => getSkyhubOrder(ctx, code));
		const current = typeof now?.updated_at === 'string' ? Date.parse(now.updated_at) : NaN;
		if (updatedAt && current > Date.parse(updatedAt)) continue;
		try {
			await send(ctx, { method: 'DELETE', url: joinUrl(ctx.baseUrl, `/queues/orders/${encodeURIComponent(code)}`) });
		} catch (error) {
			// Already gone from the queue: what the delete wanted.
			if (!(error instanceof ChannelHttpError && error.httpCode === 404)) throw error;
		}
	}
}
