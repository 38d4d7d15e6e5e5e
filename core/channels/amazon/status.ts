import type { StatusMapping } from '../common/status';

/**
 * Orders API v0 `OrderStatus` → canonical (enum and meanings from ordersV0.json). Amazon authorises payment
 * when the order leaves Pending and charges on shipment, hence `authorized` for Unshipped.
 * Unfulfillable (Amazon-fulfilled multi-channel orders that cannot be filled) ends the order like a
 * cancellation: nothing will ship.
 */
export const AMAZON_STATUS_MAP: Readonly<Record<string, StatusMapping>> = {
	PendingAvailability: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	Pending: { status: 'pending_payment', paymentStatus: 'pending', fulfillmentStatus: 'unfulfilled' },
	Unshipped: { status: 'paid', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled' },
	PartiallyShipped: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'partial' },
	Shipped: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled' },
	// Shipped; only the seller's invoice confirmation to Amazon is missing.
	InvoiceUnconfirmed: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'fulfilled' },
	Canceled: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' },
	Unfulfillable: { status: 'cancelled', paymentStatus: 'unknown', fulfillmentStatus: 'unfulfilled' },
};

/**
 * OrderStatus has no invoiced/delivered/returned states; two side fields carry them:
 * - `ElectronicInvoiceStatus` Accepted (Brazil: the NF-e was accepted) on an Unshipped order → invoiced;
 * - `EasyShipShipmentStatus` (Easy Ship carrier events) Delivered / ReturnedToSeller on a Shipped order.
 * Each applies only to the status it refines: the sandbox shows Easy Ship values on unshipped MFN orders.
 */
export const AMAZON_STATUS_REFINEMENTS: ReadonlyArray<{ orderStatus: string; field: string; value: string; mapping: StatusMapping }> = [
	{
		orderStatus: 'Unshipped',
		field: 'ElectronicInvoiceStatus',
		value: 'Accepted',
		mapping: { status: 'invoiced', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled' },
	},
	{
		orderStatus: 'Shipped',
		field: 'EasyShipShipmentStatus',
		value: 'Delivered',
		mapping: { status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'delivered' },
	},
	{
		orderStatus: 'Shipped',
		field: 'EasyShipShipmentStatus',
		value: 'ReturnedToSeller',
		mapping: { status: 'returned', paymentStatus: 'unknown', fulfillmentStatus: 'returned' },
	},
];

/** Statuses in which getOrderItems omits prices (documented for Pending; cancelled orders may lack them too). */
export const AMAZON_UNPRICED_STATUSES: ReadonlySet<string> = new Set(['PendingAvailability', 'Pending', 'Canceled', 'Unfulfillable']);
