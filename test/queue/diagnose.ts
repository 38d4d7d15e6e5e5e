import type { Client } from 'pg';
import type { OmsStore } from '../../core/store/types';
import { SKUS, type Channels } from '../e2e/channels';
import type { ChannelName, PushLog } from './burst';

/**
 * What a failed "stale channel value" check needs to be read: per stale (channel, SKU) the value the
 * channel shows, the store's level and change number, the push state rows (recorded value, lease, retry
 * entry) and the last writes the channel received, with the time since the burst began.
 */
export async function describeStale(o: { db: Client; store: OmsStore; channels: Channels; pushes: Record<ChannelName, PushLog[]>; t0: number }): Promise<string[]> {
	const levels = await o.store.getAvailability();
	const lines: string[] = [];
	const s = (at: number) => `${((at - o.t0) / 1000).toFixed(1)} s`;
	for (const sku of Object.values(SKUS)) {
		const level = levels.find((x) => x.sku === sku && x.warehouse === 'default');
		const want = Math.max(0, level?.available ?? 0);
		const shown = o.channels.stock(sku) as Record<ChannelName, number | null | undefined>;
		for (const channel of Object.keys(shown) as ChannelName[]) {
			if (shown[channel] === want) continue;
			const q = (sql: string) => o.db.query(sql, [`${channel}%`, sku]).then((r) => JSON.stringify(r.rows));
			const stock = await o.db.query('SELECT on_hand, reserved, change_seq, updated_at FROM oms_stock WHERE warehouse = $1 AND sku = $2', ['default', sku]);
			lines.push(
				`${channel} ${sku}: shows ${shown[channel]}, store available ${want} (${JSON.stringify(stock.rows[0])})`,
				`  recorded: ${await q('SELECT channel, pushed_value, pushed_seq, pushed_at FROM oms_channel_stock WHERE channel LIKE $1 AND sku = $2')}`,
				`  lease: ${await q("SELECT channel, holder, expires_ms, (extract(epoch from now()) * 1000)::bigint AS now_ms FROM oms_push_lease WHERE channel LIKE $1 AND sku = $2")}`,
				`  retry: ${await q('SELECT * FROM oms_push_retry WHERE channel LIKE $1 AND sku = $2')}`,
				`  last writes: ${o.pushes[channel]
					.slice(-12)
					.map((p) => `${s(p.at)} ${p.path} ${p.body.slice(0, 160)}`)
					.join(' | ')}`,
			);
		}
	}
	return lines;
}

/** Push leases and retry entries left at the end (a lease of a killed worker's run, SKUs deferred to the retry set). */
export async function pushLeftovers(db: Client): Promise<string> {
	const leases = (await db.query('SELECT channel, sku, holder, expires_ms - (extract(epoch from now()) * 1000)::bigint AS expires_in_ms FROM oms_push_lease ORDER BY 1, 2')).rows;
	const retries = (await db.query('SELECT channel, sku, attempts, uncertain, last_error, next_ms - (extract(epoch from now()) * 1000)::bigint AS due_in_ms FROM oms_push_retry ORDER BY 1, 2')).rows;
	return `push leases left ${JSON.stringify(leases)}; retry set ${JSON.stringify(retries)}`;
}
