import type { StatementSync } from 'node:sqlite';
import type { ChannelConfigBackend, WarehouseChoiceTx } from '../channel-config-backend';
import { counterKey } from '../backend';
import { ruleFromRow, warehousesFromRow } from '../rows-config';

/** Channel settings statements of the SQLite driver; `run` puts each behind the connection's mutex (or not, inside a transaction). */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;
type Run = <T>(work: () => T) => Promise<T>;

export function sqliteChannelConfig(prepare: Prepare, read: Run, write: Run): ChannelConfigBackend {
	return {
		upsertRule: (channel, sku, rule, at) =>
			write(() => {
				prepare(
					`INSERT INTO oms_publish_rule (channel, sku, share_percent, max_quantity, safety_stock, zero_below, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
					 ON CONFLICT (channel, sku) DO UPDATE SET share_percent = excluded.share_percent, max_quantity = excluded.max_quantity,
					   safety_stock = excluded.safety_stock, zero_below = excluded.zero_below, updated_at = excluded.updated_at`,
				).run(channel, sku, rule.sharePercent ?? null, rule.maxQuantity ?? null, rule.safetyStock ?? null, rule.zeroBelow ?? null, at);
			}),
		deleteRule: (channel, sku) => write(() => Number(prepare('DELETE FROM oms_publish_rule WHERE channel = ? AND sku = ?').run(channel, sku).changes) > 0),
		selectRules: (channel, skus) =>
			read(() =>
				(
					prepare(
						`SELECT * FROM oms_publish_rule WHERE (?1 IS NULL OR channel = ?1) AND (?2 IS NULL OR sku = '' OR sku IN (SELECT value FROM json_each(?2))) ORDER BY channel, sku`,
					).all(channel, skus ? JSON.stringify(skus) : null) as Row[]
				).map(ruleFromRow),
			),
		upsertWarehouses: (channel, sells, reservesIn, at) =>
			write(() => {
				prepare(
					`INSERT INTO oms_channel_warehouse (channel, sells_json, reserves_json, updated_at) VALUES (?, ?, ?, ?)
					 ON CONFLICT (channel) DO UPDATE SET sells_json = excluded.sells_json, reserves_json = excluded.reserves_json, updated_at = excluded.updated_at`,
				).run(channel, JSON.stringify(sells), JSON.stringify(reservesIn), at);
			}),
		deleteWarehouses: (channel) => write(() => Number(prepare('DELETE FROM oms_channel_warehouse WHERE channel = ?').run(channel).changes) > 0),
		selectWarehouses: (channels) =>
			read(() =>
				(
					prepare('SELECT * FROM oms_channel_warehouse WHERE ?1 IS NULL OR channel IN (SELECT value FROM json_each(?1)) ORDER BY channel').all(
						channels ? JSON.stringify(channels) : null,
					) as Row[]
				).map(warehousesFromRow),
			),
	};
}

/** Inside the apply transaction (the write lock is held). */
export function sqliteWarehouseChoice(prepare: Prepare): WarehouseChoiceTx {
	return {
		reserveWarehouses: async (channels) =>
			new Map(
				(prepare("SELECT channel, reserves_json FROM oms_channel_warehouse WHERE channel IN (SELECT value FROM json_each(?)) AND reserves_json <> '[]'").all(
					JSON.stringify(channels),
				) as Row[]).map((r) => [String(r.channel), JSON.parse(String(r.reserves_json)) as string[]]),
			),
		peekAvailable: async (keys) =>
			new Map(
				(prepare('SELECT s.warehouse, s.sku, s.on_hand - s.reserved AS available FROM json_each(?) AS k JOIN oms_stock AS s ON s.warehouse = k.value ->> 0 AND s.sku = k.value ->> 1').all(
					JSON.stringify(keys.map((k) => [k.warehouse, k.sku])),
				) as Row[]).map((r) => [counterKey(String(r.sku), String(r.warehouse)), Number(r.available)]),
			),
	};
}
