import type { CanonicalStatus } from '../model/order';
import { skuQuantities, type SkuQuantities } from './quantities';

/** The store's record of one order's stock (what plan.ts and returns.ts move), and the effects they write. */

/** Where the order's stock footprint is. `reserved` whenever some units are reserved (even if others are committed). */
export type Stage = 'none' | 'reserved' | 'committed' | 'released' | 'restocked' | 'expired' | 'closed';

export interface OrderStockState {
	orderKey: string;
	/** Last status applied; null for an order never seen. */
	status: CanonicalStatus | null;
	stage: Stage;
	warehouse: string;
	reserved: SkuQuantities;
	/**
	 * Units deducted from on-hand for this order and not put back. A SKU once committed keeps its key (at 0 when
	 * all came back): the first commit of an order has the key `commit`, every later one `commit@<revision>`.
	 */
	committed: SkuQuantities;
	/** Bumped by every transition that moves stock; makes effect keys of repeatable effects unique. */
	revision: number;
	reservedAt: string | null;
	/** The channel's updatedAt of the last snapshot applied: older channel snapshots are stale. */
	channelUpdatedAt: string | null;
	/**
	 * The furthest status the ERP posted (invoiced, shipped, …): a fact kept apart from the channel's version, so
	 * the two clocks are never compared. A channel snapshot behind it is read at this status.
	 */
	erpStatus: CanonicalStatus | null;
	/** Units back on hand per SKU through returns (the channel's restocked returns and registered ones). */
	returned: SkuQuantities;
	/** Units per SKU registered by Register Return (restocked or quarantined): at most `returned`. */
	registered: SkuQuantities;
	/** Refs of the returns registered (each applies once). */
	returnRefs: string[];
	/**
	 * Kit SKUs this order held, each with its components per kit unit as defined when the order first held it
	 * (reserved/committed count kit units): later definition changes never move what the order holds.
	 */
	kits?: Record<string, SkuQuantities>;
}

/** Who posted an order: its channel (a version of the order) or the ERP (an event: invoiced, shipped). */
export type OrderSource = 'channel' | 'erp';

/**
 * `return`: a registered return put back on hand; `return_quarantine`: a registered return booked into the
 * quarantine warehouse; `quarantine`: units already back on hand moved to quarantine (out of one warehouse,
 * into the other); `exchange`: the reservation of an exchange's new line.
 */
export type EffectKind = 'reserve' | 'adjust_reservation' | 'release' | 'commit' | 'restock' | 'expire' | 'return' | 'return_quarantine' | 'quarantine' | 'exchange';

export interface StockMovement {
	sku: string;
	warehouse: string;
	deltaOnHand: number;
	deltaReserved: number;
	reason: EffectKind;
	/** Unique per order: (order, effectKey, sku, kit) can be written once. */
	effectKey: string;
	/** The kit line this component movement came from (absent for a SKU's own line). */
	kit?: string;
}

export interface AppliedEffect {
	effect: EffectKind;
	key: string;
	/** A kit's line lists the component units it moved. */
	lines: Array<{ sku: string; quantity: number; components?: Array<{ sku: string; quantity: number }> }>;
}

export type Outcome = 'applied' | 'unchanged' | 'regression' | 'stale';

export type PlanFlag =
	| 'regression'
	| 'stale'
	| 'lines_changed_after_commit'
	| 'cancelled_after_commit_not_restocked'
	| 'returned_not_restocked'
	| 'returns_lowered'
	| 'erp_post_after_terminal';

export interface OrderPlan {
	outcome: Outcome;
	next: OrderStockState;
	effects: AppliedEffect[];
	movements: StockMovement[];
	flags: PlanFlag[];
}

export function emptyState(orderKey: string, warehouse: string): OrderStockState {
	return {
		orderKey,
		status: null,
		stage: 'none',
		warehouse,
		reserved: skuQuantities(),
		committed: skuQuantities(),
		revision: 0,
		reservedAt: null,
		channelUpdatedAt: null,
		erpStatus: null,
		returned: skuQuantities(),
		registered: skuQuantities(),
		returnRefs: [],
	};
}

/** One SKU's part of an effect: the units named in the effect's lines and the counter deltas. */
export interface Part {
	sku: string;
	units: number;
	onHand: number;
	reserved: number;
}

/** Builds effects and movements for one transition; keeps the two lists consistent by construction. */
export class Transition {
	readonly effects: AppliedEffect[] = [];
	readonly movements: StockMovement[] = [];
	constructor(private readonly warehouse: string) {}

	add(effect: EffectKind, key: string, parts: Part[]): void {
		const sorted = [...parts].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
		for (const p of sorted) {
			const deltaOnHand = p.onHand || 0; // never -0
			const deltaReserved = p.reserved || 0;
			if (deltaOnHand === 0 && deltaReserved === 0) continue;
			this.movements.push({ sku: p.sku, warehouse: this.warehouse, deltaOnHand, deltaReserved, reason: effect, effectKey: key });
		}
		this.effects.push({ effect, key, lines: sorted.filter((p) => p.units !== 0).map((p) => ({ sku: p.sku, quantity: p.units })) });
	}

	has(effect: EffectKind): boolean {
		return this.effects.some((e) => e.effect === effect);
	}
}

