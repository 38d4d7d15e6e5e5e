import type { OrderLine } from '../../model/order';
import type { ShopifyLineFacts } from './facts';

/**
 * Per-line progress of a Shopify order: units shipped (fulfillments' line items) and units back (refund line
 * items by restock type), as both readers extract them. Shopify's current quantity drops every refunded unit,
 * shipped or not; the canonical `quantity` drops only the units that will not leave (cancelled), so a unit
 * refunded after it shipped stays on the line, counted in `returnedQuantity` when it came back.
 *
 * Restock types (RefundLineItemRestockType / restock_type): CANCEL — unfulfilled units, cancelled;
 * RETURN — fulfilled units, returned to stock; NO_RESTOCK — refunded without restock: cancelled while units
 * are still unshipped, else a shipped unit the buyer keeps (not back); LEGACY_RESTOCK — older refunds that
 * restocked without saying which: cancelled while units are unshipped, else returned.
 */

export type RestockType = 'cancel' | 'return' | 'no_restock' | 'legacy_restock';

export interface RefundedUnits {
	lineId: string;
	quantity: number;
	restockType: RestockType;
}

export interface ShopifyProgressFacts {
	/** Units per line id in the order's live fulfillments; undefined when no fulfillment lists its line items. */
	fulfilled?: Map<string, number>;
	refunds: RefundedUnits[];
}

/** A restock type as either API spells it ("RETURN", "return"); an unknown or absent one counts as no restock. */
export function restockType(raw: unknown, legacyRestock: boolean): RestockType {
	const v = typeof raw === 'string' ? raw.toLowerCase() : '';
	if (v === 'cancel' || v === 'return' || v === 'no_restock' || v === 'legacy_restock') return v;
	// Refunds from before restock_type carried one `restock` flag for the whole refund.
	return legacyRestock ? 'legacy_restock' : 'no_restock';
}

/** The canonical line (quantity, shippedQuantity, returnedQuantity) from one line's facts and the order's progress. */
export function lineWithProgress(facts: ShopifyLineFacts, progress: ShopifyProgressFacts): OrderLine {
	const id = facts.line.channelLineId;
	const units = { cancel: 0, return: 0, no_restock: 0, legacy_restock: 0 };
	for (const r of progress.refunds) if (id !== undefined && r.lineId === id) units[r.restockType] += r.quantity;
	const refunded = units.cancel + units.return + units.no_restock + units.legacy_restock;
	// Units not removed by order edits: what is current plus what was refunded.
	const notRemoved = Math.min(facts.orderedQuantity, facts.currentQuantity + refunded);
	const fulfilled = progress.fulfilled && id !== undefined ? (progress.fulfilled.get(id) ?? 0) : undefined;
	let unshipped = Math.max(0, notRemoved - (fulfilled ?? 0));
	const cancelled = Math.min(unshipped, units.cancel + units.no_restock);
	unshipped -= cancelled;
	const legacyCancelled = Math.min(unshipped, units.legacy_restock);
	const quantity = notRemoved - cancelled - legacyCancelled;
	const line: OrderLine = { ...facts.line, quantity } as OrderLine;
	if (fulfilled !== undefined) line.shippedQuantity = Math.min(fulfilled, quantity);
	const returned = Math.min(line.shippedQuantity ?? quantity, units.return + units.legacy_restock - legacyCancelled);
	if (returned > 0) line.returnedQuantity = returned;
	return line;
}
