import type { StatementSync } from 'node:sqlite';
import type { KitComponent } from '../../catalog/kits';
import type { KitQueries, KitWrites, StoredKit } from '../kit-backend';

/** Kit statements of the SQLite driver; the caller holds the connection's mutex (and, to write, the transaction). */

type Prepare = (sql: string) => StatementSync;
type Row = Record<string, unknown>;

const list = (values: string[]) => JSON.stringify(values);

function definitions(rows: Row[]): Map<string, StoredKit> {
	const out = new Map<string, StoredKit>();
	for (const r of rows) {
		const kit = String(r.kit_sku);
		if (!out.has(kit)) out.set(kit, { components: [], changeSeq: Number(r.change_seq), updatedAt: String(r.updated_at) });
		out.get(kit)!.components.push({ sku: String(r.component_sku), quantity: Number(r.quantity) });
	}
	return out;
}

const SELECT_DEFS = `SELECT k.kit_sku, k.change_seq, k.updated_at, c.component_sku, c.quantity FROM oms_kit k JOIN oms_kit_component c ON c.kit_sku = k.kit_sku`;

/** Read look-ups; `run` wraps each in the caller's mutex (reads) or runs it as is (inside a transaction). */
export function sqliteKitQueries(prepare: Prepare, run: <T>(work: () => T) => Promise<T>): KitQueries {
	return {
		kitDefinitions: (skus) =>
			run(() => definitions(prepare(`${SELECT_DEFS} WHERE k.kit_sku IN (SELECT value FROM json_each(?)) ORDER BY k.kit_sku, c.component_sku`).all(list(skus)) as Row[])),
		kitsUsing: (skus) =>
			run(() => (prepare('SELECT DISTINCT kit_sku FROM oms_kit_component WHERE component_sku IN (SELECT value FROM json_each(?)) ORDER BY kit_sku').all(list(skus)) as Row[]).map((r) => String(r.kit_sku))),
		kitsChangedBetween: (after, upTo) =>
			run(() =>
				(prepare('SELECT kit_sku, change_seq FROM oms_kit WHERE change_seq > ? AND change_seq <= ? ORDER BY change_seq').all(after, upTo) as Row[]).map((r) => ({
					sku: String(r.kit_sku),
					changeSeq: Number(r.change_seq),
				})),
			),
		listKits: (afterSku, limit) =>
			run(() => {
				const kits = (prepare('SELECT kit_sku FROM oms_kit WHERE kit_sku > ? ORDER BY kit_sku LIMIT ?').all(afterSku, limit) as Row[]).map((r) => String(r.kit_sku));
				const defs = definitions(prepare(`${SELECT_DEFS} WHERE k.kit_sku IN (SELECT value FROM json_each(?)) ORDER BY k.kit_sku, c.component_sku`).all(list(kits)) as Row[]);
				return kits.flatMap((sku) => (defs.has(sku) ? [{ sku, ...defs.get(sku)! }] : []));
			}),
	};
}

/** Writes, inside the caller's transaction (BEGIN IMMEDIATE already serialises them). */
export function sqliteKitWrites(prepare: Prepare): KitWrites {
	return {
		lockKits: async () => undefined,
		saveKit: async (kit: string, components: KitComponent[], at: string) => {
			const seq = Number((prepare("UPDATE oms_meta SET value = value + 1 WHERE key = 'change_seq' RETURNING value").get() as Row).value);
			prepare('DELETE FROM oms_kit_component WHERE kit_sku = ?').run(kit);
			if (components.length === 0) {
				prepare('DELETE FROM oms_kit WHERE kit_sku = ?').run(kit);
				return seq;
			}
			prepare('INSERT INTO oms_kit (kit_sku, change_seq, updated_at) VALUES (?, ?, ?) ON CONFLICT (kit_sku) DO UPDATE SET change_seq = excluded.change_seq, updated_at = excluded.updated_at').run(kit, seq, at);
			const insert = prepare('INSERT INTO oms_kit_component (kit_sku, component_sku, quantity) VALUES (?, ?, ?)');
			for (const c of components) insert.run(kit, c.sku, c.quantity);
			return seq;
		},
		republishAsPlain: async (sku, formerComponents, seq, at) => {
			prepare(
				`INSERT INTO oms_stock (warehouse, sku, on_hand, reserved, stocked, change_seq, updated_at)
				 SELECT DISTINCT warehouse, ?1, 0, 0, 1, ?2, ?3 FROM oms_stock WHERE sku IN (SELECT value FROM json_each(?4))
				 ON CONFLICT (warehouse, sku) DO UPDATE SET stocked = 1, change_seq = excluded.change_seq, updated_at = excluded.updated_at`,
			).run(sku, seq, at, JSON.stringify(formerComponents));
		},
		kitHolders: async (sku) => {
			const row = prepare(
				`SELECT SUM(k.is_kit) AS as_kit, SUM(1 - k.is_kit) AS plain
				 FROM (SELECT EXISTS (SELECT 1 FROM json_each(kits_json) WHERE key = ?1) AS is_kit, * FROM oms_orders) k WHERE stage IN ('reserved', 'committed')
				   AND (EXISTS (SELECT 1 FROM json_each(reserved_json) WHERE key = ?1) OR EXISTS (SELECT 1 FROM json_each(committed_json) WHERE key = ?1 AND value > 0))`,
			).get(sku) as Row;
			return { asKit: Number(row.as_kit ?? 0), asPlainSku: Number(row.plain ?? 0) };
		},
		ownOnHand: async (sku) =>
			(prepare('SELECT warehouse, on_hand FROM oms_stock WHERE sku = ? AND on_hand <> 0 ORDER BY warehouse').all(sku) as Row[]).map((r) => ({
				warehouse: String(r.warehouse),
				onHand: Number(r.on_hand),
			})),
		openKitReservations: async () =>
			(prepare("SELECT warehouse, reserved_json, kits_json FROM oms_orders WHERE stage = 'reserved' AND kits_json <> '{}'").all() as Row[]).map((r) => ({
				warehouse: String(r.warehouse),
				reserved: JSON.parse(String(r.reserved_json)) as Record<string, number>,
				kits: JSON.parse(String(r.kits_json)) as Record<string, Record<string, number>>,
			})),
	};
}
