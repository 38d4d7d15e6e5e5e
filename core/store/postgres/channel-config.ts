import type { ChannelConfigBackend, WarehouseChoiceTx } from '../channel-config-backend';
import { counterKey } from '../backend';
import { ruleFromRow, warehousesFromRow } from '../rows-config';
import type { Query } from './push-state';

/** Channel settings statements of the PostgreSQL driver: each one statement, over the pool or a transaction's client. */

export function pgChannelConfig(q: Query): ChannelConfigBackend {
	return {
		upsertRule: async (channel, sku, rule, at) => {
			await q(
				`INSERT INTO oms_publish_rule (channel, sku, share_percent, max_quantity, safety_stock, zero_below, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
				 ON CONFLICT (channel, sku) DO UPDATE SET share_percent = excluded.share_percent, max_quantity = excluded.max_quantity,
				   safety_stock = excluded.safety_stock, zero_below = excluded.zero_below, updated_at = excluded.updated_at`,
				[channel, sku, rule.sharePercent ?? null, rule.maxQuantity ?? null, rule.safetyStock ?? null, rule.zeroBelow ?? null, at],
			);
		},
		deleteRule: async (channel, sku) => (await q('DELETE FROM oms_publish_rule WHERE channel = $1 AND sku = $2 RETURNING 1 AS gone', [channel, sku])).length > 0,
		selectRules: async (channel, skus) =>
			(
				await q(`SELECT * FROM oms_publish_rule WHERE ($1::text IS NULL OR channel = $1) AND ($2::text[] IS NULL OR sku = '' OR sku = ANY($2::text[])) ORDER BY channel, sku`, [
					channel,
					skus ?? null,
				])
			).map(ruleFromRow),
		upsertWarehouses: async (channel, sells, reservesIn, at) => {
			await q(
				`INSERT INTO oms_channel_warehouse (channel, sells_json, reserves_json, updated_at) VALUES ($1, $2::jsonb, $3::jsonb, $4)
				 ON CONFLICT (channel) DO UPDATE SET sells_json = excluded.sells_json, reserves_json = excluded.reserves_json, updated_at = excluded.updated_at`,
				[channel, JSON.stringify(sells), JSON.stringify(reservesIn), at],
			);
		},
		deleteWarehouses: async (channel) => (await q('DELETE FROM oms_channel_warehouse WHERE channel = $1 RETURNING 1 AS gone', [channel])).length > 0,
		selectWarehouses: async (channels) =>
			(await q('SELECT * FROM oms_channel_warehouse WHERE $1::text[] IS NULL OR channel = ANY($1::text[]) ORDER BY channel', [channels])).map(warehousesFromRow),
	};
}

export function pgWarehouseChoice(q: Query): WarehouseChoiceTx {
	return {
		reserveWarehouses: async (channels) =>
			new Map(
				(await q("SELECT channel, reserves_json FROM oms_channel_warehouse WHERE channel = ANY($1::text[]) AND reserves_json <> '[]'::jsonb", [channels])).map((r) => [
					String(r.channel),
					r.reserves_json as string[],
				]),
			),
		peekAvailable: async (keys) =>
			keys.length === 0
				? new Map()
				: new Map(
						(
							await q('SELECT warehouse, sku, on_hand - reserved AS available FROM oms_stock WHERE (warehouse, sku) IN (SELECT * FROM unnest($1::text[], $2::text[]))', [
								keys.map((k) => k.warehouse),
								keys.map((k) => k.sku),
							])
						).map((r) => [counterKey(String(r.sku), String(r.warehouse)), Number(r.available)]),
					),
	};
}
