import { isJsonObject, type JsonObject } from '../common/raw-reader';
import { AWAITING_PAYMENT, CANCELLED, DELIVERED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Orders API v2026-01-01 `fulfillment.fulfillmentStatus` → canonical (the `FulfillmentStatus` enum of
 * orders_2026-01-01.json, every value). Amazon authorises payment when the order leaves PENDING and charges
 * on shipment, hence `authorized` for UNSHIPPED. UNFULFILLABLE (Amazon-fulfilled orders not placed on
 * Amazon's site that cannot be filled) ends the order like a cancellation: nothing will ship. v0's
 * InvoiceUnconfirmed has no v2026 value.
 */
export const AMAZON_STATUS_MAP: Readonly<Record<string, StatusMapping>> = {
	PENDING_AVAILABILITY: AWAITING_PAYMENT,
	PENDING: AWAITING_PAYMENT,
	UNSHIPPED: { status: 'paid', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled' },
	PARTIALLY_SHIPPED: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'partial' },
	SHIPPED: SHIPPED,
	CANCELLED: CANCELLED,
	UNFULFILLABLE: CANCELLED,
};

const packageStatuses = (o: JsonObject, key: 'status' | 'detailedStatus'): unknown[] =>
	(Array.isArray(o.packages) ? o.packages.filter(isJsonObject) : []).map((p) => (isJsonObject(p.packageStatus) ? p.packageStatus[key] : undefined));

const every = (values: unknown[], wanted: string) => values.length > 0 && values.every((v) => v === wanted);

export interface AmazonStatusRefinement {
	fulfillmentStatus: string;
	/** Appended to channelStatusRaw, so the source of the refinement stays visible. */
	label: string;
	applies(order: JsonObject): boolean;
	mapping: StatusMapping;
}

/**
 * The fulfilment status has no invoiced/delivered/returned values; two datasets carry them:
 * - TAX `tax.taxInvoicing.invoiceStatus` ACCEPTED (Brazil: the NF-e was accepted) on an UNSHIPPED order;
 * - PACKAGES (merchant-fulfilled orders only): every package DELIVERED, or every package
 *   RETURNED_TO_SELLER, on a SHIPPED order. A mix (one delivered, one on its way) stays shipped.
 */
export const AMAZON_STATUS_REFINEMENTS: readonly AmazonStatusRefinement[] = [
	{
		fulfillmentStatus: 'UNSHIPPED',
		label: 'tax.taxInvoicing.invoiceStatus=ACCEPTED',
		applies: (o) => isJsonObject(o.tax) && isJsonObject(o.tax.taxInvoicing) && o.tax.taxInvoicing.invoiceStatus === 'ACCEPTED',
		mapping: { status: 'invoiced', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled' },
	},
	{
		fulfillmentStatus: 'SHIPPED',
		label: 'packages DELIVERED',
		applies: (o) => every(packageStatuses(o, 'status'), 'DELIVERED'),
		mapping: DELIVERED,
	},
	{
		fulfillmentStatus: 'SHIPPED',
		label: 'packages RETURNED_TO_SELLER',
		applies: (o) => every(packageStatuses(o, 'detailedStatus'), 'RETURNED_TO_SELLER'),
		mapping: { status: 'returned', paymentStatus: 'unknown', fulfillmentStatus: 'returned' },
	},
];

/**
 * Statuses in which an item may lack its price: v0 documented it for Pending (getOrderItems); the
 * v2026 model marks `product.price` optional without saying when, so the same statuses are tolerated.
 */
export const AMAZON_UNPRICED_STATUSES: ReadonlySet<string> = new Set(['PENDING_AVAILABILITY', 'PENDING', 'CANCELLED', 'UNFULFILLABLE']);
