import type { CanonicalOrder } from '../model/order';
import { isTerminal, statusPhase, statusRank, type LifecycleConfig } from './config';
import { snapshotUnits } from './footprint';
import { Transition, type OrderPlan, type OrderSource, type OrderStockState, type Outcome, type Part, type PlanFlag } from './state';
import { nextStage } from './stage';
import { anyPositive, positive, qty, skuQuantities, type SkuQuantities } from './quantities';

export { qty, skuQuantities, type SkuQuantities } from './quantities';
export * from './state';

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
export function planOrderChange(state: OrderStockState, posted: CanonicalOrder, config: LifecycleConfig, now: string, source: OrderSource = 'channel'): OrderPlan {
	const unchanged = (outcome: Outcome, flags: PlanFlag[] = []): OrderPlan => ({ outcome, next: state, effects: [], movements: [], flags });
	const erp = source === 'erp';

	// Each source is compared with itself only: the channel's updatedAt with the channel's, never with the ERP's.
	if (!erp && state.channelUpdatedAt && Date.parse(posted.updatedAt) < Date.parse(state.channelUpdatedAt)) return unchanged('stale', ['stale']);
	// An ERP post is an event (invoiced, shipped): after a cancellation or return it changes nothing.
	if (erp && state.status !== null && isTerminal(state.status)) return unchanged('unchanged', ['erp_post_after_terminal']);
	const order = atFurthestFact(state, posted, erp);
	const incoming = order.status;
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
	// Units back through returns: the snapshot's (when returns are restocked) or the registered ones, never both.
	const back = skuQuantities(state.returned);
	const newlyBack = skuQuantities();
	// SKUs back through returns are visited too: one the order no longer names has left it, and is no longer back.
	for (const sku of union(held, units.deducted, state.returned)) {
		const before = qty(held, sku);
		const wasBack = qty(state.returned, sku);
		const deducted = qty(units.deducted, sku);
		const registered = qty(state.registered, sku);
		const reported = Math.min(deducted, Math.max(config.restockOnReturn ? qty(units.returned, sku) : 0, registered));
		// A unit once back stays back: a later snapshot reporting fewer returned units is a correction to look at
		// (flagged), never a second deduction of units already restocked. Only units leaving the order (its
		// deducted units fell below what was out plus back) lower what counts as back, by as many.
		const stillBack = Math.max(0, wasBack - Math.max(0, before + wasBack - deducted));
		if (incoming !== 'cancelled' && reported < stillBack) flags.add('returns_lowered');
		const backWanted = incoming === 'cancelled' ? wasBack : Math.max(reported, stillBack);
		const wanted = incoming === 'cancelled' ? 0 : Math.max(0, deducted - backWanted);
		let target = wanted;
		if (incoming === 'cancelled') target = config.restockOnCancelAfterCommit ? 0 : before;
		// Without restocking cancellations, deducted units stay out (only a returned order puts its returns back).
		else if (!config.restockOnCancelAfterCommit && !(incoming === 'returned' && config.restockOnReturn)) target = Math.max(before, wanted);
		// After cancelled/returned units may still come back, never leave again.
		if (terminalBefore) target = Math.min(target, before);
		if (target > wanted) flags.add('cancelled_after_commit_not_restocked');
		if (target > 0 || Object.hasOwn(held, sku)) committed[sku] = target;
		// A return counts as back only when its units are not held out by the rules above.
		const nowBack = incoming === 'cancelled' ? wasBack : Math.max(registered, backWanted - Math.max(0, target - wanted));
		if (nowBack > 0) back[sku] = nowBack;
		else delete back[sku];
		if (nowBack > wasBack) newlyBack[sku] = nowBack - wasBack;
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
			if (!terminal && d0 - d1 > qty(newlyBack, sku)) changedAfterCommit = true; // cancelled after the commit point
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
		// Giving back the rest (the unshipped rest cancelled) or all of it (every line removed) is a release.
		else if (residSkus.every((s) => resid[s] < 0) && (anyPositive(committed) || !anyPositive(reserved))) t.add('release', `release@${rev}`, parts);
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
		channelUpdatedAt: erp ? state.channelUpdatedAt : order.updatedAt,
		erpStatus: erp && !terminal && statusRank(incoming) > statusRank(state.erpStatus ?? 'pending_payment') ? incoming : state.erpStatus,
		returned: back,
		stage,
		reserved,
		committed,
		revision: t.effects.length > 0 ? rev : state.revision,
		reservedAt: t.has('reserve') ? now : state.reservedAt,
	};
	return { outcome: t.effects.length > 0 ? 'applied' : 'unchanged', next, effects: t.effects, movements: t.movements, flags: [...flags] };
}

/**
 * The order at the furthest status its two sources reported. An ERP post older than the status the store
 * holds is read at that status (it adds nothing); a channel snapshot behind a status the ERP posted (the
 * channel does not know the invoice yet) is read at the ERP's status. Terminal statuses are taken as sent.
 */
function atFurthestFact(state: OrderStockState, posted: CanonicalOrder, erp: boolean): CanonicalOrder {
	if (isTerminal(posted.status)) return posted;
	const ahead = erp ? state.status : state.erpStatus;
	if (ahead === null || isTerminal(ahead) || statusRank(ahead) <= statusRank(posted.status)) return posted;
	return { ...posted, status: ahead };
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
