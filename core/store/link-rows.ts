import type { LinkSource, ListingLink } from '../catalog/types';
import type { LifecycleConfig } from '../lifecycle/config';
import type { CanonicalOrder, CanonicalStatus } from '../model/order';
import type { UnlinkedRow, WaitingSnapshot } from './link-backend';

/** Row shapes of the link tables, shared by both drivers (same column names). */

type Row = Record<string, unknown>;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v ?? ''));
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const optText = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The listing a row of either table names: channel account, listing and variant ('' = the listing as a whole). */
const listingFromRow = (r: Row) => ({
	channel: String(r.channel),
	account: String(r.account),
	listingId: String(r.listing_id),
	variantId: String(r.variant_id ?? ''),
});

export const linkFromRow = (r: Row): ListingLink => ({
	...listingFromRow(r),
	sku: String(r.sku),
	inventoryItemId: optText(r.inventory_item_id),
	source: String(r.source) as LinkSource,
	title: optText(r.title),
	createdAt: iso(r.created_at),
});

export const waitingFromRow = (r: Row): WaitingSnapshot => ({
	snapshot: parse<CanonicalOrder>(r.snapshot_json),
	lifecycle: parse<LifecycleConfig>(r.lifecycle_json),
	flags: parse<string[]>(r.flags_json ?? '[]'),
});

export const unlinkedFromRow = (r: Row): UnlinkedRow => ({
	...listingFromRow(r),
	title: optText(r.title),
	orderKey: String(r.order_key),
	channelOrderId: String(r.channel_order_id),
	status: (r.status as CanonicalStatus | null) ?? null,
	lineIndex: Number(r.line_index),
	quantity: Number(r.quantity),
});
