import type { OrderStockState } from '../lifecycle/plan';
import { orderKeyOf, type CanonicalOrder } from '../model/order';
import { counterKey, type StoreTx } from './backend';
import type { KitStock } from './kit-stock';

/**
 * Where a new order reserves when it names no warehouse (a fulfilment order, e.g. Amazon FBA, or a Mercado
 * Livre depot sale names its own and never comes here): its channel account's priority list, the first
 * warehouse with enough available for every line (kits through their components), else the first. Orders of
 * one batch count what the earlier ones took. Levels are read without locking: a level that moves before the
 * lock only changes which warehouse was best, never the accounting.
 */
export async function chooseReserveWarehouses(tx: StoreTx, kits: KitStock, orders: CanonicalOrder[]): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	if (orders.length === 0) return out;
	const lists = await tx.reserveWarehouses([...new Set(orders.map((o) => `${o.channel}:${o.account}`))]);
	const placed = orders.filter((o) => lists.has(`${o.channel}:${o.account}`));
	if (placed.length === 0) return out;

	const needs = new Map<string, Map<string, number>>();
	for (const o of placed) {
		const need = new Map<string, number>();
		for (const line of o.lines) {
			if (line.sku === undefined) continue;
			const parts = kits.componentsFor(undefined, line.sku) ?? { [line.sku]: 1 };
			for (const sku of Object.keys(parts)) need.set(sku, (need.get(sku) ?? 0) + line.quantity * parts[sku]);
		}
		needs.set(orderKeyOf(o), need);
	}
	const keys = placed.flatMap((o) => lists.get(`${o.channel}:${o.account}`)!.flatMap((warehouse) => [...needs.get(orderKeyOf(o))!.keys()].map((sku) => ({ sku, warehouse }))));
	const available = await tx.peekAvailable(keys);
	const taken = new Map<string, number>();
	const left = (sku: string, warehouse: string) => (available.get(counterKey(sku, warehouse)) ?? 0) - (taken.get(counterKey(sku, warehouse)) ?? 0);
	for (const o of placed) {
		const key = orderKeyOf(o);
		if (out.has(key)) continue;
		const list = lists.get(`${o.channel}:${o.account}`)!;
		const need = needs.get(key)!;
		const chosen = list.find((warehouse) => [...need].every(([sku, n]) => left(sku, warehouse) >= n)) ?? list[0];
		for (const [sku, n] of need) taken.set(counterKey(sku, chosen), (taken.get(counterKey(sku, chosen)) ?? 0) + n);
		out.set(key, chosen);
	}
	return out;
}

/**
 * An open order that holds no stock and never did (its lines waited for a listing link): where it reserves is
 * still open, so it is chosen when its lines first move stock. An expired or ended order keeps its warehouse.
 */
export const holdsNoStock = (s: OrderStockState): boolean =>
	(s.stage === 'none' || s.stage === 'reserved' || s.stage === 'committed') && [s.reserved, s.committed, s.returned].every((q) => Object.keys(q).length === 0);
