import { Transition, type AppliedEffect, type OrderStockState, type StockMovement } from './state';
import { addQty, qty, skuQuantities } from './quantities';

/**
 * Returns registered by a person (Order → Register Return): per line, the units that came back and their
 * condition. `restock`: sellable, back on hand in the order's warehouse. `quarantine`: damaged, booked into the
 * quarantine warehouse with a reason (not sellable there unless that warehouse is pushed).
 *
 * A unit is registered once. A unit the channel's return already put back on hand is not put back again: a
 * `restock` of it moves nothing, a `quarantine` moves it out of the order's warehouse into quarantine. Units
 * still out (committed) come back now, and the channel's later report of the same return moves nothing
 * (the plan counts returns as `max(channel's, registered)`).
 */

export type ReturnCondition = 'restock' | 'quarantine';

export interface ReturnLine {
	sku: string;
	quantity: number;
	condition: ReturnCondition;
	/** Why (damaged box, wrong size…): kept as the ledger rows' note. */
	reason?: string;
}

export interface ReturnRequest {
	/** The return's id (RMA, claim id): the same ref registers once. */
	ref: string;
	lines: ReturnLine[];
	quarantineWarehouse: string;
}

export interface ReturnPlan {
	next: OrderStockState;
	effects: AppliedEffect[];
	movements: Array<StockMovement & { note: string | null }>;
}

/** A return the order cannot take (more units than left, a quarantine warehouse equal to the order's). */
export class ReturnError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ReturnError';
	}
}

const notes = (lines: ReturnLine[], sku: string, condition: ReturnCondition): string | null => {
	const reasons = [...new Set(lines.filter((l) => l.sku === sku && l.condition === condition && l.reason).map((l) => l.reason!))];
	return reasons.length ? reasons.join('; ') : null;
};

export function planReturn(state: OrderStockState, request: ReturnRequest): ReturnPlan {
	const { ref, lines, quarantineWarehouse } = request;
	if (lines.some((l) => l.condition === 'quarantine') && quarantineWarehouse === state.warehouse) {
		throw new ReturnError(`Order ${state.orderKey}: the quarantine warehouse must differ from the order's warehouse "${state.warehouse}"`);
	}
	const asked = { restock: skuQuantities(), quarantine: skuQuantities() };
	for (const l of lines) addQty(asked[l.condition], l.sku, l.quantity);

	const committed = skuQuantities(state.committed);
	const returned = skuQuantities(state.returned);
	const registered = skuQuantities(state.registered);
	const home = new Transition(state.warehouse);
	const quarantine = new Transition(quarantineWarehouse);
	const parts = { return: [] as Part[], moveOut: [] as Part[], moveIn: [] as Part[], fresh: [] as Part[] };
	for (const condition of ['restock', 'quarantine'] as const) {
		for (const sku of Object.keys(asked[condition]).sort()) {
			const q = asked[condition][sku];
			const alreadyBack = Math.min(q, qty(returned, sku) - qty(registered, sku));
			const fresh = q - alreadyBack;
			if (fresh > qty(committed, sku)) {
				const can = qty(committed, sku) + qty(returned, sku) - qty(registered, sku);
				throw new ReturnError(`Order ${state.orderKey}: SKU ${sku} has ${can} unit(s) that can still be registered as returned, ${q} asked (${condition})`);
			}
			if (fresh > 0) {
				committed[sku] = qty(committed, sku) - fresh;
				addQty(returned, sku, fresh);
			}
			addQty(registered, sku, q);
			const note = notes(lines, sku, condition);
			if (condition === 'restock') parts.return.push({ sku, units: q, onHand: fresh, reserved: 0, note });
			else {
				if (fresh > 0) parts.fresh.push({ sku, units: fresh, onHand: fresh, reserved: 0, note });
				if (alreadyBack > 0) {
					parts.moveOut.push({ sku, units: alreadyBack, onHand: -alreadyBack, reserved: 0, note });
					parts.moveIn.push({ sku, units: alreadyBack, onHand: alreadyBack, reserved: 0, note });
				}
			}
		}
	}
	if (parts.return.length) home.add('return', `return:${ref}`, parts.return);
	if (parts.fresh.length) quarantine.add('return_quarantine', `return_quarantine:${ref}`, parts.fresh);
	if (parts.moveOut.length) home.add('quarantine', `quarantine:${ref}`, parts.moveOut);
	if (parts.moveIn.length) quarantine.add('quarantine', `quarantine:${ref}`, parts.moveIn);

	// One note per (kind, SKU): the reasons given on its lines.
	const noteBy = new Map<string, string | null>();
	for (const [reason, list] of [['return', parts.return], ['return_quarantine', parts.fresh], ['quarantine', parts.moveOut]] as const) for (const p of list) noteBy.set(`${reason}|${p.sku}`, p.note);
	const movements = [...home.movements, ...quarantine.movements].map((m) => ({ ...m, note: noteBy.get(`${m.reason}|${m.sku}`) ?? null }));
	// The move to quarantine is one effect (its lines once), though it moves two warehouses.
	const effects = [...home.effects.filter((e) => e.effect !== 'quarantine'), ...quarantine.effects];
	const next: OrderStockState = { ...state, committed, returned, registered, returnRefs: [...state.returnRefs, ref], revision: state.revision + 1 };
	return { next, effects, movements };
}

interface Part {
	sku: string;
	units: number;
	onHand: number;
	reserved: number;
	note: string | null;
}
