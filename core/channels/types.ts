import type { CanonicalOrder } from '../model/order';
import type { HttpTransport } from '../http/transport';
import type { RetryPolicy } from '../http/retry';

// Channel ids come from the registry (the one list); re-exported here for the many type-only users.
export type { ChannelId } from './registry';
import type { ChannelId } from './registry';

/** What every adapter is built from. Auth is the transport's job (n8n credentials, or fixed headers). */
export interface AdapterContext {
	transport: HttpTransport;
	/** API root, e.g. https://api.mercadolibre.com; the credential's base-URL override lands here. */
	baseUrl: string;
	/** Seller account on the channel (seller id, shop domain, account name, store id...). */
	account: string;
	retry?: RetryPolicy;
	/** Channel-specific settings (marketplace ids, API version...). */
	options?: Record<string, string | number | boolean | undefined>;
}

/** Orders changed in [since, until), in the channel's own paging. */
export interface ListChangedRequest {
	since: string;
	until: string;
	/** Continuation from the previous page of the same window; absent for the first page. */
	pageToken?: string;
	pageSize: number;
}

export interface ListChangedPage<Raw> {
	/** Raw orders (or summaries, when the adapter has getDetails) exactly as the channel returned them. */
	items: Raw[];
	/** Present when the window has more pages. */
	nextPageToken?: string;
	/**
	 * Queue-style channels (VTEX Feed v3): handles to acknowledge once the execution that took the orders
	 * succeeded, so a crash before then re-delivers them (at-least-once).
	 */
	acks?: string[];
}

export interface RawOrderIdentity {
	channelOrderId: string;
	/** The channel's last-modified time of the order, ISO 8601. */
	updatedAt: string;
}

/**
 * One interface for every channel. An adapter knows its channel's endpoints, paging, statuses and quirks,
 * and nothing of n8n.
 */
export interface ChannelAdapter<Raw = unknown> {
	readonly id: ChannelId;
	/**
	 * How precise the channel's changed-since filter is, in ms (Mercado Livre filters by the hour). The poller
	 * overlaps its window by at least this much and de-duplicates.
	 */
	readonly filterPrecisionMs: number;
	/** Newest instant the channel allows as the window's end (Amazon: at least 2 minutes in the past). */
	latestUntil(now: Date): Date;
	listChanged(req: ListChangedRequest): Promise<ListChangedPage<Raw>>;
	/** For channels whose list returns summaries: the full order. */
	getDetails?(summary: Raw): Promise<Raw>;
	/**
	 * One order by its channel id, as listChanged would give it (getDetails, when present, completes it): for
	 * webhooks whose body only names the order. A missing order is a ChannelHttpError 404.
	 */
	getOrder?(channelOrderId: string): Promise<Raw>;
	identify(raw: Raw): RawOrderIdentity;
	/** Raw order → canonical order. Throws OrderValidationError naming the order and field on bad input. */
	normalize(raw: Raw): CanonicalOrder;
	/** Queue-style channels: commit the handles of orders whose execution succeeded. */
	acknowledge?(acks: string[]): Promise<void>;
	/**
	 * Queue-style channels: a time-window listing for the catch-up (a queue cannot be read again). Same
	 * contract as listChanged, without acks. Changed-since channels re-read with listChanged itself.
	 */
	listForCatchUp?(req: ListChangedRequest): Promise<ListChangedPage<Raw>>;
	/** The most recent order, for the trigger's manual "test step". */
	sample?(): Promise<Raw | undefined>;
}

export type AdapterFactory<Raw = unknown> = (ctx: AdapterContext) => ChannelAdapter<Raw>;

/* ---------------------------------------------------------------------------------------------------------
 * Write-back: stock, invoice, shipment and cancellation, as the OMS Status Sync node uses them.
 * ------------------------------------------------------------------------------------------------------- */

/** Where a SKU lives on a channel: the ids the channel's stock endpoint needs. */
export interface ListingRef {
	listingId: string;
	variantId?: string;
	/** Shopify inventory item id; Magalu/VTEX ids that differ from the listing id. */
	inventoryItemId?: string;
}

/** What a catalog look-up answers for one SKU: its listing, or every listing it is sold under. */
export type ListingAnswer = ListingRef | ListingRef[];

export interface StockUpdate {
	sku: string;
	/** The value to publish: already available − safety stock, capped, never below 0. */
	quantity: number;
	listing: ListingRef;
	/** The OMS warehouse the value is for (Push Stock's warehouse): channels that keep stock per depot write that depot's. */
	warehouse?: string;
}

export interface WriteFailure {
	message: string;
	httpCode?: number;
}

export interface StockPushResult {
	sku: string;
	/** True only when the channel accepted the value (the store records it as pushed then). */
	ok: boolean;
	error?: WriteFailure;
}

export interface InvoiceInput {
	channelOrderId: string;
	/** NF-e access key, 44 digits (validated before the writer is called). */
	nfeKey: string;
	number: string;
	series: string;
	issuedAt: string;
	/** The authorised NF-e XML (nfeProc), for channels that want the file (Mercado Livre, Magalu). */
	xml?: string;
	url?: string;
	/** Invoice total in cents, for channels that ask for it (VTEX, Magalu). */
	totalCents?: number;
	/** The order's group (CanonicalOrder.groupId: ML pack, Magalu delivery): the NF-e goes to its shipment. */
	groupId?: string;
}

export interface ShipmentInput {
	channelOrderId: string;
	carrier: string;
	trackingCode: string;
	trackingUrl?: string;
	shippedAt?: string;
	/** The order's group (CanonicalOrder.groupId): the tracking goes to its shipment. */
	groupId?: string;
}

/** The buyer received the order: marketplaces where the seller reports delivery (Americanas, Via). */
export interface DeliveryInput {
	channelOrderId: string;
	/** When it was delivered, ISO 8601; absent: now. */
	deliveredAt?: string;
}

export interface CancelInput {
	channelOrderId: string;
	reason?: string;
}

/**
 * Listings by barcode. A channel that searches barcodes answers for each one (absent: not listed); one whose
 * catalog is read a part per push (core/channels/common/catalog-read.ts) names in `unsettled` the barcodes not
 * found that may be in a part not read yet.
 */
export type ListingsByGtin = Map<string, ListingRef> & { readonly unsettled?: ReadonlySet<string> };

/**
 * One interface for every channel's write-back. A channel whose API cannot do an operation leaves that
 * method out; the node then answers with a clear "not supported by <channel>" error.
 */
export interface ChannelWriter {
	readonly id: ChannelId;
	/** SKUs per stock request: the channel's bulk size, 1 when it has no bulk endpoint. */
	readonly stockBatchSize: number;
	/**
	 * Looks up the channel ids of SKUs (once; the store caches the answer). Unknown SKUs are absent. A SKU sold
	 * under several listings (ML classic and premium) may answer them all: each becomes a link.
	 */
	resolveListings(skus: string[]): Promise<Map<string, ListingAnswer>>;
	/** Channels whose catalog shows barcodes: listings by GTIN/EAN (for SKUs not found by seller SKU). */
	resolveListingsByGtin?(gtins: string[]): Promise<ListingsByGtin>;
	/** Publishes quantities; one result per update, a failed SKU does not fail the others. */
	pushStock(updates: StockUpdate[]): Promise<StockPushResult[]>;
	pushInvoice?(input: InvoiceInput): Promise<void>;
	pushShipment?(input: ShipmentInput): Promise<void>;
	cancelOrder?(input: CancelInput): Promise<void>;
	confirmDelivery?(input: DeliveryInput): Promise<void>;
	/** The places the channel keeps stock (Shopify and Nuvemshop locations, VTEX warehouses), for the node's picker. */
	listLocations?(): Promise<ChannelLocation[]>;
}

/** One stock location as a picker shows it; `active: false` when the channel reports it switched off. */
export interface ChannelLocation {
	id: string;
	name: string;
	active?: boolean;
}

export type WriterFactory = (ctx: AdapterContext) => ChannelWriter;
