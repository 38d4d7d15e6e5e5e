/**
 * The parts of Mercado Livre's order and shipment resources the adapter reads, as documented in
 * "Gerenciamento de vendas" (GET /orders/search, GET /orders/{id}) and "Envios" (GET /shipments/{id} with
 * x-format-new: true). Everything else in the payload is kept untouched in the raw output.
 */

export const ML_DEFAULT_BASE_URL = 'https://api.mercadolibre.com';

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

/**
 * Real payloads are looser than the documented example: amounts and quantities may come as numeric strings,
 * SKU fields are null on most listings, and fields are often null or absent. The normaliser reads them with
 * RawReader, so these types only say what may be there.
 */
export interface MlOrderItem {
	item?: {
		id?: string | null;
		title?: string | null;
		variation_id?: number | string | null;
		seller_sku?: string | null;
		seller_custom_field?: string | null;
	} | null;
	quantity: number | string;
	/** The price paid for one unit, after promotions ("Preço unitário do item após aplicar os descontos"). */
	unit_price: number | string;
	/** The listing's price before the promotion, when ML reports it. */
	full_unit_price?: number | string | null;
	/** (unit_price + discounts.full) × quantity: the line before discounts (newer orders only). */
	gross_price?: number | string | null;
	currency_id?: string | null;
}

export interface MlPayment {
	id?: number | string;
	status?: string | null;
	currency_id?: string | null;
	transaction_amount?: number | string | null;
	shipping_cost?: number | string | null;
	total_paid_amount?: number | string | null;
}

export interface MlAddress {
	address_line?: string | null;
	street_name?: string | null;
	street_number?: string | null;
	comment?: string | null;
	zip_code?: string | null;
	neighborhood?: { name?: string | null } | null;
	city?: { name?: string | null } | null;
	state?: { id?: string | null; name?: string | null } | null;
	country?: { id?: string | null; name?: string | null } | null;
}

export interface MlShipment {
	id: number;
	status: string;
	substatus?: string | null;
	tracking_number?: string | null;
	tracking_method?: string | null;
	logistic?: { mode?: string; type?: string };
	destination?: { receiver_name?: string | null; receiver_phone?: string | null; shipping_address?: MlAddress | null } | null;
	/** Without x-format-new the address sits here instead. */
	receiver_address?: (MlAddress & { receiver_name?: string | null }) | null;
	status_history?: { date_shipped?: string | null; date_delivered?: string | null } | null;
}

export interface MlOrder {
	id: number | string;
	pack_id?: number | string | null;
	status: string;
	status_detail?: unknown;
	date_created?: string | null;
	date_closed?: string | null;
	last_updated?: string | null;
	/** Search results carry this name as well. */
	date_last_updated?: string | null;
	order_items: MlOrderItem[];
	total_amount?: number | string | null;
	paid_amount?: number | string | null;
	currency_id?: string | null;
	payments?: MlPayment[] | null;
	/** Null while the shipment is not created yet, or for "a combinar" sales (no ML shipping). */
	shipping?: { id?: number | string | null } | null;
	buyer?: {
		id?: number | string;
		nickname?: string | null;
		first_name?: string | null;
		last_name?: string | null;
		email?: string | null;
		billing_info?: { doc_type?: string | null; doc_number?: string | null } | null;
	} | null;
	seller?: { id?: number | string } | null;
	tags?: string[] | null;
	/** The order's claims ({ id }), when ML lists them on the order. */
	mediations?: unknown[] | null;
	coupon?: { id?: string | number | null; amount?: number | string | null } | null;
	/** Attached by the adapter's getDetails from GET /shipments/{shipping.id}; absent in the CLI. */
	shipment?: MlShipment;
	/** Attached by getDetails from the order's claims with a return (claims.ts); absent when none was read. */
	returns?: MlReturn[];
}

/** One claim's return, as getDetails reads it (claims.ts). */
export interface MlReturn {
	claimId: string;
	/** The return's status is "delivered": the units are in the seller's hands. */
	delivered: boolean;
	/**
	 * The units are back in Mercado Livre's warehouse to stay (Full): the return's `return` shipment to the
	 * `warehouse` destination is delivered and no `return_from_triage` shipment sends them on to the seller.
	 */
	inMeliWarehouse: boolean;
	/** The claim's: every unit of the order, or `claimedQuantity` of them. */
	quantityType: 'total' | 'partial';
	claimedQuantity?: number;
	/** The return's `orders[]` entries for this order (units never received left out). */
	items?: Array<{ itemId?: string; variationId?: string; quantity: number }>;
}

export interface MlSearchResponse {
	results: MlOrder[];
	paging: { total: number; offset: number; limit: number };
}
