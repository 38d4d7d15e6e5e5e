import type { CheckedLink, WaitingLine } from '../catalog/links';
import type { LinkQuery, ListingKey, ListingLink, UnlinkedQuery } from '../catalog/types';
import type { LifecycleConfig } from '../lifecycle/config';
import type { CanonicalOrder, CanonicalStatus } from '../model/order';

/** What a driver provides for listing links (core/catalog); the rules are in core/catalog/link-engine.ts. */

export type ListingRefKey = Omit<ListingKey, 'variantId'>;

/** An order waiting for links: its snapshot (no personal data), the lifecycle rules it was applied with, its waiting lines. */
export interface WaitingSave {
	orderKey: string;
	snapshot: CanonicalOrder;
	lifecycle: LifecycleConfig;
	lines: WaitingLine[];
	/** The flags saved with the order (intake and plan flags), kept so a link can drop `unmapped_lines` alone. */
	flags: string[];
}

export interface WaitingSnapshot {
	snapshot: CanonicalOrder;
	lifecycle: LifecycleConfig;
	flags: string[];
}

export interface LinkTx {
	/** Serialises links and applies of the same listings (PostgreSQL advisory locks in key order; SQLite holds the write lock). */
	lockListings(keys: string[]): Promise<void>;
	/** Every link of these listings (all their variants). */
	linksOfListings(listings: ListingRefKey[]): Promise<ListingLink[]>;
	insertLinks(rows: CheckedLink[], at: string): Promise<void>;
	/** Deletes links; answers the ones that existed. */
	deleteLinks(keys: ListingKey[]): Promise<ListingLink[]>;
	/** Orders with a line waiting for one of these listings. Not locked. */
	waitingOrderKeys(listings: ListingRefKey[]): Promise<string[]>;
	waitingSnapshots(orderKeys: string[]): Promise<Map<string, WaitingSnapshot>>;
	/** Forgets what these orders waited for, then records `waiting` (a subset of them). */
	saveWaiting(orderKeys: string[], waiting: WaitingSave[]): Promise<void>;
}

/** One waiting line with its order, as listUnlinked reads it. */
export interface UnlinkedRow extends ListingKey {
	title: string | null;
	orderKey: string;
	channelOrderId: string;
	status: CanonicalStatus | null;
	lineIndex: number;
	quantity: number;
}

export interface LinkBackend {
	listLinks(q: LinkQuery & { limit: number }): Promise<ListingLink[]>;
	/** Waiting lines of the first `limit` listings in key order. */
	listUnlinked(q: UnlinkedQuery & { limit: number }): Promise<UnlinkedRow[]>;
	/** Every link of these SKUs on one channel account. */
	linksOfSkus(channel: string, account: string, skus: string[]): Promise<ListingLink[]>;
	/** Records barcodes (a barcode names one SKU: the newest wins). */
	upsertGtins(rows: Array<{ sku: string; gtin: string }>, at: string): Promise<void>;
	/** The barcodes of these SKUs, in barcode order. */
	gtinsOfSkus(skus: string[]): Promise<Array<{ sku: string; gtin: string }>>;
}
