import type { Address, CanonicalOrder, IntakeFlag, OrderLine } from '../../model/order';
import { chargedTotals, compact, openRawOrder, readCents } from '../common/fields';
import { finishOrder, orderHead, readOrderLines, readTableStatus } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { orderPaymentMethod, shopeeMethod } from '../common/payment';
import { isJsonObject, type JsonObject, type RawReader } from '../common/raw-reader';
import { SHOPEE_STATUS } from './status';

/** One element of get_order_detail's response.order_list (money as numbers in the currency's unit). */
export type ShopeeOrder = JsonObject;

/** Shopee times are Unix seconds. */
export function readUnixSeconds(r: RawReader, obj: JsonObject, path: string): string | undefined {
	const s = r.optInteger(obj, path);
	return s === undefined ? undefined : new Date(s * 1000).toISOString();
}

/**
 * item_list[]: the seller SKU is the model's (model_sku) for a variation, the item's (item_sku) otherwise;
 * both empty → unmapped. model_discounted_price is the unit price paid, model_original_price the list price.
 * model_id 0 is "no variation".
 */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	const modelId = r.optString(item, `${path}.model_id`);
	const price = r.optDecimalCents(item, `${path}.model_discounted_price`) === undefined ? 'model_original_price' : 'model_discounted_price';
	const name = r.optString(item, `${path}.item_name`);
	const model = r.optString(item, `${path}.model_name`);
	return compact({
		sku: r.optString(item, `${path}.model_sku`)?.trim() ?? r.optString(item, `${path}.item_sku`)?.trim(),
		quantity: r.integer(item, `${path}.model_quantity_purchased`, 1),
		unitPriceCents: readCents(r, item, `${path}.${price}`),
		channelListingId: r.optString(item, `${path}.item_id`),
		channelVariantId: modelId && modelId !== '0' ? modelId : undefined,
		channelLineId: r.optString(item, `${path}.order_item_id`),
		title: name && model ? `${name} (${model})` : name,
	});
}

function readDelivery(r: RawReader, raw: ShopeeOrder): Address | undefined {
	const a = r.optObject(raw, 'recipient_address');
	if (!a) return undefined;
	// [?] Brazilian addresses arrive as one full_address line; town is the neighbourhood (bairro).
	return readAddress(
		(k) => r.optString(a, `recipient_address.${k}`),
		{ name: 'name', street: 'full_address', district: ['district', 'town'], city: 'city', state: 'state', postalCode: 'zipcode', country: 'region' },
		{ country: 'BR' },
	);
}

/** total_amount "will only return after the buyer has completed payment": before that, lines plus shipping. */
const unpaidTotal = (lines: OrderLine[], shippingCents: number) => lines.reduce((t, l) => t + l.unitPriceCents * l.quantity, shippingCents);

/** get_order_detail order → canonical order. Totals from total_amount and the shipping fee the buyer paid. */
export function normalizeShopeeOrder(input: unknown, account: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('shopee', input, 'order_sn');
	const lines = readOrderLines(r, raw, 'item_list', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const status = readTableStatus(r, raw, 'order_status', SHOPEE_STATUS, flags);
	const createdAt = readUnixSeconds(r, raw, 'create_time') ?? r.fail('create_time', 'is required');
	// [?] estimated_shipping_fee is Shopee's estimate; actual_shipping_fee may be confirmed later.
	const shippingCents = r.optDecimalCents(raw, 'actual_shipping_fee') ?? r.optDecimalCents(raw, 'estimated_shipping_fee') ?? 0;
	const currency = r.optString(raw, 'currency');
	if (!currency) flags.add('currency_from_account');
	const order: CanonicalOrder = {
		...orderHead('shopee', account, r.string(raw, 'order_sn'), createdAt, readUnixSeconds(r, raw, 'update_time')),
		...status,
		currency: currency ?? 'BRL',
		totals: chargedTotals(lines, shippingCents, r.optDecimalCents(raw, 'total_amount') ?? unpaidTotal(lines, shippingCents)),
		customer: readCustomer((k) => r.optString(raw, k), { name: 'buyer_username', document: 'buyer_cpf_id' }),
		lines,
		// Shopee arranges the shipment: tracking numbers come from logistics/get_tracking_number, not the order.
		shipments: [],
	};
	const shippingAddress = readDelivery(r, raw);
	// Brazilian orders also list payment_info[].payment_method (NT 2025.001); the order's payment_method otherwise.
	const perPayment = (r.optArray(raw, 'payment_info') ?? []).map((p) => shopeeMethod(isJsonObject(p) ? p.payment_method : undefined));
	const paymentMethod = orderPaymentMethod(perPayment) ?? shopeeMethod(raw.payment_method);
	return finishOrder(order, { shippingAddress, paymentMethod }, flags);
}
