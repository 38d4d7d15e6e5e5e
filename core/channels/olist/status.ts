import { CANCELLED, DELIVERED, INVOICED, PAID_NOT_SHIPPED, SHIPPED, type StatusMapping } from '../common/status';

/**
 * Olist seller-order `status` (dev.olist.com, Orders overview): approved (payment authorised, ready to be
 * invoiced), invoice_processing (the NF-e XML being validated), invoice_error (the XML was refused), invoiced
 * (processed; packages created), shipped and delivered ("at least one order item"). Olist creates orders only
 * after payment authorisation, so there is no unpaid status. A cancellation is a separate field: see
 * OLIST_CANCELED.
 */
export const OLIST_STATUS: Readonly<Record<string, StatusMapping>> = {
	approved: PAID_NOT_SHIPPED,
	invoice_processing: PAID_NOT_SHIPPED,
	invoice_error: PAID_NOT_SHIPPED,
	invoiced: INVOICED,
	shipped: SHIPPED,
	delivered: DELIVERED,
};

/**
 * [3P] `cancelation_status` "canceled" (with a cancelation_reason such as "shipment_delayed") cancels the order
 * whatever `status` says; its other values are not documented and leave the status as it is.
 */
export const OLIST_CANCELED: StatusMapping = CANCELLED;
