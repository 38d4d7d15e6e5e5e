import { joinUrl } from '../common/http';
import type { JsonObject } from '../common/raw-reader';
import { sendWrite } from '../common/writer';
import type { AdapterContext } from '../types';

/**
 * The "Accept Orders" setting (options.acceptOrders): every listed order in WAITING_ACCEPTANCE is accepted
 * whole (OR21, every line accepted) before it is emitted. Without it the seller accepts in the Mirakl back
 * office; an order nobody accepts in time is cancelled by the marketplace.
 * Stock: a waiting order is emitted as pending_payment, so its units are reserved from the first poll; once
 * accepted it moves to WAITING_DEBIT and SHIPPING (the reservation stays); a cancelled one gives them back.
 * A failed acceptance fails the poll, so the window is read again and nothing is skipped.
 */
export async function acceptWaiting(ctx: AdapterContext, orders: JsonObject[]): Promise<void> {
	if (ctx.options?.acceptOrders !== true) return;
	for (const o of orders) {
		if (o.order_state !== 'WAITING_ACCEPTANCE' || !Array.isArray(o.order_lines)) continue;
		const order_lines = (o.order_lines as JsonObject[]).map((l) => ({ accepted: true, id: String(l.order_line_id) }));
		await sendWrite(ctx, 'PUT', joinUrl(ctx.baseUrl, `/api/orders/${encodeURIComponent(String(o.order_id))}/accept`), { body: { order_lines } });
	}
}
