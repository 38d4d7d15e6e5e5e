import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CANONICAL_STATUSES, type CanonicalOrder } from '../../core/model/order';
import type { OmsStore, StockLevel } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, openFresh, type DriverName } from './stores';
import { checkInvariants, levelKey, levelMap, nonZero } from './workers/invariants';
import { StockModel, type Snapshot } from './workers/model';

/**
 * Kits under the model-based property test: random orders mixing kits (one nested) and their components,
 * partial shipments and returns, counts of components, expiry. After every step: zero drift (ledger =
 * counters = open reservations, kits counted through the components each order recorded), each effect once
 * per kit line, counters equal to the reference model (which keeps kit lines in kit units and expands them
 * here, so a component reserved twice would show), and every kit's published level is the formula
 * min over components of floor(available / quantity), in every warehouse. A second property redefines kits
 * between steps: orders keep their recorded definitions, so the invariants and the formula still hold.
 */

const COMPONENTS = ['A', 'B', 'C', 'D'];
const DEFS: Record<string, Record<string, number>> = {
	K1: { A: 2, B: 1 },
	K2: { B: 1, C: 3 },
	K3: { K1: 1, D: 2 }, // a kit of a kit
};
const KITS = Object.keys(DEFS);
const WAREHOUSES = ['default', 'default', 'sp'];

/** Stock SKUs per unit of a kit (through nested kits), from a definition table. */
function flatten(defs: Record<string, Record<string, number>>, sku: string, times = 1, out: Record<string, number> = {}): Record<string, number> {
	if (!defs[sku]) out[sku] = (out[sku] ?? 0) + times;
	else for (const [c, q] of Object.entries(defs[sku])) flatten(defs, c, times * q, out);
	return out;
}

const snapshotArb: fc.Arbitrary<Snapshot> = fc
	.record({
		id: fc.constantFrom('1', '2', '3', '4', '5'),
		status: fc.constantFrom(...CANONICAL_STATUSES),
		minute: fc.integer({ min: 0, max: 12 }),
		lines: fc.uniqueArray(fc.tuple(fc.constantFrom(...KITS, ...COMPONENTS), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3, selector: ([s]) => s }),
		warehouse: fc.constantFrom(...WAREHOUSES),
		shipped: fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), { nil: undefined }),
	})
	.map(({ shipped, ...s }) => ({
		...s,
		progress: shipped && s.status !== 'pending_payment' ? s.lines.map(([, q], i) => ({ shipped: Math.min(q, shipped[i]) })) : undefined,
	}));

type Step =
	| { kind: 'apply'; batch: Snapshot[] }
	| { kind: 'set'; sku: string; warehouse: string; value: number }
	| { kind: 'adjust'; sku: string; warehouse: string; delta: number }
	| { kind: 'expire' }
	| { kind: 'redefine'; kit: string; components: Array<[string, number]> };

const count = { sku: fc.constantFrom(...COMPONENTS), warehouse: fc.constantFrom(...WAREHOUSES) };
const baseSteps = [
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('apply' as const), batch: fc.array(snapshotArb, { minLength: 1, maxLength: 4 }) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('set' as const), value: fc.integer({ min: 0, max: 20 }), ...count }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('adjust' as const), delta: fc.integer({ min: -4, max: 6 }), ...count }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
];
const stepArb: fc.Arbitrary<Step> = fc.oneof(...baseSteps);
// K1 and K2 get new components; K3 (which contains K1) follows K1's new definition for new orders.
const redefineArb = fc.record({
	kind: fc.constant('redefine' as const),
	kit: fc.constantFrom('K1', 'K2'),
	components: fc.uniqueArray(fc.tuple(fc.constantFrom(...COMPONENTS), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3, selector: ([s]) => s }),
});
const redefiningStepArb: fc.Arbitrary<Step> = fc.oneof(...baseSteps, { weight: 2, arbitrary: redefineArb });

const toOrder = (s: Snapshot): CanonicalOrder => {
	const o = order(s.id, s.status, s.lines, { minute: s.minute, warehouse: s.warehouse });
	o.lines = o.lines.map((line, i) => (s.progress?.[i]?.shipped !== undefined ? { ...line, shippedQuantity: s.progress[i].shipped } : line));
	return o;
};

/** The model's levels with kit keys expanded into their components (the store's counters). */
function expandedModelLevels(model: StockModel): Map<string, { onHand: number; reserved: number }> {
	const out = new Map<string, { onHand: number; reserved: number }>();
	for (const [k, v] of model.levels()) {
		const [warehouse, sku] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)];
		for (const [c, q] of Object.entries(flatten(DEFS, sku))) {
			const t = out.get(levelKey(warehouse, c)) ?? { onHand: 0, reserved: 0 };
			t.onHand += v.onHand * q;
			t.reserved += v.reserved * q;
			out.set(levelKey(warehouse, c), t);
		}
	}
	return out;
}

/** Every kit's published level is the formula over its components' counters, in every warehouse it is shown. */
async function expectKitFormula(store: OmsStore, counters: StockLevel[], defs: Record<string, Record<string, number>>): Promise<void> {
	const kitLevels = (await store.getAvailability(Object.keys(defs))).filter((l) => l.kit);
	for (const warehouse of new Set(counters.map((c) => c.warehouse))) {
		const available = (sku: string) => counters.find((c) => c.warehouse === warehouse && c.sku === sku)?.available ?? 0;
		const shown = await store.getVersionedLevels(Object.keys(defs), warehouse);
		for (const kit of Object.keys(defs)) {
			const flat = flatten(defs, kit);
			const formula = Math.min(...Object.entries(flat).map(([c, q]) => Math.floor(available(c) / q)));
			expect({ kit, warehouse, available: shown.find((l) => l.sku === kit)?.available }).toEqual({ kit, warehouse, available: formula });
			const listed = kitLevels.find((l) => l.sku === kit && l.warehouse === warehouse);
			if (listed) expect({ kit, warehouse, available: listed.available }).toEqual({ kit, warehouse, available: formula });
		}
	}
}

async function runSteps(driver: DriverName, steps: Step[], withModel: boolean): Promise<void> {
	let nowMs = Date.UTC(2026, 0, 1);
	const { store, config } = await openFresh(driver, { clock: () => new Date(nowMs) });
	const model = new StockModel('invoiced');
	const defs: Record<string, Record<string, number>> = JSON.parse(JSON.stringify(DEFS));
	try {
		for (const kit of KITS) await store.defineKit(kit, Object.entries(DEFS[kit]).map(([sku, quantity]) => ({ sku, quantity })));
		for (const step of steps) {
			nowMs += 1000;
			switch (step.kind) {
				case 'apply': {
					const results = await store.applyOrders(step.batch.map(toOrder));
					const ignored = results.map((r) => r.outcome === 'stale' || r.outcome === 'regression');
					expect(ignored).toEqual(step.batch.map((s) => !model.apply(s)));
					break;
				}
				case 'set':
					await store.setOnHand([{ sku: step.sku, warehouse: step.warehouse, onHand: step.value }]);
					// The model keeps kit commits on the kit's key: a count of a component moves it by the difference.
					model.adjust(step.warehouse, step.sku, step.value - (expandedModelLevels(model).get(levelKey(step.warehouse, step.sku))?.onHand ?? 0));
					break;
				case 'adjust':
					await store.adjustStock([{ sku: step.sku, warehouse: step.warehouse, delta: step.delta }]);
					model.adjust(step.warehouse, step.sku, step.delta);
					break;
				case 'expire':
					await store.expireReservations(new Date(nowMs));
					model.expireAll();
					break;
				case 'redefine':
					await store.defineKit(step.kit, step.components.map(([sku, quantity]) => ({ sku, quantity })));
					defs[step.kit] = Object.fromEntries(step.components);
			}
			const { levels } = await checkInvariants(store);
			if (withModel) {
				expect(nonZero(levelMap(levels))).toEqual(nonZero(expandedModelLevels(model)));
				expect(levels.filter((l) => l.stocked).map((l) => levelKey(l.warehouse, l.sku)).sort()).toEqual([...model.stocked].sort());
			}
			await expectKitFormula(store, levels, defs);
		}
	} finally {
		await store.close();
		if (config.driver === 'sqlite' && config.path) fs.rmSync(path.dirname(config.path), { recursive: true, force: true });
	}
}

const RUNS: Record<DriverName, number> = { sqlite: 100, postgres: 20 };

describe.each(DRIVERS)('kit properties on %s', (driver) => {
	test('kits and components in random orders: ledger = counters = model, each effect once, published kits = formula', async () => {
		await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 20 }), (steps) => runSteps(driver, steps, true)), { numRuns: RUNS[driver] });
	}, 300_000);

	test('kits redefined between orders: zero drift, each effect once, published kits = formula of today', async () => {
		await fc.assert(fc.asyncProperty(fc.array(redefiningStepArb, { minLength: 1, maxLength: 20 }), (steps) => runSteps(driver, steps, false)), {
			numRuns: RUNS[driver] / 2,
		});
	}, 300_000);
});
