import type { Address, CanonicalOrder, Customer, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { chargedTotals, compact, openRawOrder, readCents, readMapped } from '../common/fields';
import { finishOrder, orderHead, requireLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { magentoMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { tolerantStatus, UNKNOWN_STATUS } from '../common/status';
import { magentoMs } from './api';
import { MAGENTO_STATE } from './status';

/** An order as GET /V1/orders and /V1/orders/{id} return it (numbers as JSON numbers; strings accepted). */
export type MagentoOrder = JsonObject;

const iso = (r: RawReader, o: JsonObject, path: string): string | undefined => {
	const v = o[path];
	if (v === undefined || v === null || v === '') return undefined;
	const ms = magentoMs(v);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : r.fail(path, `is not a "YYYY-MM-DD HH:MM:SS" date: ${JSON.stringify(v)}`);
};

/**
 * items[]: a configurable or bundle product is one parent item plus child items (parent_item_id set); the
 * parent carries price and the ordered child's sku, so children are left out. A line without sku is unmapped.
 */
function readLines(r: RawReader, raw: MagentoOrder): OrderLine[] {
	return r.objects(r.array(raw, 'items'), 'items').flatMap(({ item, path }) => {
		if (item.parent_item_id !== undefined && item.parent_item_id !== null) return [];
		return [compact({
			sku: r.optString(item, `${path}.sku`),
			quantity: Math.round(Number(item.qty_ordered ?? 1)) || r.fail(`${path}.qty_ordered`, 'must be a positive number'),
			unitPriceCents: readCents(r, item, `${path}.price`),
			channelListingId: r.optString(item, `${path}.product_id`),
			channelLineId: r.optString(item, `${path}.item_id`),
			title: r.optString(item, `${path}.name`),
		})];
	});
}

function readBuyer(r: RawReader, raw: MagentoOrder): Customer {
	const billing = isJsonObject(raw.billing_address) ? raw.billing_address : {};
	const name = [r.optString(raw, 'customer_firstname'), r.optString(raw, 'customer_lastname')].filter(Boolean).join(' ');
	return readCustomer((k) => (k === 'name' ? name || undefined : k === 'telephone' ? r.optString(billing, 'billing_address.telephone') : r.optString(raw, k)), {
		name: 'name',
		email: 'customer_email',
		phone: 'telephone',
		document: 'customer_taxvat',
	});
}

/** extension_attributes.shipping_assignments[0].shipping.address (virtual orders have none). */
function shippingOf(raw: MagentoOrder): JsonObject | undefined {
	const ext = isJsonObject(raw.extension_attributes) ? raw.extension_attributes : {};
	const first = Array.isArray(ext.shipping_assignments) ? ext.shipping_assignments[0] : undefined;
	const shipping = isJsonObject(first) && isJsonObject(first.shipping) ? first.shipping : undefined;
	return shipping && isJsonObject(shipping.address) ? shipping.address : undefined;
}

function readDelivery(r: RawReader, raw: MagentoOrder): Address | undefined {
	const a = shippingOf(raw);
	if (!a) return undefined;
	const p = 'extension_attributes.shipping_assignments[0].shipping.address';
	const street = Array.isArray(a.street) ? a.street.filter((s) => typeof s === 'string' && s !== '') : [];
	const name = [r.optString(a, `${p}.firstname`), r.optString(a, `${p}.lastname`)].filter(Boolean).join(' ');
	return readAddress(
		(k) => (k === 'name' ? name || undefined : k === 'street0' ? street[0] as string | undefined : k === 'street1' ? street.slice(1).join(', ') || undefined : r.optString(a, `${p}.${k}`)),
		{ name: 'name', street: 'street0', complement: 'street1', city: 'city', state: ['region_code', 'region'], postalCode: 'postcode', country: 'country_id' },
		{},
	);
}

/** Tracks are not in the order payload ([?] they live on /V1/shipments): none are read here. */
const NO_SHIPMENTS: Shipment[] = [];

/** GET /V1/orders/{id} → canonical order. The channel order id is entity_id (the write paths take it). */
export function normalizeMagentoOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('magento', input, 'entity_id');
	const lines = requireLines(r, 'items', readLines(r, raw));
	const flags = new Set<IntakeFlag>();
	const status = tolerantStatus(() => readMapped(r, raw, 'state', MAGENTO_STATE), UNKNOWN_STATUS, flags);
	const createdAt = iso(r, raw, 'created_at') ?? r.fail('created_at', 'is required');
	const shippingCents = raw.shipping_amount === undefined || raw.shipping_amount === null ? 0 : readCents(r, raw, 'shipping_amount');
	const order: CanonicalOrder = {
		...orderHead('magento', account, r.string(raw, 'entity_id'), createdAt, iso(r, raw, 'updated_at')),
		...status,
		channelStatusRaw: `${r.optString(raw, 'state') ?? '(none)'}/${r.optString(raw, 'status') ?? '(none)'}`,
		currency: r.optString(raw, 'order_currency_code') ?? r.fail('order_currency_code', 'is required'),
		totals: chargedTotals(lines, shippingCents, readCents(r, raw, 'grand_total')),
		customer: readBuyer(r, raw),
		lines,
		shipments: NO_SHIPMENTS,
	};
	return finishOrder(order, { shippingAddress: readDelivery(r, raw), paymentMethod: magentoMethod(raw.payment) }, flags);
}
