import type { CanonicalStatus, OrderLine } from '../../model/order';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';

/**
 * Refunded units per line. Woo's order lists its refunds as `{id, total}` only; the units are in each refund's
 * `line_items` (GET /orders/{id}/refunds, "Order refunds" in the REST API docs): `quantity` negative, the
 * order line it refunds in the `_refunded_item_id` meta. The adapter reads them for orders that have refunds
 * and keeps them on the raw order as `oms_refunds` (the refunds list as Woo answers it).
 *
 * Woo does not say per line what shipped, nor (on read) whether a refund restocked (`api_restock` is
 * write-only): units refunded before the order shipped are cancelled; after (completed), they are returned,
 * and the store's restock-returns rule decides.
 */

export const WOO_REFUNDS_KEY = 'oms_refunds';

export function refundedUnits(r: RawReader, raw: JsonObject): Map<string, number> {
	const units = new Map<string, number>();
	const refunds = raw[WOO_REFUNDS_KEY];
	if (!Array.isArray(refunds)) return units;
	for (const { item: refund, path } of r.objects(refunds, WOO_REFUNDS_KEY)) {
		for (const { item, path: p } of r.objects(r.optArray(refund, `${path}.line_items`) ?? [], `${path}.line_items`)) {
			const meta = (r.optArray(item, `${p}.meta_data`) ?? []).filter(isJsonObject);
			const lineId = meta.find((m) => m.key === '_refunded_item_id')?.value;
			if (lineId === undefined || lineId === null) continue;
			const quantity = Math.abs(r.integer(item, `${p}.quantity`, -1_000_000_000));
			units.set(String(lineId), (units.get(String(lineId)) ?? 0) + quantity);
		}
	}
	return units;
}

/** Lines with their refunded units: cancelled before shipping (fewer units), returned after. */
export function withRefunds(lines: OrderLine[], units: Map<string, number>, status: CanonicalStatus): OrderLine[] {
	if (units.size === 0) return lines;
	const shipped = status === 'shipped' || status === 'delivered' || status === 'returned';
	const out = lines.map((line) => {
		const refunded = Math.min(line.quantity, (line.channelLineId && units.get(line.channelLineId)) || 0);
		if (refunded === 0) return line;
		return shipped ? { ...line, returnedQuantity: refunded } : { ...line, quantity: line.quantity - refunded };
	});
	const left = out.filter((l) => l.quantity > 0);
	// Every unit refunded before shipping: a cancelled order may keep no line.
	return left.length > 0 || status === 'cancelled' ? left : out.map((l, i) => ({ ...l, quantity: lines[i].quantity }));
}
