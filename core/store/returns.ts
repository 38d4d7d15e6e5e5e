import { DEFAULT_LIFECYCLE } from '../lifecycle/config';
import { emptyState, planOrderChange, type AppliedEffect } from '../lifecycle/plan';
import { planReturn, ReturnError, type ReturnLine } from '../lifecycle/returns';
import { orderKeyOf, type CanonicalOrder } from '../model/order';
import { MAX_QUANTITY } from '../model/validate';
import { sortedCounterKeys, toLevel, type StoreTx } from './backend';
import { kitStockFor, ledgerRow, lockCounterSet } from './engine';
import { checkUnits, storeSku } from './inputs';
import type { StockLevel } from './types';

/**
 * Order → Register Return: a person registers what came back, per line, with its condition (restock, or
 * quarantine with a reason), optionally as an exchange ("troca"): the return plus a new line for the buyer,
 * reserved as an order of its own so the channel's next snapshot of the original order cannot release it.
 */

export type { ReturnCondition, ReturnLine } from '../lifecycle/returns';
export { ReturnError } from '../lifecycle/returns';

export const DEFAULT_QUARANTINE_WAREHOUSE = 'quarantine';

export interface ExchangeLine {
	sku: string;
	quantity: number;
	unitPriceCents?: number;
}

export interface RegisterReturnInput {
	/** The order's key ("channel:account:channelOrderId") or identity. */
	order: string | { channel: string; account: string; channelOrderId: string };
	/** The return's id (RMA, claim id): registering the same ref again changes nothing. */
	ref: string;
	lines: ReturnLine[];
	/** Where damaged units go (default "quarantine"). */
	quarantineWarehouse?: string;
	/** An exchange: the new line(s) sent to the buyer, reserved in the order's warehouse. */
	exchange?: { lines: ExchangeLine[] };
}

export interface RegisterReturnResult {
	orderKey: string;
	ref: string;
	/** The ref was registered before: nothing moved. */
	duplicate: boolean;
	effects: AppliedEffect[];
	/** Every SKU moved (both warehouses), with its levels after the return. */
	affected: StockLevel[];
	/** The exchange's order (channel "oms", account "exchange"): apply it as shipped when the new line leaves. */
	exchange?: { orderKey: string; order: CanonicalOrder; effects: AppliedEffect[] };
}

const text = (v: unknown, what: string): string => {
	if (typeof v !== 'string' || v.trim() === '') throw new ReturnError(`Register return: ${what} is required`);
	if (v.length > 200) throw new ReturnError(`Register return: ${what} is longer than 200 characters`);
	return v.trim();
};

export function checkReturn(input: RegisterReturnInput): RegisterReturnInput & { orderKey: string; quarantineWarehouse: string } {
	const orderKey = typeof input.order === 'string' ? input.order : orderKeyOf(input.order);
	if (typeof orderKey !== 'string' || orderKey === '') throw new ReturnError('Register return: the order key or its channel, account and id are needed');
	const ref = text(input.ref, `order ${orderKey}: ref`);
	if (!Array.isArray(input.lines) || input.lines.length === 0) throw new ReturnError(`Register return: order ${orderKey}: lines are needed`);
	const lines = input.lines.map((l, i) => {
		const sku = storeSku(l.sku, `lines[${i}].sku`);
		if (l.condition !== 'restock' && l.condition !== 'quarantine') {
			throw new ReturnError(`Register return: order ${orderKey}: lines[${i}].condition must be "restock" or "quarantine", got ${JSON.stringify(l.condition)}`);
		}
		const line: ReturnLine = { sku, quantity: checkUnits(l.quantity, `lines[${i}].quantity`, sku, 1, MAX_QUANTITY), condition: l.condition };
		if (l.reason !== undefined && l.reason !== null && String(l.reason).trim() !== '') line.reason = String(l.reason).trim().slice(0, 500);
		return line;
	});
	const quarantineWarehouse = input.quarantineWarehouse === undefined || input.quarantineWarehouse === '' ? DEFAULT_QUARANTINE_WAREHOUSE : text(input.quarantineWarehouse, 'quarantineWarehouse');
	const exchange = input.exchange && {
		lines: input.exchange.lines.map((l, i) => {
			const sku = storeSku(l.sku, `exchange.lines[${i}].sku`);
			const price = l.unitPriceCents ?? 0;
			return { sku, quantity: checkUnits(l.quantity, `exchange.lines[${i}].quantity`, sku, 1, MAX_QUANTITY), unitPriceCents: checkUnits(price, `exchange.lines[${i}].unitPriceCents`, sku, 0, Number.MAX_SAFE_INTEGER) };
		}),
	};
	if (exchange && exchange.lines.length === 0) throw new ReturnError(`Register return: order ${orderKey}: an exchange needs at least one new line`);
	return { ...input, orderKey, ref, lines, quarantineWarehouse, ...(exchange ? { exchange } : {}) };
}

/** The exchange's new line as an order of the OMS itself, paid (reserved until it ships). */
function exchangeOrder(originalKey: string, ref: string, lines: ExchangeLine[], warehouse: string, now: string): CanonicalOrder {
	const itemsCents = lines.reduce((sum, l) => sum + (l.unitPriceCents ?? 0) * l.quantity, 0);
	return {
		channel: 'oms',
		account: 'exchange',
		channelOrderId: `${originalKey}#${ref}`,
		createdAt: now,
		updatedAt: now,
		status: 'paid',
		paymentStatus: 'paid',
		fulfillmentStatus: 'unfulfilled',
		channelStatusRaw: `exchange for ${originalKey}`,
		currency: 'BRL',
		totals: { itemsCents, shippingCents: 0, discountCents: 0, totalCents: itemsCents },
		customer: { name: '' },
		lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceCents: l.unitPriceCents ?? 0 })),
		shipments: [],
		warehouse,
	};
}

export async function registerReturnInTx(tx: StoreTx, input: ReturnType<typeof checkReturn>, now: string): Promise<RegisterReturnResult> {
	const { orderKey, ref } = input;
	const exKey = input.exchange && orderKeyOf({ channel: 'oms', account: 'exchange', channelOrderId: `${orderKey}#${ref}` });
	const state = (await tx.lockOrders(exKey ? [orderKey, exKey].sort() : [orderKey])).get(orderKey);
	if (!state) throw new ReturnError(`Register return: order ${orderKey} is not in the store`);
	if (state.returnRefs.includes(ref)) return { orderKey, ref, duplicate: true, effects: [], affected: [] };

	// A kit line comes back as its components, under the definition the order recorded (exchanges: today's).
	const kits = await kitStockFor(tx, [...input.lines.map((l) => l.sku), ...(input.exchange?.lines.map((l) => l.sku) ?? [])]);
	const { plan } = kits.expand(state, planReturn(state, { ref, lines: input.lines, quarantineWarehouse: input.quarantineWarehouse }));
	const exOrder = input.exchange && exchangeOrder(orderKey, ref, input.exchange.lines, state.warehouse, now);
	// The exchange order is new (its id carries the ref, registered once): its first reservation is named 'exchange'.
	const exEmpty = exOrder && emptyState(exKey!, state.warehouse);
	const exPlan = exOrder && kits.expand(exEmpty!, planOrderChange(exEmpty!, exOrder, DEFAULT_LIFECYCLE, now)).plan;
	const exMovements = (exPlan?.movements ?? []).map((m) => ({ ...m, reason: 'exchange' as const, note: `exchange for ${orderKey} (${ref})` }));
	const exEffects = (exPlan?.effects ?? []).map((e) => ({ ...e, effect: 'exchange' as const }));

	const counters = await lockCounterSet(tx, [...plan.movements, ...exMovements]);
	for (const m of [...plan.movements, ...exMovements]) counters.move(m);
	await tx.saveOrders([
		{ state: plan.next, at: now },
		...(exPlan ? [{ state: exPlan.next, identity: exOrder!, paymentMethod: 'unknown' as const, flags: [], at: now }] : []),
	]);
	await tx.appendOrderEvents([
		{ orderKey, at: now, previousStatus: state.status, newStatus: state.status ?? 'paid', outcome: 'return_registered', effects: plan.effects },
		...(exPlan ? [{ orderKey: exKey!, at: now, previousStatus: null, newStatus: 'paid', outcome: 'applied', effects: exEffects }] : []),
	]);
	await tx.writeStock([...plan.movements.map((m) => ledgerRow(m, orderKey, now)), ...exMovements.map((m) => ledgerRow(m, exKey!, now))], counters.changed());
	const affected = sortedCounterKeys([...plan.movements, ...exMovements]).map((k) => toLevel(counters.get(k.sku, k.warehouse)));
	const result: RegisterReturnResult = { orderKey, ref, duplicate: false, effects: plan.effects, affected };
	if (exOrder) result.exchange = { orderKey: exKey!, order: exOrder, effects: exEffects };
	return result;
}
