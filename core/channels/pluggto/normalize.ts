import type { CanonicalOrder, IntakeFlag, OrderLine, Shipment } from '../../model/order';
import { compact, openRawOrder, readCents, readChargedTotals, readLocalDate } from '../common/fields';
import { finishOrder, orderHead, readOrderLines, readTableStatus } from '../common/order';
import { readAddress, readCustomer } from '../common/parties';
import { orderPaymentMethod, pluggToMethod } from '../common/payment';
import type { JsonObject, RawReader } from '../common/raw-reader';
import { PLUGGTO_STATUS } from './status';

/** An order as GET /orders/{id} answers it (unwrapped from {Order}). Money as decimal numbers or strings, in reais. */
export type PluggToOrder = JsonObject;

/** When the order last changed: `modified`, else `created` (dates without a zone read at `offset`). */
export function pluggToModified(r: RawReader, o: JsonObject, offset: string): string {
	return readLocalDate(r, o, 'modified', offset) ?? readLocalDate(r, o, 'created', offset) ?? r.fail('modified', 'is required');
}

/** items[]: the variation's sku when it has one, else the item's (the seller's SKU; empty → unmapped). */
function readLine(r: RawReader, item: JsonObject, path: string): OrderLine {
	const variation = r.optObject(item, `${path}.variation`);
	const variationSku = variation ? r.optString(variation, `${path}.variation.sku`) : undefined;
	return compact({
		sku: (variationSku ?? r.optString(item, `${path}.sku`))?.trim(),
		quantity: r.integer(item, `${path}.quantity`, 1),
		unitPriceCents: readCents(r, item, `${path}.price`),
		channelListingId: r.optString(item, `${path}.original_sku`),
		channelVariantId: variation ? r.optString(variation, `${path}.variation.id`) : undefined,
		channelLineId: r.optString(item, `${path}.id`),
		title: r.optString(item, `${path}.name`),
	});
}

/** shipments[] with a tracking code, and the first NF-e any shipment carries. */
function readShipments(r: RawReader, raw: JsonObject, offset: string): Pick<CanonicalOrder, 'shipments' | 'invoice'> {
	const out: Pick<CanonicalOrder, 'shipments' | 'invoice'> = { shipments: [] };
	for (const { item: s, path } of r.objects(r.optArray(raw, 'shipments') ?? [], 'shipments')) {
		const code = r.optString(s, `${path}.track_code`);
		if (code)
			out.shipments.push(
				compact<Shipment>({
					carrier: r.optString(s, `${path}.shipping_company`),
					trackingCode: code,
					trackingUrl: r.optString(s, `${path}.track_url`),
					shippedAt: readLocalDate(r, s, `${path}.date_shipped`, offset),
				}),
			);
		const key = r.optString(s, `${path}.nfe_key`);
		if (key && !out.invoice)
			out.invoice = compact({
				nfeKey: key,
				number: r.optString(s, `${path}.nfe_number`),
				series: r.optString(s, `${path}.nfe_serie`),
				issuedAt: readLocalDate(r, s, `${path}.nfe_date`, offset),
				url: r.optString(s, `${path}.nfe_link`),
			});
	}
	return out;
}

/**
 * Plugg.To order → canonical order. `total` is what the buyer pays; `channel` (the marketplace: "MercadoLivre",
 * "Americanas"…) is the origin marketplace, the canonical channel stays pluggto. Plugg.To sends no currency:
 * amounts are reais. `expected_send_date` is the ship-by day (end of that day, store time).
 */
export function normalizePluggToOrder(input: unknown, account: string, offset: string): CanonicalOrder {
	const { r, o: raw } = openRawOrder('pluggto', input, 'id');
	const channelOrderId = r.string(raw, 'id');
	const lines = readOrderLines(r, raw, 'items', (item, path) => readLine(r, item, path));
	const flags = new Set<IntakeFlag>();
	const status = readTableStatus(r, raw, 'status', PLUGGTO_STATUS, flags);
	const field = (k: string) => r.optString(raw, k);
	const fullName = (first: string, last: string) => [field(first), field(last)].filter(Boolean).join(' ') || undefined;
	const createdAt = readLocalDate(r, raw, 'created', offset) ?? r.fail('created', 'is required');
	const order: CanonicalOrder = {
		...orderHead('pluggto', account, channelOrderId, createdAt, readLocalDate(r, raw, 'modified', offset)),
		...status,
		currency: 'BRL',
		totals: readChargedTotals(r, raw, lines, 'shipping', 'total'),
		customer: readCustomer((k) => (k === 'name' ? (fullName('payer_name', 'payer_lastname') ?? fullName('receiver_name', 'receiver_lastname')) : field(k)), {
			name: 'name',
			email: ['payer_email', 'receiver_email'],
			phone: ['payer_phone', 'receiver_phone'],
			document: ['payer_cpf', 'payer_cnpj', 'payer_tax_id'],
		}),
		lines,
		...readShipments(r, raw, offset),
	};
	const originMarketplace = field('channel');
	const shippingAddress = readAddress(
		(k) => (k === 'name' ? fullName('receiver_name', 'receiver_lastname') : field(k)),
		{
			name: 'name',
			street: 'receiver_address',
			number: 'receiver_address_number',
			complement: 'receiver_address_complement',
			district: 'receiver_neighborhood',
			city: 'receiver_city',
			state: 'receiver_state',
			postalCode: 'receiver_zipcode',
			country: 'receiver_country',
		},
		{ country: 'BR' },
	);
	const shipBy = readLocalDate(r, raw, 'expected_send_date', offset, '23:59:59');
	const paymentMethod = orderPaymentMethod((r.optArray(raw, 'payments') ?? []).map(pluggToMethod));
	return finishOrder(order, { originMarketplace, shippingAddress, shipBy, paymentMethod }, flags);
}
