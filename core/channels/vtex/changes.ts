import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * VTEX change orders ("Changing items from a complete order": items removed or added while the order is
 * `handling` / `waiting-for-fulfillment`) are recorded in `changesAttachment.changesData[]`: `itemsRemoved` and
 * `itemsAdded`, each `{ id (the VTEX sku id), name, quantity, price }`. VTEX's published examples
 * (vtex/openapi-schemas, "VTEX - Orders API.json") disagree on what `items` then hold: in
 * components.schemas.Userorderdetails the removed item is still listed at the quantity ordered, with a `Change`
 * total ("Total das mudanças") taking its value off; in the GET /api/oms/pvt/orders/{orderId} example the
 * removed item is no longer listed and there is no `Change` total. So the change is applied on top of `items`
 * only when the order carries a `Change` total, and a removal naming an item no longer listed changes nothing
 * (already gone); never below 0 units. An order without the `Change` total is read as its items say.
 */
export interface ItemChanges {
	/** The item quantities after the change, by position in `items`. */
	quantities: number[];
	/** Items added by a change that the order's `items` do not list (no RefId: imported unmapped). */
	added: Array<{ id: string; name?: string; quantity: number; price: number }>;
	/** A removal named more units than the order's item holds. */
	clamped: boolean;
}

const count = (v: unknown): number => {
	const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
};

/** The changes VTEX recorded on the order, whether or not they are still to be applied to its items. */
function changesOf(raw: JsonObject): JsonObject[] {
	const attachment = isJsonObject(raw.changesAttachment) ? raw.changesAttachment : undefined;
	return attachment && Array.isArray(attachment.changesData) ? attachment.changesData.filter(isJsonObject) : [];
}

/**
 * Whether the recorded changes explain an order left with no line: they removed units, and every item the order
 * still lists is one they removed (the GET example's shape lists none: `items` already without the removed
 * one). Such an order is "every line removed", not an order without lines.
 */
export function removalsEmptied(raw: JsonObject, items: JsonObject[]): boolean {
	const removed = new Set(
		changesOf(raw).flatMap((change) => (Array.isArray(change.itemsRemoved) ? change.itemsRemoved : []).filter((i) => isJsonObject(i) && count(i.quantity) > 0).map((i) => String((i as JsonObject).id ?? ''))),
	);
	return removed.size > 0 && items.every((item) => removed.has(String(item.id ?? item.sellerSku ?? '')));
}

/** Applies every recorded change to the items' quantities (`quantityOf` reads an item's own quantity). */
export function applyChanges(raw: JsonObject, items: JsonObject[], quantityOf: (i: number) => number): ItemChanges {
	const quantities = items.map((_, i) => quantityOf(i));
	const pending = Array.isArray(raw.totals) && raw.totals.some((t) => isJsonObject(t) && t.id === 'Change');
	const changes = pending ? changesOf(raw) : [];
	const added: ItemChanges['added'] = [];
	let clamped = false;
	const list = (change: JsonObject, key: string) => (Array.isArray(change[key]) ? (change[key] as unknown[]).filter(isJsonObject) : []);
	const indexesOf = (id: string) => items.map((item, i) => (String(item.id ?? item.sellerSku ?? '') === id ? i : -1)).filter((i) => i >= 0);
	for (const change of changes) {
		for (const removed of list(change, 'itemsRemoved')) {
			const listed = indexesOf(String(removed.id ?? ''));
			let left = count(removed.quantity);
			for (const i of listed) {
				const n = Math.min(quantities[i], left);
				quantities[i] -= n;
				left -= n;
			}
			if (left > 0 && listed.length > 0) clamped = true;
		}
		for (const item of list(change, 'itemsAdded')) {
			const id = String(item.id ?? '');
			const [first] = indexesOf(id);
			if (first !== undefined) quantities[first] += count(item.quantity);
			else if (count(item.quantity) > 0 && id !== '') {
				const name = typeof item.name === 'string' ? item.name : undefined;
				added.push({ id, ...(name ? { name } : {}), quantity: count(item.quantity), price: Number.isInteger(item.price) ? (item.price as number) : 0 });
			}
		}
	}
	return { quantities, added, clamped };
}
