import type { LedgerEntry, OmsStore, StockLevel } from '../../../core/store/types';

/**
 * The store's invariants, checked from the outside (public API only) so the same check serves the property,
 * concurrency and crash tests. Throws (jest expect) on the first violation.
 */

export const levelKey = (warehouse: string, sku: string) => `${warehouse}/${sku}`;

export async function allLedger(store: OmsStore): Promise<LedgerEntry[]> {
	const out: LedgerEntry[] = [];
	for (let afterId = 0; ; ) {
		const page = await store.listLedger({ afterId, limit: 1000 });
		out.push(...page);
		if (page.length < 1000) return out;
		afterId = page[page.length - 1].id;
	}
}

export async function checkInvariants(store: OmsStore): Promise<{ levels: StockLevel[]; ledger: LedgerEntry[] }> {
	// The store's own reconciler: counters = ledger sums, and ledger reserved = open reservations.
	const report = await store.reconcile(false);
	expect(report.drift).toEqual([]);

	const ledger = await allLedger(store);
	// Kits' levels are computed from their components: the counters are the stock.
	const levels = (await store.getAvailability()).filter((l) => !l.kit);
	const reservations = await store.listReservations({ limit: 1_000_000 });

	// Each (order, effect, warehouse, sku, kit line) moves stock once: a repeated one would be a double reservation/commit.
	const effects = ledger.filter((e) => e.orderKey !== null).map((e) => `${e.orderKey}|${e.effectKey}|${levelKey(e.warehouse, e.sku)}|${e.kit ?? ''}`);
	expect(effects.length - new Set(effects).size).toBe(0);

	// Recomputed here, independently of reconcile(): ledger sums and open reservations per SKU.
	const fromLedger = new Map<string, { onHand: number; reserved: number }>();
	for (const e of ledger) {
		const t = fromLedger.get(levelKey(e.warehouse, e.sku)) ?? { onHand: 0, reserved: 0 };
		t.onHand += e.deltaOnHand;
		t.reserved += e.deltaReserved;
		fromLedger.set(levelKey(e.warehouse, e.sku), t);
	}
	const open = new Map<string, number>();
	for (const r of reservations) open.set(levelKey(r.warehouse, r.sku), (open.get(levelKey(r.warehouse, r.sku)) ?? 0) + r.quantity);

	const seen = levels.map((l) => ({
		key: levelKey(l.warehouse, l.sku),
		available: l.available,
		onHand: l.onHand,
		reserved: l.reserved,
		ledger: fromLedger.get(levelKey(l.warehouse, l.sku)) ?? { onHand: 0, reserved: 0 },
		open: open.get(levelKey(l.warehouse, l.sku)) ?? 0,
	}));
	const expected = seen.map((s) => ({ ...s, available: s.onHand - s.reserved, ledger: { onHand: s.onHand, reserved: s.reserved }, open: s.reserved }));
	expect(seen).toEqual(expected);
	// No ledger movement for a SKU without a counter row.
	expect([...fromLedger.keys()].filter((k) => !seen.some((s) => s.key === k))).toEqual([]);
	return { levels, ledger };
}

/** The store's counters as "warehouse/sku" → {onHand, reserved}, for comparing with a model. */
export function levelMap(levels: StockLevel[]): Map<string, { onHand: number; reserved: number }> {
	return new Map(levels.map((l) => [levelKey(l.warehouse, l.sku), { onHand: l.onHand, reserved: l.reserved }]));
}

/** Drops all-zero entries so a counter created at zero by an order and an absent model entry compare equal. */
export function nonZero(m: Map<string, { onHand: number; reserved: number }>): Record<string, { onHand: number; reserved: number }> {
	const out: Record<string, { onHand: number; reserved: number }> = {};
	for (const [k, v] of [...m].sort(([a], [b]) => (a < b ? -1 : 1))) if (v.onHand !== 0 || v.reserved !== 0) out[k] = v;
	return out;
}

/**
 * Each order's net movement per "warehouse/sku" summed from its own ledger rows, keyed by channel order id,
 * zeros left out: equal to the model's footprints means no order is partly applied or applied twice.
 */
export function ledgerFootprints(ledger: LedgerEntry[]): Record<string, Record<string, { onHand: number; reserved: number }>> {
	const sums = new Map<string, Map<string, { onHand: number; reserved: number }>>();
	for (const e of ledger) {
		if (e.orderKey === null) continue;
		const id = e.orderKey.split(':').slice(2).join(':');
		const perSku = sums.get(id) ?? sums.set(id, new Map()).get(id)!;
		const t = perSku.get(levelKey(e.warehouse, e.sku)) ?? { onHand: 0, reserved: 0 };
		t.onHand += e.deltaOnHand;
		t.reserved += e.deltaReserved;
		perSku.set(levelKey(e.warehouse, e.sku), t);
	}
	const out: Record<string, Record<string, { onHand: number; reserved: number }>> = {};
	for (const [id, perSku] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const f = nonZero(perSku);
		if (Object.keys(f).length > 0) out[id] = f;
	}
	return out;
}
