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

/**
 * How the buyer pays, as far as the channel says: it decides how long an unpaid reservation is kept (a pix is
 * paid in minutes, a boleto clears days after it is paid). `other`: a method the OMS does not name
 * (marketplace credit, cash on delivery, ...); `unknown`: the channel did not say.
 */
export const PAYMENT_METHODS = ['pix', 'boleto', 'credit_card', 'debit_card', 'wallet', 'other', 'unknown'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface OrderLine {
	/**
	 * The seller's SKU: the key of the stock ledger, in its one identity (see `skuIdentity`). Absent when the
	 * channel's line names none (a listing without a seller SKU): the line is then `unmapped`.
	 */
	sku?: string;
	/**
	 * The line could not be tied to a SKU: it is imported with its listing / variant ids and reserves nothing
	 * until the listing is linked to a SKU. Always true when `sku` is absent.
	 */
	unmapped?: boolean;
	/** The channel's listing / product id (ML item id, Shopify product id, ...), when it has one. */
	channelListingId?: string;
	/** The channel's variant id (ML variation id, Shopify variant id, VTEX sku id, ...), when it has one. */
	channelVariantId?: string;
	/** The channel's id of this line (Amazon OrderItemId, Shopify line item id): write-back needs it. */
	channelLineId?: string;
	title?: string;
	/**
	 * Units of the line still on the order: what the buyer ordered minus units cancelled (removed, refunded
	 * before they shipped). Units shipped and later returned stay counted here and in `returnedQuantity`.
	 */
	quantity: number;
	unitPriceCents: number;
	/** Display text of unitPriceCents ("R$ 49,90"), added to the nodes' outputs; ignored on input. */
	unitPrice?: string;
	/**
	 * Units of this line that have shipped (0..quantity), for orders shipped in parts. Absent: every unit once
	 * the order is shipped (or later), none before. With the commit point at shipped, only these are deducted.
	 */
	shippedQuantity?: number;
	/**
	 * Units of this line that came back (0..shippedQuantity): restocked by the store (or kept out, by the
	 * restock-returns rule). Absent: none, except for a `returned` order, where every unit it deducted is.
	 */
	returnedQuantity?: number;
	/**
	 * The OMS warehouse the channel took this line's stock from, when it names one (a Mercado Livre
	 * multi-origin sale names its depot). The store holds an order in one warehouse (the order's
	 * `warehouse`), so adapters that fill this also set the order's from it.
	 */
	warehouse?: string;
}

export interface OrderTotals {
	itemsCents: number;
	shippingCents: number;
	discountCents: number;
	totalCents: number;
	/** Display text beside each amount ("R$ 1.234,56"), added to the nodes' outputs (withFormattedMoney); ignored on input. */
	items?: string;
	shipping?: string;
	discount?: string;
	total?: string;
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
	/** How the buyer pays (see PAYMENT_METHODS); absent = `unknown`. Unpaid reservations expire by it. */
	paymentMethod?: PaymentMethod;
	/**
	 * The latest time the seller must ship (the channel's ship-by / handling deadline), when the channel gives
	 * one. Reports count orders past it; an unreadable value is kept out of reports, the order imports as usual.
	 */
	shipBy?: string;
	/** Warehouse whose stock this order consumes; "default" when absent. */
	warehouse?: string;
	/**
	 * The channel's group this order ships with: a Mercado Livre pack (pack_id: several orders, one shipment), a
	 * Magalu delivery (the order's one open delivery). Stock stays per order; invoice and shipment write-back act
	 * per group (one NF-e per shipment).
	 */
	groupId?: string;
	/**
	 * For orders read through a hub (AnyMarket, Plugg.To: one account, several marketplaces), the marketplace
	 * the buyer ordered on, as the hub names it ("MERCADO_LIVRE", "Americanas", ...); `channel` stays the
	 * hub, which the OMS reads from and writes back to. Absent for orders of a channel read directly.
	 */
	originMarketplace?: string;
	/**
	 * What the importer doubted, for a person to check (the order is imported all the same): see
	 * INTAKE_FLAGS. Absent when nothing was doubtful.
	 */
	flags?: IntakeFlag[];
}

/**
 * Intake flags. `unmapped_lines`: a line names no SKU (it reserves nothing until linked).
 * `currency_from_account`: the payload had no currency; the account's was used. `time_zone_assumed`: a
 * date had no offset; the channel's documented zone was used. `status_assumed`: the channel sent no status
 * and nothing else in the order told it; the channel's documented starting status was used.
 * `status_unknown`: the channel sent a status value the OMS does not know (a store plugin's own status, a
 * new marketplace status): the order is imported as paid, so its units stay reserved, never expired, until
 * a known status arrives (see UNKNOWN_STATUS). `line_quantities_clamped`: a line said more units shipped or
 * returned than it has (or more returned than shipped); the counts were lowered to what the line can hold.
 * `all_lines_removed`: a change on the channel (a VTEX change order) removed every unit of an order that is not
 * cancelled: it comes with no lines, and the store gives back what it holds for it (released, or restocked
 * after the deduct point). `fulfillment_lines_apart`: part of the order ships from the marketplace's own
 * warehouse (a Magalu Fulfillment delivery beside deliveries the seller ships): those lines are left out, so
 * they take none of the seller's stock, and the rest is held as usual.
 */
export const INTAKE_FLAGS = [
	'unmapped_lines',
	'currency_from_account',
	'time_zone_assumed',
	'status_assumed',
	'status_unknown',
	'line_quantities_clamped',
	'all_lines_removed',
	'fulfillment_lines_apart',
] as const;
export type IntakeFlag = (typeof INTAKE_FLAGS)[number];

/**
 * The one SKU identity, wherever a SKU is stored or compared (store, push, mapping): trimmed and in
 * Unicode NFC, so "Camisa-É" typed on a Mac and on Windows is one SKU. Case is kept: sellers use it.
 */
export function skuIdentity(sku: string): string {
	return sku.trim().normalize('NFC');
}

export const DEFAULT_WAREHOUSE = 'default';

/** The identity of an order in the store: unique per channel account. */
export function orderKeyOf(order: Pick<CanonicalOrder, 'channel' | 'account' | 'channelOrderId'>): string {
	return `${order.channel}:${order.account}:${order.channelOrderId}`;
}

/**
 * Sums quantities per SKU: a channel may list the same SKU on two lines. Unmapped lines (no SKU) hold no
 * stock. A null-prototype object, so a SKU named "constructor" is a SKU like any other.
 */
export function quantitiesBySku(lines: ReadonlyArray<Pick<OrderLine, 'sku' | 'quantity'>>): Record<string, number> {
	const out: Record<string, number> = Object.create(null) as Record<string, number>;
	for (const line of lines) if (line.sku !== undefined) out[line.sku] = (out[line.sku] ?? 0) + line.quantity;
	return out;
}
