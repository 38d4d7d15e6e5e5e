/**
 * The parts of Mercado Livre's order and shipment resources the adapter reads, as documented in
 * "Gerenciamento de vendas" (GET /orders/search, GET /orders/{id}) and "Envios" (GET /shipments/{id} with
 * x-format-new: true). Everything else in the payload is kept untouched in the raw output.
 */

export const ML_ORDER_STATUSES = [
	'confirmed',
	'payment_required',
	'payment_in_process',
	'partially_paid',
	'paid',
	'partially_refunded',
	'pending_cancel',
	'cancelled',
	'invalid',
] as const;
export type MlOrderStatus = (typeof ML_ORDER_STATUSES)[number];

export interface MlOrderItem {
	item: {
		id: string;
		title?: string;
		variation_id?: number | null;
		seller_sku?: string | null;
		seller_custom_field?: string | null;
	};
	quantity: number;
	unit_price: number;
	full_unit_price?: number;
	currency_id?: string;
}

export interface MlPayment {
	id: number;
	status: string;
	transaction_amount?: number;
	shipping_cost?: number;
	total_paid_amount?: number;
}

export interface MlAddress {
	address_line?: string;
	street_name?: string;
	street_number?: string;
	comment?: string | null;
	zip_code?: string;
	neighborhood?: { name?: string | null };
	city?: { name?: string };
	state?: { id?: string; name?: string };
	country?: { id?: string; name?: string };
}

export interface MlShipment {
	id: number;
	status: string;
	substatus?: string | null;
	tracking_number?: string | null;
	tracking_method?: string | null;
	logistic?: { mode?: string; type?: string };
	destination?: { receiver_name?: string; receiver_phone?: string; shipping_address?: MlAddress };
	/** Without x-format-new the address sits here instead. */
	receiver_address?: MlAddress & { receiver_name?: string };
	status_history?: { date_shipped?: string | null; date_delivered?: string | null };
}

export interface MlOrder {
	id: number | string;
	pack_id?: number | string | null;
	status: string;
	status_detail?: unknown;
	date_created: string;
	date_closed?: string | null;
	last_updated?: string;
	/** Search results carry this name as well. */
	date_last_updated?: string;
	order_items: MlOrderItem[];
	total_amount?: number;
	paid_amount?: number;
	currency_id: string;
	payments?: MlPayment[];
	shipping?: { id?: number | null } | null;
	buyer?: { id: number; nickname?: string; first_name?: string; last_name?: string; email?: string };
	seller?: { id: number };
	tags?: string[];
	coupon?: { id?: string | null; amount?: number } | null;
	/** Attached by the adapter's getDetails from GET /shipments/{shipping.id}; absent in the CLI. */
	shipment?: MlShipment;
}

export interface MlSearchResponse {
	results: MlOrder[];
	paging: { total: number; offset: number; limit: number };
}
