import type { StatementSync } from 'node:sqlite';
import type { LinkQuery, ListingLink, UnlinkedQuery } from '../../catalog/types';
import type { LinkTx, UnlinkedRow } from '../link-backend';
import { linkFromRow, unlinkedFromRow, waitingFromRow } from '../link-rows';

/** Listing links in SQLite. Writes run inside the driver's transaction, which holds the database's write lock. */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;

const triples = (l: Array<{ channel: string; account: string; listingId: string }>) => JSON.stringify(l.map((k) => [k.channel, k.account, k.listingId]));
const quads = (l: Array<{ channel: string; account: string; listingId: string; variantId: string }>) =>
	JSON.stringify(l.map((k) => [k.channel, k.account, k.listingId, k.variantId]));

export function sqliteLinkTx(prepare: Prepare): LinkTx {
	return {
		// BEGIN IMMEDIATE already serialises every writer of the file.
		lockListings: async () => undefined,
		linksOfListings: async (listings) => {
			if (listings.length === 0) return [];
			const rows = prepare(
				`SELECT l.* FROM json_each(?) AS k JOIN oms_listing_link AS l
				 ON l.channel = k.value ->> 0 AND l.account = k.value ->> 1 AND l.listing_id = k.value ->> 2`,
			).all(triples(listings)) as Row[];
			return rows.map(linkFromRow);
		},
		insertLinks: async (rows, at) => {
			const insert = prepare(
				`INSERT INTO oms_listing_link (channel, account, listing_id, variant_id, sku, inventory_item_id, source, title, created_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			);
			for (const r of rows) insert.run(r.channel, r.account, r.listingId, r.variantId, r.sku, r.inventoryItemId, r.source, r.title, at);
		},
		deleteLinks: async (keys) => {
			if (keys.length === 0) return [];
			const rows = prepare(
				`DELETE FROM oms_listing_link WHERE (channel, account, listing_id, variant_id) IN
				 (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)) RETURNING *`,
			).all(quads(keys)) as Row[];
			return rows.map(linkFromRow);
		},
		waitingOrderKeys: async (listings) => {
			if (listings.length === 0) return [];
			const rows = prepare(
				`SELECT DISTINCT u.order_key FROM json_each(?) AS k JOIN oms_unlinked_line AS u
				 ON u.channel = k.value ->> 0 AND u.account = k.value ->> 1 AND u.listing_id = k.value ->> 2 ORDER BY u.order_key`,
			).all(triples(listings)) as Row[];
			return rows.map((r) => String(r.order_key));
		},
		waitingSnapshots: async (orderKeys) => {
			const rows = prepare('SELECT * FROM oms_link_wait WHERE order_key IN (SELECT value FROM json_each(?))').all(JSON.stringify(orderKeys)) as Row[];
			return new Map(rows.map((r) => [String(r.order_key), waitingFromRow(r)]));
		},
		saveWaiting: async (orderKeys, waiting) => {
			if (orderKeys.length === 0) return;
			const keys = JSON.stringify(orderKeys);
			prepare('DELETE FROM oms_unlinked_line WHERE order_key IN (SELECT value FROM json_each(?))').run(keys);
			prepare('DELETE FROM oms_link_wait WHERE order_key IN (SELECT value FROM json_each(?))').run(keys);
			const snapshot = prepare('INSERT INTO oms_link_wait (order_key, snapshot_json, lifecycle_json, flags_json) VALUES (?, ?, ?, ?)');
			const line = prepare(
				'INSERT INTO oms_unlinked_line (order_key, line_index, channel, account, listing_id, variant_id, quantity, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
			);
			for (const w of waiting) {
				snapshot.run(w.orderKey, JSON.stringify(w.snapshot), JSON.stringify(w.lifecycle), JSON.stringify(w.flags));
				for (const l of w.lines) line.run(w.orderKey, l.lineIndex, l.channel, l.account, l.listingId, l.variantId, l.quantity, l.title);
			}
		},
	};
}

export function selectLinks(prepare: Prepare, q: LinkQuery & { limit: number }): ListingLink[] {
	const a = q.after;
	const rows = prepare(
		`SELECT * FROM oms_listing_link WHERE (?1 IS NULL OR channel = ?1) AND (?2 IS NULL OR account = ?2) AND (?3 IS NULL OR sku = ?3)
		 AND (?4 IS NULL OR listing_id = ?4) AND (?5 IS NULL OR (channel, account, listing_id, variant_id) > (?5, ?6, ?7, ?8))
		 ORDER BY channel, account, listing_id, variant_id LIMIT ?9`,
	).all(q.channel ?? null, q.account ?? null, q.sku ?? null, q.listingId ?? null, a?.channel ?? null, a?.account ?? null, a?.listingId ?? null, a?.variantId ?? null, q.limit) as Row[];
	return rows.map(linkFromRow);
}

export function selectUnlinked(prepare: Prepare, q: UnlinkedQuery & { limit: number }): UnlinkedRow[] {
	const rows = prepare(
		`WITH l AS (SELECT DISTINCT channel, account, listing_id, variant_id FROM oms_unlinked_line
		   WHERE (?1 IS NULL OR channel = ?1) AND (?2 IS NULL OR account = ?2) ORDER BY channel, account, listing_id, variant_id LIMIT ?3)
		 SELECT u.channel, u.account, u.listing_id, u.variant_id, u.title, u.order_key, u.line_index, u.quantity, o.channel_order_id, o.status
		 FROM l JOIN oms_unlinked_line u ON u.channel = l.channel AND u.account = l.account AND u.listing_id = l.listing_id AND u.variant_id = l.variant_id
		 JOIN oms_orders o ON o.order_key = u.order_key
		 ORDER BY u.channel, u.account, u.listing_id, u.variant_id, o.first_seen_at, u.order_key, u.line_index`,
	).all(q.channel ?? null, q.account ?? null, q.limit) as Row[];
	return rows.map(unlinkedFromRow);
}

export function selectLinksOfSkus(prepare: Prepare, channel: string, account: string, skus: string[]): ListingLink[] {
	const rows = prepare(
		'SELECT * FROM oms_listing_link WHERE channel = ? AND account = ? AND sku IN (SELECT value FROM json_each(?)) ORDER BY sku, listing_id, variant_id',
	).all(channel, account, JSON.stringify(skus)) as Row[];
	return rows.map(linkFromRow);
}
