import type { CanonicalOrder } from '../model/order';
import { statusPhase, statusRank, type LifecycleConfig } from './config';
import { addQty, skuQuantities, type SkuQuantities } from './quantities';

/**
 * Where an order's stock should be, read from one snapshot, per SKU, line by line:
 * - `deducted`: units the snapshot says left on-hand for good: every unit still on the order once the commit
 *   point (paid / invoiced) is passed; with the commit point at shipped (and before any commit point), the
 *   units shipped so far.
 * - `reserved`: the rest of the units still on the order, while it is not cancelled or returned.
 * - `returned`: units of `deducted` that came back (restocked or written off by the restock-returns rule).
 * Cancelled units are not in the snapshot at all: a line's quantity already excludes them.
 */
export interface SnapshotUnits {
	deducted: SkuQuantities;
	reserved: SkuQuantities;
	returned: SkuQuantities;
}

export function snapshotUnits(order: CanonicalOrder, config: LifecycleConfig): SnapshotUnits {
	const out: SnapshotUnits = { deducted: skuQuantities(), reserved: skuQuantities(), returned: skuQuantities() };
	const status = order.status;
	if (status === 'cancelled') return out; // everything comes back
	const phase = statusPhase(status, config);
	const shippedByStatus = statusRank(status) >= statusRank('shipped'); // shipped, delivered, returned
	for (const line of order.lines) {
		if (line.sku === undefined) continue; // unmapped lines hold no stock
		const q = line.quantity;
		const shipped = Math.min(q, line.shippedQuantity ?? (shippedByStatus ? q : 0));
		const deducted = config.commitOn !== 'shipped' && phase !== 'open' ? q : shipped;
		// A returned order without per-line counts: every unit it deducted came back.
		const returned = Math.min(deducted, line.returnedQuantity ?? (status === 'returned' ? deducted : 0));
		addQty(out.deducted, line.sku, deducted);
		addQty(out.returned, line.sku, returned);
		if (phase === 'open' || phase === 'committed') addQty(out.reserved, line.sku, q - deducted);
	}
	return out;
}
