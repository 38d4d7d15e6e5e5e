import { quantitiesBySku, type CanonicalOrder, type CanonicalStatus } from '../model/order';
import { isTerminal, statusPhase, statusRank, type LifecycleConfig } from './config';

/**
 * The lifecycle → stock-effect rules, as a pure function of (what the store knows of the order, the order
 * as the channel shows it now). The store applies the movements it returns inside one transaction.
 *
 * The store remembers, per order, the stock it holds: units reserved and units committed (deducted from
 * on-hand). Each incoming snapshot moves that footprint to where the new status says it should be, so
 * re-applying a snapshot is a no-op and an order first seen late gets the cumulative effect once.
 */

/** Where the order's stock footprint is. */
export type Stage = 'none' | 'reserved' | 'committed' | 'released' | 'restocked' | 'expired' | 'closed';

/**
 * Units per SKU. Always a null-prototype object (see `skuQuantities`), so a SKU named "constructor",
 * "toString" or "__proto__" is a key like any other; read it with `qty`, which only sees own keys.
 */
export type SkuQuantities = Record<string, number>;

/** A null-prototype copy of `from` (a footprint read back from JSON is a plain object). */
export function skuQuantities(from?: Readonly<Record<string, unknown>> | null): SkuQuantities {
	const out = Object.create(null) as SkuQuantities;
	if (from) for (const sku of Object.keys(from)) out[sku] = Number(from[sku]);
	return out;
}

/** The units held for a SKU; 0 when absent (never an inherited Object.prototype member). */
export const qty = (q: SkuQuantities, sku: string): number => (Object.hasOwn(q, sku) ? q[sku] : 0);

export interface OrderStockState {
	orderKey: string;
	/** Last status applied; null for an order never seen. */
	status: CanonicalStatus | null;
	stage: Stage;
	warehouse: string;
	reserved: SkuQuantities;
	committed: SkuQuantities;
	/** Bumped by every transition that moves stock; makes effect keys of repeatable effects unique. */
	revision: number;
	reservedAt: string | null;
	/** The channel's updatedAt of the last snapshot applied: older snapshots are stale. */
	channelUpdatedAt: string | null;
}

export type EffectKind = 'reserve' | 'adjust_reservation' | 'release' | 'commit' | 'restock' | 'expire';

export interface StockMovement {
	sku: string;
	warehouse: string;
	deltaOnHand: number;
	deltaReserved: number;
	reason: EffectKind;
	/** Unique per order: (order, effectKey, sku) can be written once. */
	effectKey: string;
}

export interface AppliedEffect {
	effect: EffectKind;
	key: string;
	lines: Array<{ sku: string; quantity: number }>;
}

export type Outcome = 'applied' | 'unchanged' | 'regression' | 'stale';

export type PlanFlag = 'regression' | 'stale' | 'lines_changed_after_commit' | 'cancelled_after_commit_not_restocked' | 'returned_not_restocked';

export interface OrderPlan {
	outcome: Outcome;
	next: OrderStockState;
	effects: AppliedEffect[];
	movements: StockMovement[];
	flags: PlanFlag[];
}

export function emptyState(orderKey: string, warehouse: string): OrderStockState {
	return { orderKey, status: null, stage: 'none', warehouse, reserved: skuQuantities(), committed: skuQuantities(), revision: 0, reservedAt: null, channelUpdatedAt: null };
}

const sameQuantities = (a: SkuQuantities, b: SkuQuantities): boolean => {
	const ka = Object.keys(a).filter((k) => a[k] !== 0);
	const kb = Object.keys(b).filter((k) => b[k] !== 0);
	return ka.length === kb.length && ka.every((k) => a[k] === qty(b, k));
};

/** Builds effects and movements for one transition; keeps the two lists consistent by construction. */
class Transition {
	readonly effects: AppliedEffect[] = [];
	readonly movements: StockMovement[] = [];
	constructor(private readonly state: OrderStockState) {}

	private add(effect: EffectKind, key: string, perSku: SkuQuantities, onHandSign: number, reservedOf: (sku: string) => number): void {
		const skus = Object.keys(perSku).sort();
		const lines = skus.filter((s) => perSku[s] !== 0).map((sku) => ({ sku, quantity: perSku[sku] }));
		for (const sku of skus) {
			const deltaOnHand = onHandSign * qty(perSku, sku) || 0; // never -0
			const deltaReserved = reservedOf(sku) || 0;
			if (deltaOnHand === 0 && deltaReserved === 0) continue;
			this.movements.push({ sku, warehouse: this.state.warehouse, deltaOnHand, deltaReserved, reason: effect, effectKey: key });
		}
		this.effects.push({ effect, key, lines });
	}

	reserve(key: string, units: SkuQuantities): void {
		this.add('reserve', key, units, 0, (s) => qty(units, s));
	}

	adjustReservation(key: string, from: SkuQuantities, to: SkuQuantities): void {
		const delta = skuQuantities();
		for (const sku of new Set([...Object.keys(from), ...Object.keys(to)])) {
			const d = qty(to, sku) - qty(from, sku);
			if (d !== 0) delta[sku] = d;
		}
		this.add('adjust_reservation', key, delta, 0, (s) => qty(delta, s));
	}

	release(kind: 'release' | 'expire', key: string, held: SkuQuantities): void {
		this.add(kind, key, held, 0, (s) => -qty(held, s));
	}

	/** Deducts `qty` from on-hand and drops whatever reservation the order held. */
	commit(key: string, units: SkuQuantities, heldReservation: SkuQuantities): void {
		const all = skuQuantities();
		for (const sku of new Set([...Object.keys(units), ...Object.keys(heldReservation)])) all[sku] = qty(units, sku);
		this.add('commit', key, all, -1, (s) => -qty(heldReservation, s));
	}

	restock(key: string, units: SkuQuantities): void {
		this.add('restock', key, units, 1, () => 0);
	}
}

/**
 * Plans the stock effect of applying `order` (as the channel shows it now) to an order the store knows as
 * `state` (emptyState for a first sighting).
 */
export function planOrderChange(state: OrderStockState, order: CanonicalOrder, config: LifecycleConfig, now: string): OrderPlan {
	const incoming = order.status;
	const unchanged = (outcome: Outcome, flags: PlanFlag[] = []): OrderPlan => ({ outcome, next: state, effects: [], movements: [], flags });

	if (state.channelUpdatedAt && Date.parse(order.updatedAt) < Date.parse(state.channelUpdatedAt)) return unchanged('stale', ['stale']);
	if (state.status !== null && state.status !== incoming) {
		const backwards = isTerminal(state.status) || statusRank(incoming) < statusRank(state.status);
		if (backwards) return unchanged('regression', ['regression']);
	}

	const lines = skuQuantities(quantitiesBySku(order.lines));
	const next: OrderStockState = { ...state, status: incoming, channelUpdatedAt: order.updatedAt };
	const t = new Transition(state);
	const flags: PlanFlag[] = [];
	const rev = state.revision + 1;
	const phase = statusPhase(incoming, config);

	switch (state.stage) {
		case 'none':
		case 'expired':
			if (phase === 'open') {
				// An expired reservation comes back only when the order moves on (it got paid).
				if (state.stage === 'expired' && statusRank(incoming) <= statusRank(state.status ?? 'pending_payment')) break;
				t.reserve(state.stage === 'none' ? 'reserve' : `reserve@${rev}`, lines);
				Object.assign(next, { stage: 'reserved', reserved: lines, reservedAt: now });
			} else if (phase === 'committed' || (phase === 'returned' && !config.restockOnReturn)) {
				t.commit('commit', lines, skuQuantities());
				Object.assign(next, { stage: 'committed', committed: lines });
				if (phase === 'returned') flags.push('returned_not_restocked');
			} else {
				next.stage = 'closed'; // first seen cancelled/returned-and-restocked: its units never left
			}
			break;
		case 'reserved':
			if (phase === 'open') {
				if (!sameQuantities(state.reserved, lines)) {
					t.adjustReservation(`adjust@${rev}`, state.reserved, lines);
					next.reserved = lines;
				}
			} else if (phase === 'committed') {
				t.commit('commit', lines, state.reserved);
				Object.assign(next, { stage: 'committed', committed: lines, reserved: skuQuantities() });
			} else {
				t.release('release', 'release', state.reserved);
				Object.assign(next, { stage: 'released', reserved: skuQuantities() });
			}
			break;
		case 'committed':
			if (phase === 'committed' && !sameQuantities(state.committed, lines)) flags.push('lines_changed_after_commit');
			if (phase === 'cancelled' || phase === 'returned') {
				const restock = phase === 'cancelled' ? config.restockOnCancelAfterCommit : config.restockOnReturn;
				if (restock) {
					t.restock('restock', state.committed);
					Object.assign(next, { stage: 'restocked' });
				} else {
					flags.push(phase === 'cancelled' ? 'cancelled_after_commit_not_restocked' : 'returned_not_restocked');
				}
			}
			break;
		default:
			break; // released, restocked, closed: terminal, nothing is held
	}

	if (t.movements.length > 0 || t.effects.length > 0) next.revision = rev;
	const outcome: Outcome = t.effects.length > 0 ? 'applied' : 'unchanged';
	return { outcome, next, effects: t.effects, movements: t.movements, flags };
}

/** Releases the reservation of an order still awaiting payment whose reservation is older than the cutoff. */
export function planExpiry(state: OrderStockState, cutoff: string): OrderPlan | undefined {
	if (state.stage !== 'reserved' || state.status !== 'pending_payment' || !state.reservedAt) return undefined;
	if (Date.parse(state.reservedAt) >= Date.parse(cutoff)) return undefined;
	const rev = state.revision + 1;
	const t = new Transition(state);
	t.release('expire', `expire@${rev}`, state.reserved);
	const next: OrderStockState = { ...state, stage: 'expired', reserved: skuQuantities(), revision: rev };
	return { outcome: 'applied', next, effects: t.effects, movements: t.movements, flags: [] };
}
