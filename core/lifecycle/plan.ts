import type { CanonicalOrder, CanonicalStatus } from '../model/order';
import { isTerminal, statusPhase, statusRank, type LifecycleConfig } from './config';
import { snapshotUnits } from './footprint';
import { nextStage } from './stage';
import { anyPositive, positive, qty, skuQuantities, type SkuQuantities } from './quantities';

export { qty, skuQuantities, type SkuQuantities } from './quantities';

/**
 * The lifecycle → stock-effect rules, as a pure function of (what the store knows of the order, the order
 * as the channel shows it now). The store applies the movements it returns inside one transaction.
 *
 * The store remembers, per order and SKU, the stock it holds: units reserved and units committed (deducted
 * from on-hand and not put back). Each incoming snapshot says where that footprint should be (see
 * footprint.ts: per line, units still on the order, shipped and returned) and the plan moves only the
 * difference, so re-applying a snapshot is a no-op, an order first seen late gets the cumulative effect
 * once, and a unit comes back (restock) only as many times as it left (commit).
 */

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

/** One SKU's part of an effect: the units named in the effect's lines and the counter deltas. */
interface Part {
	sku: string;
	units: number;
	onHand: number;
	reserved: number;
}

/** Builds effects and movements for one transition; keeps the two lists consistent by construction. */
class Transition {
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

const union = (...maps: SkuQuantities[]): string[] => [...new Set(maps.flatMap((m) => Object.keys(m)))].sort();

function zeroed(q: SkuQuantities): SkuQuantities {
	const out = skuQuantities();
	for (const sku of Object.keys(q)) out[sku] = 0;
	return out;
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

	const rev = state.revision + 1;
	const phase = statusPhase(incoming, config);
	const terminal = isTerminal(incoming);
	const terminalBefore = state.status !== null && isTerminal(state.status);
	const entering = terminal && !terminalBefore;
	const units = snapshotUnits(order, config);
	const flags = new Set<PlanFlag>();

	// An expired reservation comes back only when the order moves on (it got paid).
	const keepExpired = state.stage === 'expired' && phase === 'open' && statusRank(incoming) <= statusRank(state.status ?? 'pending_payment');
	const reserved = keepExpired ? skuQuantities() : positive(units.reserved);

	// Rows written before per-line quantities kept a restocked order's units on record: none is deducted any more.
	const held = state.stage === 'restocked' ? zeroed(state.committed) : state.committed;
	const committed = skuQuantities();
	for (const sku of union(held, units.deducted)) {
		const before = qty(held, sku);
		const wanted = incoming === 'cancelled' ? 0 : qty(units.deducted, sku) - (config.restockOnReturn ? qty(units.returned, sku) : 0);
		let target = wanted;
		if (incoming === 'cancelled') target = config.restockOnCancelAfterCommit ? 0 : before;
		// Without restocking cancellations, deducted units stay out (only a returned order puts its returns back).
		else if (!config.restockOnCancelAfterCommit && !(incoming === 'returned' && config.restockOnReturn)) target = Math.max(before, wanted);
		// After cancelled/returned units may still come back, never leave again.
		if (terminalBefore) target = Math.min(target, before);
		if (target > wanted) flags.add('cancelled_after_commit_not_restocked');
		if (target > 0 || Object.hasOwn(held, sku)) committed[sku] = target;
	}
	if (!config.restockOnReturn && anyPositive(units.returned)) flags.add('returned_not_restocked');

	const t = new Transition(state.warehouse);
	const commitParts: Part[] = [];
	const restockParts: Part[] = [];
	const resid = skuQuantities();
	const wasCommitted = anyPositive(held);
	let changedAfterCommit = !terminal && flags.has('cancelled_after_commit_not_restocked');
	for (const sku of union(state.reserved, reserved, held, committed)) {
		const d0 = qty(held, sku);
		const d1 = qty(committed, sku);
		let dR = qty(reserved, sku) - qty(state.reserved, sku);
		if (d1 > d0) {
			// Units committed come out of the order's reservation first.
			const take = Math.min(d1 - d0, Math.max(0, -dR));
			commitParts.push({ sku, units: d1 - d0, onHand: -(d1 - d0), reserved: -take });
			dR += take;
			if (take < d1 - d0 && wasCommitted && !terminal) changedAfterCommit = true; // units added after the commit point
		} else if (d1 < d0) {
			restockParts.push({ sku, units: d0 - d1, onHand: d0 - d1, reserved: 0 });
			if (!terminal && d0 - d1 > qty(units.returned, sku)) changedAfterCommit = true; // cancelled after the commit point
		}
		if (dR !== 0) resid[sku] = dR;
	}
	if (changedAfterCommit) flags.add('lines_changed_after_commit');

	// Committing the whole order also drops what is left of its reservation (lines edited at the commit point).
	if (commitParts.length > 0 && !terminal && !anyPositive(reserved)) {
		for (const sku of Object.keys(resid)) {
			if (resid[sku] > 0) continue;
			const part = commitParts.find((p) => p.sku === sku);
			if (part) part.reserved += resid[sku];
			else commitParts.push({ sku, units: 0, onHand: 0, reserved: resid[sku] });
			delete resid[sku];
		}
	}
	const commitKey = Object.keys(state.committed).length === 0 ? 'commit' : `commit@${rev}`;
	if (commitParts.length > 0) t.add('commit', commitKey, commitParts);
	if (restockParts.length > 0) t.add('restock', entering ? 'restock' : `restock@${rev}`, restockParts);
	const residSkus = Object.keys(resid);
	const reserveKey = state.stage === 'none' ? 'reserve' : `reserve@${rev}`;
	if (residSkus.length > 0) {
		const parts = residSkus.map((sku) => ({ sku, units: Math.abs(resid[sku]), onHand: 0, reserved: resid[sku] }));
		if (terminal) t.add('release', entering ? 'release' : `release@${rev}`, parts);
		else if (residSkus.every((s) => resid[s] > 0) && !anyPositive(state.reserved)) t.add('reserve', reserveKey, parts);
		else if (residSkus.every((s) => resid[s] < 0) && anyPositive(committed)) t.add('release', `release@${rev}`, parts);
		else t.add('adjust_reservation', `adjust@${rev}`, parts.map((p) => ({ ...p, units: p.reserved })));
	}

	const stage = nextStage(state, { reserved, committed, terminal, phase, keepExpired, restocked: restockParts.length > 0, released: t.has('release'), config });
	// A stage change is recorded even when no line holds stock (every line waiting for its SKU).
	if (t.effects.length === 0 && stage !== state.stage) {
		if (stage === 'reserved') t.add('reserve', reserveKey, []);
		else if (stage === 'committed') t.add('commit', commitKey, []);
		else if (stage === 'released') t.add('release', 'release', []);
		else if (stage === 'restocked') t.add('restock', 'restock', []);
	}

	const next: OrderStockState = {
		...state,
		status: incoming,
		channelUpdatedAt: order.updatedAt,
		stage,
		reserved,
		committed,
		revision: t.effects.length > 0 ? rev : state.revision,
		reservedAt: t.has('reserve') ? now : state.reservedAt,
	};
	return { outcome: t.effects.length > 0 ? 'applied' : 'unchanged', next, effects: t.effects, movements: t.movements, flags: [...flags] };
}

/** Releases the reservation of an order still awaiting payment whose reservation is older than the cutoff. */
export function planExpiry(state: OrderStockState, cutoff: string): OrderPlan | undefined {
	if (state.stage !== 'reserved' || state.status !== 'pending_payment' || !state.reservedAt) return undefined;
	if (Date.parse(state.reservedAt) >= Date.parse(cutoff)) return undefined;
	const rev = state.revision + 1;
	const t = new Transition(state.warehouse);
	t.add('expire', `expire@${rev}`, Object.keys(state.reserved).map((sku) => ({ sku, units: state.reserved[sku], onHand: 0, reserved: -state.reserved[sku] })));
	const next: OrderStockState = { ...state, stage: 'expired', reserved: skuQuantities(), revision: rev };
	return { outcome: 'applied', next, effects: t.effects, movements: t.movements, flags: [] };
}
