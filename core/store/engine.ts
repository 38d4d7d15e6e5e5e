import type { LifecycleConfig } from '../lifecycle/config';
import { emptyState, planExpiry, planOrderChange, type OrderPlan, type OrderSource, type OrderStockState, type StockMovement } from '../lifecycle/plan';
import { sameQuantities } from '../lifecycle/quantities';
import { DEFAULT_WAREHOUSE, orderKeyOf, type CanonicalOrder, type PaymentMethod } from '../model/order';
import {
	appliedRefKey,
	counterKey,
	sortedCounterKeys,
	toLevel,
	type CounterKey,
	type CounterRow,
	type LedgerInsert,
	type OrderEventInsert,
	type OrderSave,
	type StoreTx,
} from './backend';
import { MAX_COUNTER, StockInputError } from './inputs';
import { resolveLinkedLines, saveWaitingOrders } from '../catalog/link-apply';
import { expandFootprint, KitStock, loadKitClosure, type KitLineInfo } from './kit-stock';
import { summaryOf } from './activity';
import { chooseReserveWarehouses, holdsNoStock } from './warehouse-choice';
import type { AdjustInput, ApplyOrderResult, ExpireResult, ReconcileReport, SetOnHandInput, StockChangeResult, UnmappedLine } from './types';

/**
 * The stock engine: every mutating store operation, written once over a driver transaction. Inside one
 * transaction it locks what it will touch (orders first, then counters, each in key order, so concurrent
 * batches cannot deadlock), computes in memory with the pure lifecycle rules, and writes ledger rows and
 * counters together. The ledger is the truth; counters are its running sum. The counter change number row
 * is taken after the counters by writeStock, the last write of every operation: that row is every stock writer's, held to commit.
 */

/** Counters loaded for a transaction, mutated in memory, written back at the end. */
export class CounterSet {
	private readonly touched = new Set<string>();
	constructor(private readonly rows: Map<string, CounterRow>) {}

	get(sku: string, warehouse: string): CounterRow {
		const row = this.rows.get(counterKey(sku, warehouse));
		if (!row) throw new Error(`internal: counter ${warehouse}/${sku} was not locked`);
		return row;
	}

	move(m: Pick<StockMovement, 'sku' | 'warehouse' | 'deltaOnHand' | 'deltaReserved'>): CounterRow {
		const row = this.get(m.sku, m.warehouse);
		const onHand = row.onHand + m.deltaOnHand;
		const reserved = row.reserved + m.deltaReserved;
		// Past 2^53 sums are no longer exact in JavaScript: refuse rather than store a rounded counter.
		if (Math.abs(onHand) > MAX_COUNTER || Math.abs(reserved) > MAX_COUNTER) {
			throw new Error(`SKU ${m.sku} (${m.warehouse}): the counter would leave the exact range (on hand ${onHand}, reserved ${reserved})`);
		}
		row.onHand = onHand;
		row.reserved = reserved;
		this.touched.add(counterKey(m.sku, m.warehouse));
		return row;
	}

	markStocked(sku: string, warehouse: string): CounterRow {
		const row = this.get(sku, warehouse);
		row.stocked = true;
		this.touched.add(counterKey(sku, warehouse));
		return row;
	}

	changed(): CounterRow[] {
		return [...this.touched].map((k) => this.rows.get(k)!);
	}
}

export async function lockCounterSet(tx: StoreTx, keys: Iterable<CounterKey>): Promise<CounterSet> {
	const sorted = sortedCounterKeys(keys);
	await tx.createCounters(sorted);
	return new CounterSet(await tx.lockCounters(sorted));
}

export const ledgerRow = (m: StockMovement & { note?: string | null }, orderKey: string, at: string): LedgerInsert => ({
	sku: m.sku,
	warehouse: m.warehouse,
	deltaOnHand: m.deltaOnHand,
	deltaReserved: m.deltaReserved,
	reason: m.reason,
	orderKey,
	effectKey: m.effectKey,
	ref: null,
	note: m.note ?? null,
	at,
	...(m.kit ? { kit: m.kit } : {}),
});

/** The distinct SKUs an order's lines name; unmapped lines name none and hold no stock. */
export const skusOf = (order: CanonicalOrder): string[] => [...new Set(order.lines.flatMap((l) => (l.sku === undefined ? [] : [l.sku])))];

/** The lines waiting for a SKU, as the channel names them, so the Apply output shows what is not reserved. */
function unmappedLinesOf(order: CanonicalOrder): UnmappedLine[] {
	return order.lines.flatMap((l, index) => {
		if (l.sku !== undefined) return [];
		const line: UnmappedLine = { index, quantity: l.quantity };
		if (l.channelListingId !== undefined) line.channelListingId = l.channelListingId;
		if (l.channelVariantId !== undefined) line.channelVariantId = l.channelVariantId;
		if (l.channelLineId !== undefined) line.channelLineId = l.channelLineId;
		if (l.title !== undefined) line.title = l.title;
		return [line];
	});
}

/** Kit definitions of the SKUs a batch names or its orders hold (loaded once per transaction). */
export async function kitStockFor(tx: StoreTx, skus: Iterable<string>): Promise<KitStock> {
	return new KitStock((await loadKitClosure(tx, skus)).defs);
}

export const heldSkus = (state: OrderStockState): string[] => [...Object.keys(state.reserved), ...Object.keys(state.committed)];

/** Applies a batch of validated canonical orders. Results come back in input order. */
export async function applyOrdersInTx(tx: StoreTx, input: CanonicalOrder[], config: LifecycleConfig, now: string, source: OrderSource = 'channel'): Promise<ApplyOrderResult[]> {
	// Lines naming a linked listing take its SKU before anything is locked or planned (listing locks come first).
	const orders = await resolveLinkedLines(tx, input);
	const keys = [...new Set(orders.map(orderKeyOf))].sort();
	const known = await tx.lockOrders(keys);
	// An order keeps the warehouse it was first reserved in; later snapshots cannot move held stock. A new order
	// seen twice in one batch keeps its first snapshot's warehouse too, so the counters locked are the ones moved.
	const kits = await kitStockFor(tx, [...orders.flatMap(skusOf), ...[...known.values()].flatMap(heldSkus)]);
	// An order naming no warehouse reserves where its account's priority list finds the stock: a new one, or one
	// that has held nothing yet (its lines waited for a link). A warehouse the channel named is never moved.
	const open = (o: CanonicalOrder) => {
		const state = known.get(orderKeyOf(o));
		return state === undefined || holdsNoStock(state);
	};
	const chosen = await chooseReserveWarehouses(tx, kits, orders.filter((o) => o.warehouse === undefined && open(o)));
	const pinned = new Map<string, string>();
	for (const o of orders) {
		const key = orderKeyOf(o);
		const held = known.get(key)?.warehouse;
		if (!pinned.has(key)) pinned.set(key, (o.warehouse === undefined ? chosen.get(key) : undefined) ?? held ?? o.warehouse ?? DEFAULT_WAREHOUSE);
	}
	const warehouseOf = (o: CanonicalOrder) => pinned.get(orderKeyOf(o))!;
	const counterKeys = sortedCounterKeys([
		...orders.flatMap((o) => kits.stockKeys(known.get(orderKeyOf(o)), skusOf(o), warehouseOf(o))),
		...[...known.values()].flatMap((s) => kits.heldKeys(s)),
	]);
	await tx.createCounters(counterKeys);

	// Plans need the order states, not the counters: every row that does not touch a counter is written before
	// the counters are locked, so the hot stock rows are held only for the ledger, the counters and the commit.
	const working = new Map([...known].map(([key, state]) => [key, { ...state, warehouse: pinned.get(key) ?? state.warehouse }]));
	const ledger: LedgerInsert[] = [];
	const saves = new Map<string, OrderSave>();
	const events: OrderEventInsert[] = [];
	const planned: Array<{ order: CanonicalOrder; before: OrderStockState; plan: OrderPlan; kitLines: KitLineInfo[] }> = [];
	const accepted = new Map<string, CanonicalOrder>();

	for (const order of orders) {
		const key = orderKeyOf(order);
		const before = working.get(key) ?? emptyState(key, warehouseOf(order));
		const { plan, kitLines } = kits.expand(before, planOrderChange(before, order, config, now, source));
		planned.push({ order, before, plan, kitLines });
		for (const m of plan.movements) ledger.push(ledgerRow(m, key, now));
		// Units back can change with nothing moving (returned units that left the order); a lowered count is flagged.
		const backChanged = !sameQuantities(before.returned, plan.next.returned) || plan.flags.includes('returns_lowered');
		const stateChanged =
			plan.next !== before &&
			(before.status !== plan.next.status || before.channelUpdatedAt !== plan.next.channelUpdatedAt || before.erpStatus !== plan.next.erpStatus || plan.outcome === 'applied' || backChanged);
		if (stateChanged) {
			working.set(key, plan.next);
			saves.set(key, {
				state: plan.next, identity: order, paymentMethod: order.paymentMethod ?? 'unknown', flags: [...new Set<string>([...(order.flags ?? []), ...plan.flags])].sort(),
				summary: summaryOf(order, unmappedLinesOf(order)), at: now,
			});
		}
		// The snapshot kept for a later link is the channel's: an ERP post is an event, its clock not the channel's.
		if ((plan.outcome === 'applied' || plan.outcome === 'unchanged') && source === 'channel') accepted.set(key, order);
		if (plan.outcome !== 'unchanged' || before.status !== plan.next.status) {
			events.push({ orderKey: key, at: now, previousStatus: before.status, newStatus: order.status, outcome: plan.outcome, effects: plan.effects });
		}
	}
	await tx.saveOrders([...saves.values()]);
	await tx.appendOrderEvents(events);
	await saveWaitingOrders(tx, [...accepted.values()].filter((o) => working.has(orderKeyOf(o))), config, saves);

	// Last, in key order: the counters, moved in input order (the results show the levels right after each order).
	const counters = new CounterSet(await tx.lockCounters(counterKeys));
	const results = planned.map(({ order, before, plan, kitLines }) => {
		const result = applyAndDescribe(order, before, plan, counters, kits);
		return kitLines.length > 0 ? { ...result, kitLines } : result;
	});
	await tx.writeStock(ledger, counters.changed());
	return results;
}

/** Moves the counters by the plan and describes the outcome with the levels right after this order. */
function applyAndDescribe(order: CanonicalOrder, before: OrderStockState, plan: OrderPlan, counters: CounterSet, kits: KitStock): ApplyOrderResult {
	const affectedKeys = sortedCounterKeys(plan.movements);
	const availabilityBefore = new Map(affectedKeys.map((k) => [counterKey(k.sku, k.warehouse), toLevel(counters.get(k.sku, k.warehouse)).available]));
	for (const m of plan.movements) counters.move(m);
	const affected = affectedKeys.map((k) => toLevel(counters.get(k.sku, k.warehouse)));
	const warehouse = plan.next.warehouse;
	// A kit line is counted through its components: those never counted are the unknown ones.
	const unknownSkus = kits.stockSkus(before, skusOf(order)).filter((sku) => !counters.get(sku, warehouse).stocked).sort();
	// Oversold: a counted SKU this order took below zero. The order stands; a person has to act.
	const oversoldSkus = affected
		.filter((l) => l.stocked && l.available < 0 && l.available < availabilityBefore.get(counterKey(l.sku, l.warehouse))!)
		.map((l) => l.sku);
	return {
		orderKey: before.orderKey,
		channel: order.channel,
		account: order.account,
		channelOrderId: order.channelOrderId,
		previousStatus: before.status,
		newStatus: order.status,
		outcome: plan.outcome,
		stage: plan.next.stage,
		effects: plan.effects,
		affected,
		unknownSkus,
		oversoldSkus,
		flags: plan.flags,
		unmappedLines: unmappedLinesOf(order),
	};
}

type StockChangeInput = (SetOnHandInput | AdjustInput) & { warehouse: string };

/** Counts from the ERP or the warehouse: set on-hand to a value, or move it by a delta, with a reason. */
export async function changeStockInTx(tx: StoreTx, kind: 'set_on_hand' | 'adjust', inputs: Array<SetOnHandInput | AdjustInput>, now: string): Promise<StockChangeResult[]> {
	const entries: StockChangeInput[] = inputs.map((e) => ({ ...e, warehouse: e.warehouse ?? DEFAULT_WAREHOUSE }));
	const kit = [...(await tx.kitDefinitions([...new Set(entries.map((e) => e.sku))])).keys()][0];
	if (kit !== undefined) throw new StockInputError(kit, 'sku', "is a kit: it has no stock of its own (count its components)");
	const counters = await lockCounterSet(tx, entries);
	const withRef = entries.filter((e): e is StockChangeInput & { ref: string } => typeof e.ref === 'string' && e.ref !== '');
	const applied = await tx.appliedRefs(withRef);
	const ledger: LedgerInsert[] = [];
	const results: StockChangeResult[] = [];
	for (const e of entries) {
		const refKey = e.ref ? appliedRefKey(e.ref, e.sku, e.warehouse) : undefined;
		if (refKey && applied.has(refKey)) {
			results.push({ ...toLevel(counters.get(e.sku, e.warehouse)), deltaOnHand: 0, duplicateRef: true });
			continue;
		}
		const current = counters.get(e.sku, e.warehouse);
		const delta = 'onHand' in e ? e.onHand - current.onHand : e.delta;
		counters.markStocked(e.sku, e.warehouse);
		const row = counters.move({ sku: e.sku, warehouse: e.warehouse, deltaOnHand: delta, deltaReserved: 0 });
		ledger.push({ sku: e.sku, warehouse: e.warehouse, deltaOnHand: delta, deltaReserved: 0, reason: kind, orderKey: null, effectKey: null, ref: e.ref || null, note: e.reason ?? null, at: now });
		if (refKey) applied.add(refKey);
		results.push({ ...toLevel(row), deltaOnHand: delta, duplicateRef: false });
	}
	await tx.writeStock(ledger, counters.changed());
	return results;
}

/**
 * Releases the reservations of orders still unpaid after the cutoff of their payment method; records each as
 * an 'expire' effect.
 */
export async function expireInTx(tx: StoreTx, cutoffs: Record<PaymentMethod, string>, now: string, limit: number): Promise<ExpireResult[]> {
	const candidates = await tx.findExpirable(cutoffs, limit);
	if (candidates.length === 0) return [];
	const states = await tx.lockOrders([...candidates].sort());
	// Read under the lock: a snapshot applied meanwhile may have changed the method.
	const methods = await tx.paymentMethodsOf([...candidates].sort());
	// Held kit units follow the order's recorded definitions: no definition needs loading.
	const kits = new KitStock(new Map());
	const counters = await lockCounterSet(tx, [...states.values()].flatMap((s) => kits.heldKeys(s)));
	const ledger: LedgerInsert[] = [];
	const saves: OrderSave[] = [];
	const events: OrderEventInsert[] = [];
	const results: ExpireResult[] = [];
	for (const key of candidates) {
		const state = states.get(key);
		const cutoff = cutoffs[methods.get(key) ?? 'unknown'] ?? cutoffs.unknown;
		const planned = state && planExpiry(state, cutoff); // re-checked under the lock: it may have been paid meanwhile
		if (!state || !planned) continue;
		const { plan } = kits.expand(state, planned);
		for (const m of plan.movements) {
			counters.move(m);
			ledger.push(ledgerRow(m, key, now));
		}
		saves.push({ state: plan.next, at: now });
		events.push({ orderKey: key, at: now, previousStatus: state.status, newStatus: state.status ?? 'pending_payment', outcome: 'expired', effects: plan.effects });
		results.push({
			orderKey: key,
			reservedAt: state.reservedAt,
			released: plan.effects[0]?.lines ?? [],
			affected: sortedCounterKeys(plan.movements).map((k) => toLevel(counters.get(k.sku, k.warehouse))),
		});
	}
	await tx.saveOrders(saves);
	await tx.appendOrderEvents(events);
	await tx.writeStock(ledger, counters.changed());
	return results;
}

/** Compares counters with the ledger sums (and with the open reservations); optionally repairs the counters. */
export async function reconcileInTx(tx: StoreTx, repair: boolean): Promise<ReconcileReport> {
	const counters = await tx.allCounters();
	const sums = new Map((await tx.ledgerTotals()).map((t) => [counterKey(t.sku, t.warehouse), t]));
	const open = new Map((await tx.openReservationTotals()).map((t) => [counterKey(t.sku, t.warehouse), t.reserved]));
	// Orders holding kits: their kit units count as their recorded components.
	for (const o of await tx.openKitReservations()) {
		for (const part of expandFootprint(o.reserved, o.kits)) {
			const k = counterKey(part.sku, o.warehouse);
			open.set(k, (open.get(k) ?? 0) + part.quantity);
		}
	}
	const drift = [];
	const fixes: CounterRow[] = [];
	for (const c of counters) {
		const k = counterKey(c.sku, c.warehouse);
		const ledgerOnHand = sums.get(k)?.onHand ?? 0;
		const ledgerReserved = sums.get(k)?.reserved ?? 0;
		const openReservations = open.get(k) ?? 0;
		if (c.onHand !== ledgerOnHand || c.reserved !== ledgerReserved || ledgerReserved !== openReservations) {
			drift.push({ sku: c.sku, warehouse: c.warehouse, counterOnHand: c.onHand, ledgerOnHand, counterReserved: c.reserved, ledgerReserved, openReservations });
			if (c.onHand !== ledgerOnHand || c.reserved !== ledgerReserved) fixes.push({ ...c, onHand: ledgerOnHand, reserved: ledgerReserved });
		}
	}
	if (repair && fixes.length > 0) await tx.saveCounters(fixes);
	return { checkedSkus: counters.length, drift, repaired: repair && fixes.length > 0 };
}
