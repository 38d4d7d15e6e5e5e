import type { Client } from 'pg';
import type { OmsStore } from '../../core/store/types';
import { SKUS, type Channels } from '../e2e/channels';
import { channelOrderIdOf, FINAL, type ChannelName, type Sale } from './burst';

/** The end checks of a burst run, against the store's database and the channel simulators. */

export type OrderRow = { channel: string; channel_order_id: string; status: string; n: string };

export const keyOf = (s: Sale) => `${s.channel}|${channelOrderIdOf(s)}`;

/** Every order's final canonical status, by key. */
export const wanted = (sales: Sale[]) => new Map(sales.map((s) => [keyOf(s), FINAL[s.channel][s.later?.to ?? s.first]]));

export async function orderRows(db: Client): Promise<Map<string, OrderRow>> {
	const rows: OrderRow[] = (await db.query('SELECT channel, channel_order_id, status, count(*) OVER (PARTITION BY channel, channel_order_id) AS n FROM oms_orders')).rows;
	return new Map(rows.map((r) => [`${r.channel}|${r.channel_order_id}`, r]));
}

/** Orders not (yet) in the store with their final status. */
export const missing = (want: Map<string, string>, rows: Map<string, OrderRow>) => [...want].filter(([k, st]) => rows.get(k)?.status !== st);

/** Channel values that differ from the store's availability (each SKU on each channel). */
export async function staleValues(store: OmsStore, channels: Channels): Promise<number> {
	const levels = await store.getAvailability();
	let stale = 0;
	for (const sku of Object.values(SKUS)) {
		const l = levels.find((x) => x.sku === sku && x.warehouse === 'default');
		const published = channels.stock(sku);
		for (const v of [published.woocommerce, published.nuvemshop, published.vtex]) if (v !== Math.max(0, l?.available ?? 0)) stale++;
	}
	return stale;
}

export interface Checked {
	lost: number;
	duplicated: number;
	drift: number;
	oversoldUnflagged: number;
	stale: number;
	p95: number;
	latencies: number;
}

export async function check(o: {
	db: Client;
	store: OmsStore;
	channels: Channels;
	sales: Sale[];
	pushes: Record<ChannelName, Array<{ at: number }>>;
}): Promise<Checked & { lostKeys: Array<[string, string]>; rows: Map<string, OrderRow> }> {
	const { db, store, sales } = o;
	const rows = await orderRows(db);
	const lostKeys = missing(wanted(sales), rows);
	// Exactly once: one row per order, and the ledger's net movement of an order never exceeds what it holds.
	const duplicated =
		[...rows.values()].filter((r) => Number(r.n) > 1).length +
		(await db.query(`SELECT l.order_key FROM oms_ledger l WHERE l.order_key IS NOT NULL GROUP BY l.order_key, l.sku HAVING abs(sum(l.delta_reserved)) > 2 OR abs(sum(l.delta_on_hand)) > 2`)).rowCount!;
	const drift = (await store.reconcile(false)).drift.length;
	// Stock covers the whole burst: any SKU below zero is an oversell, flagged or not, and counts here.
	const oversoldUnflagged = (await store.getAvailability()).filter((l) => l.available < 0).length;
	const stale = await staleValues(store, o.channels);
	// Sale → every channel: from the first delivery to the first stock write on each channel after the order's
	// first ledger row (webhook sales; polled ones wait for their poll tick).
	const applied = new Map<string, number>(
		(await db.query(`SELECT o.channel, o.channel_order_id, extract(epoch from min(l.at)) * 1000 AS at FROM oms_ledger l JOIN oms_orders o ON o.order_key = l.order_key GROUP BY 1, 2`)).rows.map((r) => [`${r.channel}|${r.channel_order_id}`, Number(r.at)]),
	);
	const lat: number[] = [];
	for (const s of sales.filter((x) => x.channel !== 'vtex' && x.sentAt)) {
		const at = applied.get(keyOf(s));
		if (at === undefined) continue;
		const reach = (['woocommerce', 'nuvemshop', 'vtex'] as ChannelName[]).map((c) => o.pushes[c].find((p) => p.at >= at)?.at);
		if (reach.every((x) => x !== undefined)) lat.push(Math.max(...(reach as number[])) - s.sentAt!);
	}
	lat.sort((a, b) => a - b);
	const p95 = lat.length ? lat[Math.min(lat.length - 1, Math.ceil(0.95 * lat.length) - 1)] : -1;
	return { lost: lostKeys.length, lostKeys, rows, duplicated, drift, oversoldUnflagged, stale, p95, latencies: lat.length };
}

/**
 * Poll ticks of the WooCommerce trigger: each tick lists a fresh window, whose end (modified_before, to the
 * second) no other tick shares. One poller ticks once a minute (plus its activation poll); a second process
 * polling the same workflow doubles that. Returns the ticks beyond what one poller can make in `elapsedMs`.
 */
export function extraPollTicks(reads: Array<{ at: number; query: string }>, elapsedMs: number): { ticks: number; extra: number } {
	const ends = new Set(reads.map((r) => new URLSearchParams(r.query).get('modified_before')).filter((x) => x !== null));
	const allowed = Math.floor(elapsedMs / 60_000) + 2;
	return { ticks: ends.size, extra: Math.max(0, ends.size - allowed) };
}
