import { AMAZON_INCLUDED_DATA } from '../../core/channels/amazon';

/**
 * Orders API v2026-01-01 order shapes for the Amazon simulator, after amzn/selling-partner-api-models
 * models/orders-api-model/orders_2026-01-01.json (definitions Order, OrderItem, ItemProduct, ItemPrice,
 * ItemProceeds, OrderFulfillment, ItemFulfillment, OrderPackage; values modelled on the getOrder sandbox
 * example for Brazil, order 171-9876543-2109876).
 */

export type AmazonRaw = Record<string, unknown>;

export interface AmazonItemSpec {
	/** Absent: a listing without a seller SKU. */
	sku?: string;
	quantity: number;
	/** The price of ONE unit, as Amazon sends `product.price.unitPrice.amount` ("25.99"; JPY "5980"). */
	unitPrice: string;
	tax?: string;
	shipping?: string;
	/** A promotion, positive here; the proceeds breakdown carries it as a deduction (negative) [?]. */
	discount?: string;
	asin?: string;
	title?: string;
}

export interface AmazonOrderSpec {
	id: string;
	lastUpdate: string;
	/** A `FulfillmentStatus` value; UNSHIPPED by default. */
	status?: string;
	purchaseDate?: string;
	marketplaceId?: string;
	currency?: string;
	/** proceeds.grandTotal; defaults to the sum of the items' proceeds. */
	grandTotal?: string;
	fulfilledBy?: 'MERCHANT' | 'AMAZON';
	items?: AmazonItemSpec[];
	extra?: AmazonRaw;
}

export const BR_MARKETPLACE = 'A2Q3Y263D00KWC';
const ZERO_DECIMAL = new Set(['JPY']);
const money = (currencyCode: string, amount: string) => ({ amount, currencyCode });
const cents = (s: string | undefined) => Math.round(Number(s ?? '0') * 100);
const amount = (c: number, currency: string) => (c / 100).toFixed(ZERO_DECIMAL.has(currency) ? 0 : 2);

/** Amazon's dates are whole seconds with a Z ("2024-12-25T08:15:00Z"). */
export const amazonTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function item(spec: AmazonItemSpec, n: number, currency: string): AmazonRaw {
	const itemCents = cents(spec.unitPrice) * spec.quantity;
	const parts: Array<[string, number]> = [['ITEM', itemCents], ['SHIPPING', cents(spec.shipping)], ['TAX', cents(spec.tax)], ['DISCOUNT', -cents(spec.discount)]];
	const breakdowns = parts.filter(([type, c]) => type === 'ITEM' || c !== 0).map(([type, c]) => ({ type, subtotal: money(currency, amount(c, currency)) }));
	return {
		orderItemId: `1719876543210${n}`,
		quantityOrdered: spec.quantity,
		product: {
			asin: spec.asin ?? `B08N5WRWN${n}`,
			title: spec.title ?? `${spec.sku ?? 'Item'} | Echo Dot (4ª Geração)`,
			...(spec.sku === undefined ? {} : { sellerSku: spec.sku }),
			condition: { conditionType: 'NEW', conditionSubtype: 'NEW', conditionNote: '' },
			price: { unitPrice: money(currency, spec.unitPrice) },
		},
		proceeds: { proceedsTotal: money(currency, amount(parts.reduce((s, [, c]) => s + c, 0), currency)), breakdowns },
		fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: spec.quantity },
	};
}

/** A whole order, every dataset present; the simulator serves only the `includedData` asked for. */
export function amazonOrder(spec: AmazonOrderSpec): AmazonRaw {
	const currency = spec.currency ?? 'BRL';
	const items = (spec.items ?? [{ sku: 'SKU-1', quantity: 1, unitPrice: '10.00', tax: '1.01' }]).map((s, n) => item(s, n, currency));
	const total = items.reduce((s, i) => s + cents(((i.proceeds as AmazonRaw).proceedsTotal as { amount: string }).amount), 0);
	return {
		orderId: spec.id,
		orderAliases: [{ aliasId: `BR-${spec.id}`, aliasType: 'SELLER_ORDER_ID' }],
		createdTime: spec.purchaseDate ?? spec.lastUpdate,
		lastUpdatedTime: spec.lastUpdate,
		programs: [],
		salesChannel: { channelName: 'AMAZON', marketplaceId: spec.marketplaceId ?? BR_MARKETPLACE, marketplaceName: 'Amazon.com.br' },
		buyer: { buyerName: 'Maria Silva Santos', buyerEmail: 'buyer-email@marketplace.amazon.com.br' },
		recipient: {
			deliveryAddress: {
				name: 'Maria Silva Santos', addressLine1: 'Rua das Flores, 123', addressLine2: 'Apartamento 45', city: 'São Paulo',
				stateOrRegion: 'SP', postalCode: '01234-567', countryCode: 'BR', phone: '+55 11 98765-4321',
				extendedFields: { streetName: 'Rua das Flores', streetNumber: '123', complement: 'Apartamento 45', neighborhood: 'Vila Madalena' },
				addressType: 'RESIDENTIAL',
			},
		},
		proceeds: { grandTotal: money(currency, spec.grandTotal ?? amount(total, currency)) },
		tax: { taxInvoicing: { invoiceStatus: 'NOT_REQUIRED' } },
		fulfillment: {
			fulfillmentStatus: spec.status ?? 'UNSHIPPED',
			fulfilledBy: spec.fulfilledBy ?? 'MERCHANT',
			fulfillmentServiceLevel: 'STANDARD',
			shipByWindow: { earliestDateTime: spec.lastUpdate, latestDateTime: spec.lastUpdate },
		},
		orderItems: items,
		packages: [],
		...spec.extra,
	};
}

/** includedData value → the order's and each item's members it adds (orders_2026-01-01.json). */
const ORDER_DATASETS: Record<string, string[]> = {
	BUYER: ['buyer'], RECIPIENT: ['recipient'], PROCEEDS: ['proceeds'], PAYMENT: ['payment'], TAX: ['tax'],
	FULFILLMENT: ['fulfillment'], PACKAGES: ['packages'], FULFILLMENT_ORDERS: ['fulfillmentOrders'], EXPENSE: [], PROMOTION: [], CANCELLATION: [],
};
const ITEM_DATASETS: Record<string, string[]> = { PROCEEDS: ['proceeds'], EXPENSE: ['expense'], PROMOTION: ['promotion'], CANCELLATION: ['cancellation'], FULFILLMENT: ['fulfillment'], TAX: ['tax'] };
export const INCLUDED_DATA_VALUES = Object.keys(ORDER_DATASETS);

const without = (obj: AmazonRaw, table: Record<string, string[]>, included: Set<string>) => {
	const dropped = Object.entries(table).filter(([k]) => !included.has(k)).flatMap(([, keys]) => keys);
	return Object.fromEntries(Object.entries(obj).filter(([k]) => !dropped.includes(k)));
};

/** The order as Amazon serves it for `includedData` (a deep copy: later changes do not leak into answers). */
export function served(order: AmazonRaw, includedData: Iterable<string>): AmazonRaw {
	const included = new Set(includedData);
	const copy = structuredClone(order);
	const items = (copy.orderItems as AmazonRaw[]).map((i) => without(i, ITEM_DATASETS, included));
	return { ...without(copy, ORDER_DATASETS, included), orderItems: items };
}

/** The order as the adapter receives it (searchOrders/getOrder with the adapter's includedData). */
export const amazonDetailed = (spec: AmazonOrderSpec): AmazonRaw => served(amazonOrder(spec), AMAZON_INCLUDED_DATA.split(','));
