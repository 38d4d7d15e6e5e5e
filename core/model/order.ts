/**
 * The canonical order: one shape for every channel. Channel adapters normalise into it; the store and the
 * status-sync node only ever see this shape. Money is always integer cents; quantities are integers.
 */

export const CANONICAL_STATUSES = [
	'pending_payment',
	'paid',
	'invoiced',
	'shipped',
	'delivered',
	'cancelled',
	'returned',
] as const;
export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

export const PAYMENT_STATUSES = ['pending', 'authorized', 'paid', 'partially_refunded', 'refunded', 'failed', 'unknown'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FULFILLMENT_STATUSES = ['unfulfilled', 'partial', 'fulfilled', 'delivered', 'returned', 'unknown'] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export interface OrderLine {
	/** The seller's SKU: the key of the stock ledger. */
	sku: string;
	/** The channel's listing / product id (ML item id, Shopify product id, ...), when it has one. */
	channelListingId?: string;
	/** The channel's variant id (ML variation id, Shopify variant id, VTEX sku id, ...), when it has one. */
	channelVariantId?: string;
	/** The channel's id of this line (Amazon OrderItemId, Shopify line item id): write-back needs it. */
	channelLineId?: string;
	title?: string;
	quantity: number;
	unitPriceCents: number;
}

export interface OrderTotals {
	itemsCents: number;
	shippingCents: number;
	discountCents: number;
	totalCents: number;
}

export interface Customer {
	name: string;
	email?: string;
	/** CPF / CNPJ or other tax id, digits only. */
	document?: string;
	phone?: string;
}

export interface Address {
	name?: string;
	street: string;
	number?: string;
	complement?: string;
	district?: string;
	city: string;
	state?: string;
	postalCode?: string;
	country: string;
}

export interface Invoice {
	/** NF-e access key: 44 digits. */
	nfeKey?: string;
	number?: string;
	series?: string;
	issuedAt?: string;
	url?: string;
}

export interface Shipment {
	carrier?: string;
	trackingCode?: string;
	trackingUrl?: string;
	shippedAt?: string;
}

export interface CanonicalOrder {
	/** Channel id, e.g. "mercadolivre", "shopify". */
	channel: string;
	/** The seller account on that channel (ML seller id, Shopify shop domain, VTEX account name...). */
	account: string;
	channelOrderId: string;
	createdAt: string;
	updatedAt: string;
	status: CanonicalStatus;
	paymentStatus: PaymentStatus;
	fulfillmentStatus: FulfillmentStatus;
	/** The channel's own status text(s), kept for humans and for debugging the mapping. */
	channelStatusRaw: string;
	currency: string;
	totals: OrderTotals;
	customer: Customer;
	shippingAddress?: Address;
	lines: OrderLine[];
	invoice?: Invoice;
	shipments: Shipment[];
	/** Warehouse whose stock this order consumes; "default" when absent. */
	warehouse?: string;
}

export const DEFAULT_WAREHOUSE = 'default';

/** The identity of an order in the store: unique per channel account. */
export function orderKeyOf(order: Pick<CanonicalOrder, 'channel' | 'account' | 'channelOrderId'>): string {
	return `${order.channel}:${order.account}:${order.channelOrderId}`;
}

/** Sums quantities per SKU: a channel may list the same SKU on two lines. */
export function quantitiesBySku(lines: ReadonlyArray<Pick<OrderLine, 'sku' | 'quantity'>>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const line of lines) out[line.sku] = (out[line.sku] ?? 0) + line.quantity;
	return out;
}
