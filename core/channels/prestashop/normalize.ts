import type { CanonicalOrder, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { compact, openRawOrder, readChargedTotals, readLocalDate, readRoundedCents } from '../common/fields';
import { finishOrder, orderHead, readTableStatus, requireLines } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { prestaShopMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import type { StatusMapping } from '../common/status';

/**
 * An order of GET /api/orders (display=full, output_format=JSON: every value a string) with what getDetails
 * adds beside it, each the record its own resource answers: `customer` (/api/customers/{id_customer}),
 * `address_delivery` (/api/addresses/{id_address_delivery}), `currency` (/api/currencies/{id_currency}), and
 * the address's `country` and `state` (/api/countries, /api/states).
 */
export type PrestaShopOrder = JsonObject;

const sub = (raw: JsonObject, key: string): JsonObject => (isJsonObject(raw[key]) ? raw[key] : {});

/** associations.order_rows[]: product_reference is the seller SKU (the combination's when one was sold). */
function readLines(r: RawReader, raw: PrestaShopOrder): OrderLine[] {
	const rows = r.optArray(sub(raw, 'associations'), 'associations.order_rows') ?? [];
	return r.objects(rows, 'associations.order_rows').map(({ item, path }) => {
		const attribute = r.optString(item, `${path}.product_attribute_id`);
		return compact({
			sku: r.optString(item, `${path}.product_reference`),
			quantity: r.integer(item, `${path}.product_quantity`, 1),
			// Tax included: what the buyer paid for one unit (PrestaShop keeps six decimals).
			unitPriceCents: readRoundedCents(r, item, item.unit_price_tax_incl === undefined ? `${path}.product_price` : `${path}.unit_price_tax_incl`),
			channelListingId: r.optString(item, `${path}.product_id`),
			channelVariantId: attribute === '0' ? undefined : attribute,
			channelLineId: r.optString(item, `${path}.id`),
			title: r.optString(item, `${path}.product_name`),
		});
	});
}

function readParties(r: RawReader, raw: PrestaShopOrder): Pick<CanonicalOrder, 'customer' | 'shippingAddress'> {
	const customer = sub(raw, 'customer');
	const address = sub(raw, 'address_delivery');
	const text = (o: JsonObject, prefix: string, key: string) => r.optString(o, `${prefix}.${key}`)?.trim() || undefined;
	const fullName = (o: JsonObject, prefix: string) => [text(o, prefix, 'firstname'), text(o, prefix, 'lastname')].filter(Boolean).join(' ') || undefined;
	const field = (key: string): string | undefined => {
		if (key === 'name') return fullName(customer, 'customer') ?? fullName(address, 'address_delivery');
		if (key === 'email') return text(customer, 'customer', 'email');
		if (key === 'addressName') return fullName(address, 'address_delivery');
		if (key === 'state') return text(sub(raw, 'state'), 'state', 'iso_code');
		if (key === 'country') return text(sub(raw, 'country'), 'country', 'iso_code');
		return text(address, 'address_delivery', key);
	};
	const shippingAddress = readAddress(field, {
		name: 'addressName',
		street: 'address1',
		complement: 'address2',
		city: 'city',
		state: 'state',
		postalCode: 'postcode',
		country: 'country',
	});
	// Brazilian shops keep the CPF/CNPJ in the address's dni (or vat_number for companies).
	const buyer = readCustomer(field, { name: 'name', email: 'email', phone: ['phone_mobile', 'phone'], document: ['dni', 'vat_number'] });
	return shippingAddress ? { customer: buyer, shippingAddress } : { customer: buyer };
}

/** shipping_number is the order's tracking number (PrestaShop copies order_carriers.tracking_number there). */
function readShipments(r: RawReader, raw: PrestaShopOrder): Shipment[] {
	const tracking = r.optString(raw, 'shipping_number');
	return tracking ? [{ trackingCode: tracking }] : [];
}

/** A PrestaShop order (with its details) → canonical order; `states` is the shop's state table. */
export function normalizePrestaShopOrder(input: unknown, account: string, offset: string, states: Readonly<Record<string, StatusMapping>>): CanonicalOrder {
	const { r, o: raw } = openRawOrder('prestashop', input, 'id');
	const lines = requireLines(r, 'associations.order_rows', readLines(r, raw));
	const flags = new Set<IntakeFlag>();
	const status = readTableStatus(r, raw, 'current_state', states, flags);
	const createdAt = readLocalDate(r, raw, 'date_add', offset) ?? r.fail('date_add', 'is required');
	const totalPath = raw.total_paid_tax_incl === undefined || raw.total_paid_tax_incl === '' ? 'total_paid' : 'total_paid_tax_incl';
	const shippingPath = raw.total_shipping_tax_incl === undefined || raw.total_shipping_tax_incl === '' ? 'total_shipping' : 'total_shipping_tax_incl';
	const order: CanonicalOrder = {
		...orderHead('prestashop', account, r.string(raw, 'id'), createdAt, readLocalDate(r, raw, 'date_upd', offset)),
		...status,
		currency: r.optString(sub(raw, 'currency'), 'currency.iso_code') ?? r.fail('currency.iso_code', 'is required (GET /api/currencies/{id_currency})'),
		totals: readChargedTotals(r, raw, lines, shippingPath, totalPath),
		...readParties(r, raw),
		lines,
		shipments: readShipments(r, raw),
	};
	return finishOrder(order, { paymentMethod: prestaShopMethod(raw.payment, raw.module) }, flags);
}
