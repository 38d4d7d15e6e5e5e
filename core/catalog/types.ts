import type { AppliedEffect } from '../lifecycle/plan';
import type { CanonicalStatus } from '../model/order';
import type { StockLevel } from '../store/types';

/**
 * Listing links: which SKU a channel listing (or one variant of it) sells. An order line that names a linked
 * listing takes the linked SKU; a line that names no SKU and no linked listing waits, reserving nothing,
 * until its listing is linked.
 */

/** Where a link came from: the channel's catalog showed the SKU (Push Stock), a person, or a sheet of items. */
export type LinkSource = 'catalog' | 'manual' | 'bulk';

/** A listing of one channel account; `variantId` '' is the listing as a whole (every variant without its own link). */
export interface ListingKey {
	channel: string;
	account: string;
	listingId: string;
	variantId: string;
}

export interface ListingLink extends ListingKey {
	sku: string;
	/** Shopify's inventory item id (its stock endpoint needs it); null when not known. */
	inventoryItemId: string | null;
	source: LinkSource;
	title: string | null;
	createdAt: string;
}

/** What a caller gives to link a listing. */
export interface LinkInput {
	channel: string;
	account: string;
	listingId: string;
	/** Absent or '': the listing as a whole. */
	variantId?: string;
	sku: string;
	inventoryItemId?: string;
	title?: string;
	source?: LinkSource;
}

/** An order whose waiting lines a new link resolved: what it reserved (or committed, by its stage). */
export interface LinkedOrder {
	orderKey: string;
	channelOrderId: string;
	status: CanonicalStatus | null;
	effects: AppliedEffect[];
	/** Levels of the SKUs moved, right after. */
	affected: StockLevel[];
	/** Lines of the order still waiting for another listing's link. */
	stillUnlinked: number;
}

/**
 * `linked`: new; `unchanged`: the listing already sold this SKU; `conflict`: it is linked to another SKU
 * (unlink it first: orders already reserved under the old SKU keep it until their next update).
 */
export type LinkOutcome = 'linked' | 'unchanged' | 'conflict';

export interface LinkResult extends ListingKey {
	sku: string;
	outcome: LinkOutcome;
	/** For `conflict`: the SKU the listing is linked to. */
	linkedSku?: string;
	/** Orders whose waiting lines this link reserved or committed (each once, whatever process links). */
	orders: LinkedOrder[];
}

export interface UnlinkResult extends ListingKey {
	/** The SKU the listing was linked to; null when it was not linked. */
	sku: string | null;
	removed: boolean;
}

export interface LinkQuery {
	channel?: string;
	account?: string;
	sku?: string;
	listingId?: string;
	/** Links after this one in (channel, account, listing, variant) order: the previous page's last link. */
	after?: ListingKey;
	limit?: number;
}

/** One order waiting for a listing. */
export interface WaitingOrderLine {
	orderKey: string;
	channelOrderId: string;
	status: CanonicalStatus | null;
	/** Position of the line in the order. */
	lineIndex: number;
	quantity: number;
}

/** A listing that order lines name but no link resolves, with what waits for it. */
export interface UnlinkedListing extends ListingKey {
	title: string | null;
	/** Units waiting over all open orders. */
	quantity: number;
	orders: WaitingOrderLine[];
}

export interface UnlinkedQuery {
	channel?: string;
	account?: string;
	/** Most listings answered (default 100, at most 1000). */
	limit?: number;
}

/** The store's listing-link operations (part of OmsStore). */
export interface LinkStore {
	/**
	 * Links listings to SKUs in one transaction, and reserves (or commits, by each order's stage) the lines of
	 * open orders that waited for them, each once. Throws on a malformed link, before anything is written.
	 */
	linkListings(links: LinkInput[]): Promise<LinkResult[]>;
	/** Removes links; reservations made through them stay until each order's next update. */
	unlinkListings(keys: Array<Omit<ListingKey, 'variantId'> & { variantId?: string }>): Promise<UnlinkResult[]>;
	/** Links in (channel, account, listing, variant) order, paged with `after`. */
	listLinks(query?: LinkQuery): Promise<ListingLink[]>;
	/** Listings that open orders' lines name and no link resolves, with the orders and units waiting. */
	listUnlinked(query?: UnlinkedQuery): Promise<UnlinkedListing[]>;
	/** Every linked listing of these SKUs on one channel account, keyed by the SKUs as passed. */
	linksOfSkus(channel: string, account: string, skus: string[]): Promise<Map<string, ListingLink[]>>;
	/**
	 * Records SKUs' barcodes (GTIN/EAN, check digit verified; a barcode names one SKU, the newest wins), so Push
	 * Stock can link a listing whose barcode matches. Throws naming the SKU before anything is written.
	 */
	setBarcodes(entries: Array<{ sku: string; gtin: string }>): Promise<Array<{ sku: string; gtin: string }>>;
	/** The barcodes of these SKUs, keyed by the SKUs as passed. */
	barcodesOf(skus: string[]): Promise<Map<string, string[]>>;
}
