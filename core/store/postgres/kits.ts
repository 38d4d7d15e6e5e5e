import type { KitComponent } from '../../catalog/kits';
import type { KitQueries, KitWrites, StoredKit } from '../kit-backend';
import type { Query } from './push-state';

/** Kit statements of the PostgreSQL driver, over a pool (reads) or a transaction's client. */

type Row = Record<string, unknown>;

/** Kit definition changes take turns on this advisory lock: a cycle check must see every other definition. */
const KIT_LOCK = 727_002;

function definitions(rows: Row[]): Map<string, StoredKit> {
	const out = new Map<string, StoredKit>();
	for (const r of rows) {
		const kit = String(r.kit_sku);
		const at = r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at);
		if (!out.has(kit)) out.set(kit, { components: [], changeSeq: Number(r.change_seq), updatedAt: at });
		out.get(kit)!.components.push({ sku: String(r.component_sku), quantity: Number(r.quantity) });
	}
	return out;
}

const SELECT_DEFS = `SELECT k.kit_sku, k.change_seq, k.updated_at, c.component_sku, c.quantity FROM oms_kit k JOIN oms_kit_component c ON c.kit_sku = k.kit_sku
	WHERE k.kit_sku = ANY($1::text[]) ORDER BY k.kit_sku, c.component_sku`;

export function pgKitQueries(q: Query): KitQueries {
	return {
		kitDefinitions: async (skus) => (skus.length === 0 ? new Map() : definitions(await q(SELECT_DEFS, [skus]))),
		kitsUsing: async (skus) =>
			skus.length === 0 ? [] : (await q('SELECT DISTINCT kit_sku FROM oms_kit_component WHERE component_sku = ANY($1::text[]) ORDER BY kit_sku', [skus])).map((r) => String(r.kit_sku)),
		kitsChangedBetween: async (after, upTo) =>
			(await q('SELECT kit_sku, change_seq FROM oms_kit WHERE change_seq > $1 AND change_seq <= $2 ORDER BY change_seq', [after, upTo])).map((r) => ({
				sku: String(r.kit_sku),
				changeSeq: Number(r.change_seq),
			})),
		listKits: async (afterSku, limit) => {
			const kits = (await q('SELECT kit_sku FROM oms_kit WHERE kit_sku > $1 ORDER BY kit_sku LIMIT $2', [afterSku, limit])).map((r) => String(r.kit_sku));
			const defs = kits.length === 0 ? new Map<string, StoredKit>() : definitions(await q(SELECT_DEFS, [kits]));
			return kits.flatMap((sku) => (defs.has(sku) ? [{ sku, ...defs.get(sku)! }] : []));
		},
	};
}

export function pgKitWrites(q: Query): KitWrites {
	return {
		lockKits: async () => {
			await q('SELECT pg_advisory_xact_lock($1)', [KIT_LOCK]);
		},
		saveKit: async (kit: string, components: KitComponent[], at: string) => {
			await q('DELETE FROM oms_kit_component WHERE kit_sku = $1', [kit]);
			// Taken last and held to commit, like counter changes: change numbers follow commit order.
			const [{ value }] = await q("UPDATE oms_meta SET value = value + 1 WHERE key = 'change_seq' RETURNING value");
			if (components.length === 0) {
				await q('DELETE FROM oms_kit WHERE kit_sku = $1', [kit]);
				return Number(value);
			}
			await q(
				'INSERT INTO oms_kit (kit_sku, change_seq, updated_at) VALUES ($1, $2, $3) ON CONFLICT (kit_sku) DO UPDATE SET change_seq = excluded.change_seq, updated_at = excluded.updated_at',
				[kit, value, at],
			);
			await q('INSERT INTO oms_kit_component (kit_sku, component_sku, quantity) SELECT $1, s, n FROM unnest($2::text[], $3::bigint[]) AS t(s, n)', [
				kit,
				components.map((c) => c.sku),
				components.map((c) => c.quantity),
			]);
			return Number(value);
		},
		republishAsPlain: async (sku, formerComponents, seq, at) => {
			await q(
				`INSERT INTO oms_stock (warehouse, sku, on_hand, reserved, stocked, change_seq, updated_at)
				 SELECT DISTINCT warehouse, $1::text, 0, 0, true, $2::bigint, $3::timestamptz FROM oms_stock WHERE sku = ANY($4::text[])
				 ON CONFLICT (warehouse, sku) DO UPDATE SET stocked = true, change_seq = excluded.change_seq, updated_at = excluded.updated_at`,
				[sku, seq, at, formerComponents],
			);
		},
		kitHolders: async (sku) => {
			const [row] = await q(
				`SELECT COUNT(*) FILTER (WHERE kits_json ? $1) AS as_kit, COUNT(*) FILTER (WHERE NOT kits_json ? $1) AS plain FROM oms_orders
				 WHERE stage IN ('reserved', 'committed') AND (reserved_json ? $1 OR COALESCE((committed_json ->> $1)::bigint, 0) > 0)`,
				[sku],
			);
			return { asKit: Number(row.as_kit ?? 0), asPlainSku: Number(row.plain ?? 0) };
		},
		ownOnHand: async (sku) =>
			(await q('SELECT warehouse, on_hand FROM oms_stock WHERE sku = $1 AND on_hand <> 0 ORDER BY warehouse', [sku])).map((r) => ({
				warehouse: String(r.warehouse),
				onHand: Number(r.on_hand),
			})),
		openKitReservations: async () =>
			(await q("SELECT warehouse, reserved_json, kits_json FROM oms_orders WHERE stage = 'reserved' AND kits_json <> '{}'::jsonb")).map((r) => ({
				warehouse: String(r.warehouse),
				reserved: r.reserved_json as Record<string, number>,
				kits: r.kits_json as Record<string, Record<string, number>>,
			})),
	};
}
