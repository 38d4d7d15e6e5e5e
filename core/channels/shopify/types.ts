/**
 * The Admin GraphQL Order fields the adapter asks for (queries.ts) and reads. The raw output of the trigger
 * is exactly this node, with every line item page merged into lineItems.nodes. (The REST / webhook order is
 * read untyped by read-rest.ts.)
 */

export interface ShopifyMoneyBag {
	shopMoney: { amount: string; currencyCode: string };
}

export interface ShopifyLineItem {
	id: string;
	sku: string | null;
	title?: string;
	/** Units ordered, removed and refunded ones included. */
	quantity: number;
	/** Units still on the order (quantity minus removed and refunded): what the OMS reserves. */
	currentQuantity?: number;
	originalUnitPriceSet: ShopifyMoneyBag;
	variant?: { id: string; legacyResourceId?: string } | null;
	product?: { id: string; legacyResourceId?: string } | null;
}

export interface ShopifyFulfillment {
	/** SUCCESS, CANCELLED, ERROR, FAILURE, OPEN, PENDING: cancelled / failed ones shipped nothing. */
	status?: string | null;
	displayStatus?: string | null;
	createdAt?: string;
	trackingInfo?: Array<{ company?: string | null; number?: string | null; url?: string | null }>;
}

export interface ShopifyMailingAddress {
	name?: string | null;
	address1?: string | null;
	address2?: string | null;
	city?: string | null;
	provinceCode?: string | null;
	zip?: string | null;
	countryCodeV2?: string | null;
	phone?: string | null;
}

/** What orders(...) lists: enough to identify and de-duplicate before paying for the details. */
export interface ShopifyOrderSummary {
	id: string;
	legacyResourceId?: string;
	updatedAt: string;
}

export interface ShopifyOrder extends ShopifyOrderSummary {
	name?: string;
	createdAt: string;
	cancelledAt?: string | null;
	displayFinancialStatus: string | null;
	displayFulfillmentStatus: string;
	currencyCode: string;
	email?: string | null;
	totalPriceSet: ShopifyMoneyBag;
	totalShippingPriceSet: ShopifyMoneyBag;
	totalDiscountsSet: ShopifyMoneyBag;
	/** After order edits and refunds, as the current line quantities are. */
	currentTotalPriceSet?: ShopifyMoneyBag;
	currentTotalDiscountsSet?: ShopifyMoneyBag;
	presentmentCurrencyCode?: string;
	customer?: { displayName?: string | null; email?: string | null; phone?: string | null } | null;
	shippingAddress?: ShopifyMailingAddress | null;
	fulfillments?: ShopifyFulfillment[];
	lineItems: { nodes: ShopifyLineItem[]; pageInfo?: { hasNextPage: boolean; endCursor: string | null } };
}

export interface ShopifyConnection<T> {
	nodes: T[];
	pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
