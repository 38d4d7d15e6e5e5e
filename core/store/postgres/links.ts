import type { LinkQuery, ListingLink, UnlinkedQuery } from '../../catalog/types';
import type { LinkTx, UnlinkedRow } from '../link-backend';
import { linkFromRow, unlinkedFromRow, waitingFromRow } from '../link-rows';
import type { Query } from './push-state';

/** Listing links in PostgreSQL. */

/** Advisory lock class of listings (two-key form: its own space, apart from the orders' one-key locks). */
const LISTING_LOCK_CLASS = 727_002;

const cols = (l: Array<{ channel: string; account: string; listingId: string }>) => [l.map((k) => k.channel), l.map((k) => k.account), l.map((k) => k.listingId)];

export function postgresLinkTx(q: Query): LinkTx {
	return {
		lockListings: async (keys) => {
			if (keys.length === 0) return;
			// In hash order, before the orders' locks: a link and an apply of the same listing take turns, never deadlock.
			await q(
				'SELECT pg_advisory_xact_lock($1, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($2::text[]) AS k ORDER BY h OFFSET 0) s',
				[LISTING_LOCK_CLASS, keys],
			);
		},
		linksOfListings: async (listings) => {
			if (listings.length === 0) return [];
			const rows = await q(
				'SELECT * FROM oms_listing_link WHERE (channel, account, listing_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))',
				cols(listings),
			);
			return rows.map(linkFromRow);
		},
		insertLinks: async (rows, at) => {
			if (rows.length === 0) return;
			await q(
				`INSERT INTO oms_listing_link (channel, account, listing_id, variant_id, sku, inventory_item_id, source, title, created_at)
				 SELECT c, a, l, v, s, i, src, t, $9 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
				   AS u(c, a, l, v, s, i, src, t)
				 ON CONFLICT DO NOTHING`,
				[
					rows.map((r) => r.channel), rows.map((r) => r.account), rows.map((r) => r.listingId), rows.map((r) => r.variantId), rows.map((r) => r.sku),
					rows.map((r) => r.inventoryItemId), rows.map((r) => r.source), rows.map((r) => r.title), at,
				],
			);
		},
		deleteLinks: async (keys) => {
			if (keys.length === 0) return [];
			const rows = await q(
				`DELETE FROM oms_listing_link WHERE (channel, account, listing_id, variant_id) IN
				 (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])) RETURNING *`,
				[...cols(keys), keys.map((k) => k.variantId)],
			);
			return rows.map(linkFromRow);
		},
		waitingOrderKeys: async (listings) => {
			if (listings.length === 0) return [];
			const rows = await q(
				`SELECT DISTINCT order_key FROM oms_unlinked_line WHERE (channel, account, listing_id) IN
				 (SELECT * FROM unnest($1::text[], $2::text[], $3::text[])) ORDER BY order_key`,
				cols(listings),
			);
			return rows.map((r) => String(r.order_key));
		},
		waitingSnapshots: async (orderKeys) => {
			if (orderKeys.length === 0) return new Map();
			const rows = await q('SELECT * FROM oms_link_wait WHERE order_key = ANY($1::text[])', [orderKeys]);
			return new Map(rows.map((r) => [String(r.order_key), waitingFromRow(r)]));
		},
		saveWaiting: async (orderKeys, waiting) => {
			if (orderKeys.length === 0) return;
			// One round trip: apply calls this for every batch.
			await q('WITH lines AS (DELETE FROM oms_unlinked_line WHERE order_key = ANY($1::text[])) DELETE FROM oms_link_wait WHERE order_key = ANY($1::text[])', [orderKeys]);
			if (waiting.length === 0) return;
			await q(
				'INSERT INTO oms_link_wait (order_key, snapshot_json, lifecycle_json, flags_json) SELECT * FROM unnest($1::text[], $2::jsonb[], $3::jsonb[], $4::jsonb[])',
				[waiting.map((w) => w.orderKey), waiting.map((w) => JSON.stringify(w.snapshot)), waiting.map((w) => JSON.stringify(w.lifecycle)), waiting.map((w) => JSON.stringify(w.flags))],
			);
			const lines = waiting.flatMap((w) => w.lines.map((l) => ({ ...l, orderKey: w.orderKey })));
			if (lines.length === 0) return;
			await q(
				`INSERT INTO oms_unlinked_line (order_key, line_index, channel, account, listing_id, variant_id, quantity, title)
				 SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[])`,
				[
					lines.map((l) => l.orderKey), lines.map((l) => l.lineIndex), ...cols(lines), lines.map((l) => l.variantId), lines.map((l) => l.quantity),
					lines.map((l) => l.title),
				],
			);
		},
	};
}

export async function selectLinks(q: Query, f: LinkQuery & { limit: number }): Promise<ListingLink[]> {
	const a = f.after;
	// COLLATE "C": pages in byte order, as SQLite orders them, whatever the database's locale.
	const rows = await q(
		`SELECT * FROM oms_listing_link WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR account = $2) AND ($3::text IS NULL OR sku = $3)
		 AND ($4::text IS NULL OR listing_id = $4)
		 AND ($5::text IS NULL OR (channel COLLATE "C", account COLLATE "C", listing_id COLLATE "C", variant_id COLLATE "C") > ($5, $6, $7, $8))
		 ORDER BY channel COLLATE "C", account COLLATE "C", listing_id COLLATE "C", variant_id COLLATE "C" LIMIT $9`,
		[f.channel ?? null, f.account ?? null, f.sku ?? null, f.listingId ?? null, a?.channel ?? null, a?.account ?? null, a?.listingId ?? null, a?.variantId ?? null, f.limit],
	);
	return rows.map(linkFromRow);
}

export async function selectUnlinked(q: Query, f: UnlinkedQuery & { limit: number }): Promise<UnlinkedRow[]> {
	const rows = await q(
		`WITH l AS (SELECT DISTINCT channel COLLATE "C" AS channel, account COLLATE "C" AS account, listing_id COLLATE "C" AS listing_id, variant_id COLLATE "C" AS variant_id
		   FROM oms_unlinked_line WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR account = $2)
		   ORDER BY 1, 2, 3, 4 LIMIT $3)
		 SELECT u.channel, u.account, u.listing_id, u.variant_id, u.title, u.order_key, u.line_index, u.quantity, o.channel_order_id, o.status
		 FROM l JOIN oms_unlinked_line u ON u.channel = l.channel AND u.account = l.account AND u.listing_id = l.listing_id AND u.variant_id = l.variant_id
		 JOIN oms_orders o ON o.order_key = u.order_key
		 ORDER BY u.channel COLLATE "C", u.account COLLATE "C", u.listing_id COLLATE "C", u.variant_id COLLATE "C", o.first_seen_at, u.order_key COLLATE "C", u.line_index`,
		[f.channel ?? null, f.account ?? null, f.limit],
	);
	return rows.map(unlinkedFromRow);
}

export async function selectLinksOfSkus(q: Query, channel: string, account: string, skus: string[]): Promise<ListingLink[]> {
	const rows = await q(
		'SELECT * FROM oms_listing_link WHERE channel = $1 AND account = $2 AND sku = ANY($3::text[]) ORDER BY sku, listing_id COLLATE "C", variant_id COLLATE "C"',
		[channel, account, skus],
	);
	return rows.map(linkFromRow);
}
