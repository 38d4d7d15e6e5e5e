import type { Address, Customer, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { readZonedDate } from '../common/fields';
import type { ShopifyProgressFacts } from './progress';

/**
 * What both Shopify readers extract (read-graphql.ts for the Admin GraphQL node the poller fetches,
 * read-rest.ts for the REST / webhook order): normalize.ts turns it into one canonical order, so the same
 * order gives the same result whichever API delivered it.
 */

export interface ShopifyLineFacts {
	/** Everything but the quantity, which normalize.ts picks. */
	line: Omit<OrderLine, 'quantity'>;
	/** Units still on the order: ordered minus removed (order edits) and refunded ones. */
	currentQuantity: number;
	/** Units ordered, removed and refunded ones included (Shopify's `quantity`). */
	orderedQuantity: number;
}

export interface ShopifyFulfillmentFacts {
	/** Not cancelled / failed: it did or will move goods. */
	active: boolean;
	/** Units per line id in this fulfillment; undefined when the payload does not list them. */
	lineUnits?: Array<{ lineId: string; quantity: number }>;
	delivered: boolean;
	shipments: Shipment[];
}

export interface ShopifyOrderFacts {
	channelOrderId: string;
	createdAt: string;
	updatedAt: string;
	/** GraphQL spelling (REST values are translated by the REST reader); null when the order has none. */
	financial: string | null;
	fulfillment: string;
	/** The payload's own field names, for error messages. */
	financialField: string;
	fulfillmentField: string;
	cancelled: boolean;
	channelStatusRaw: string;
	currency?: string;
	shippingCents: number;
	discountCents: number;
	totalCents: number;
	customer: Customer;
	shippingAddress?: Address;
	lines: ShopifyLineFacts[];
	fulfillments: ShopifyFulfillmentFacts[];
	/** Units shipped and refunded per line (see progress.ts). */
	progress: ShopifyProgressFacts;
	flags: IntakeFlag[];
}

/** "gid://shopify/Order/450789469" → "450789469". */
export function gidTail(gid: unknown): string | undefined {
	return typeof gid === 'string' ? /\/(\d+)$/.exec(gid)?.[1] : undefined;
}

/**
 * A numeric id as text. Webhook bodies carry ids as JSON numbers, and some exceed 2^53 (JSON.parse then
 * rounds them): such a number is not used, the caller reads the admin_graphql_api_id string instead.
 */
export function numericId(v: unknown): string | undefined {
	if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? String(v) : undefined;
	if (typeof v === 'string' && /^\d+$/.test(v.trim())) return v.trim();
	return gidTail(v);
}

/**
 * A date-time → ISO 8601 UTC. Shopify always sends a zone (GraphQL in UTC, REST with the shop's offset);
 * one without is read as UTC and flagged.
 */
export function readShopifyDate(r: RawReader, obj: JsonObject, path: string, flags: IntakeFlag[]): string {
	const add = { add: (f: IntakeFlag) => !flags.includes(f) && flags.push(f) };
	return readZonedDate(r, obj, path, 'Z', add) ?? r.fail(path, 'is required');
}

/**
 * Non-negative money → cents from the first of `paths` present: a plain decimal ("129.95") or a money bag
 * whose amount sits under `bagKey` (shopMoney in GraphQL, shop_money in REST; the shop's currency, as the
 * order's `currency` / `currencyCode` is). Undefined when none is present.
 */
export function optMoney(r: RawReader, obj: JsonObject, paths: string[], bagKey: string): number | undefined {
	for (const path of paths) {
		const key = path.slice(path.lastIndexOf('.') + 1);
		const v = obj[key];
		if (v === undefined || v === null) continue;
		const cents = isJsonObject(v)
			? r.optDecimalCents(r.object(v, `${path}.${bagKey}`), `${path}.${bagKey}.amount`)
			: r.optDecimalCents(obj, path);
		if (cents === undefined) continue;
		if (cents < 0) r.fail(isJsonObject(v) ? `${path}.${bagKey}.amount` : path, `must not be negative, got ${cents / 100}`);
		return cents;
	}
	return undefined;
}

/** The currency code inside a money bag, e.g. "totalPriceSet.shopMoney.currencyCode". */
export function bagCurrency(r: RawReader, obj: JsonObject, path: string): string | undefined {
	const [bagPath, moneyKey] = [path.split('.').slice(0, 1).join('.'), path.split('.').slice(0, 2).join('.')];
	const bag = r.optObject(obj, bagPath);
	const moneyObj = bag && r.optObject(bag, moneyKey);
	return moneyObj && r.optString(moneyObj, path);
}

export function money(r: RawReader, obj: JsonObject, paths: string[], bagKey: string): number {
	return optMoney(r, obj, paths, bagKey) ?? r.fail(paths[paths.length - 1], 'is required');
}

/** Drops absent and blank members, so optional canonical fields are absent rather than empty. */
export function present<T extends object>(fields: Record<string, string | undefined>): T {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** A customer from what the payload offers; a POS or draft order may have none at all. */
export function customerOf(name: string | undefined, email: string | undefined, phone: string | undefined): Customer {
	const customer: Customer = { name: name ?? '' };
	if (email) customer.email = email;
	if (phone) customer.phone = phone;
	return customer;
}

/** Units per line id over the live fulfillments that list their line items; undefined when none does. */
export function fulfilledUnits(fulfillments: ShopifyFulfillmentFacts[]): Map<string, number> | undefined {
	const listed = fulfillments.filter((f) => f.active);
	// One live fulfillment without its line items (not asked, or cut by paging): the counts are unknown.
	if (listed.length === 0 || listed.some((f) => f.lineUnits === undefined)) return undefined;
	const out = new Map<string, number>();
	for (const f of listed) for (const u of f.lineUnits!) out.set(u.lineId, (out.get(u.lineId) ?? 0) + u.quantity);
	return out;
}
