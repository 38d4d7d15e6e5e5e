import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CanonicalOrder } from '../../core/model/order';
import { createStore, type StoreConfig } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { DRIVERS, databaseRefusesSku, freshPgConfig, type DriverName } from './stores';
import { checkInvariants, ledgerFootprints, levelMap, nonZero } from './workers/invariants';
import { StockModel, type Snapshot } from './workers/model';
import { startWorker, type WorkerStep } from './workers/spawn';

/**
 * Safe re-runs: n8n retries a failed execution, or two executions pick up the same orders. Two OS
 * processes (own connection / pool each) apply the SAME batch at the same time, through applyOrdersSettled
 * as the OMS Store node does, with one order the database refuses. Each order must be reserved (or
 * committed) exactly once: ledger = counters = the single-writer result, the refused order in neither.
 */

const HOT = ['HOT-1', 'HOT-2', 'HOT-3'];
const ORDERS = 48;

/** The batch: each order's first snapshot, and for every fourth order a later one with other lines. */
function batchSnapshots(): Snapshot[] {
	const statuses = ['pending_payment', 'paid', 'invoiced'] as const;
	const first: Snapshot[] = Array.from({ length: ORDERS }, (_v, i) => ({
		id: `r${i}`,
		status: statuses[i % 3],
		minute: 0,
		lines: [[HOT[i % 3], 1 + (i % 4)], [HOT[(i + 1) % 3], 1]],
		warehouse: 'default',
	}));
	const later: Snapshot[] = first
		.filter((_s, i) => i % 4 === 0 && first[i].status !== 'invoiced')
		.map((s) => ({ ...s, status: 'paid', minute: 1, lines: [[HOT[2], 2]] }));
	return [...first, ...later];
}

const toOrder = (s: Snapshot): CanonicalOrder => order(s.id, s.status, s.lines, { minute: s.minute });
const REFUSED = order('poison', 'paid', [['HOT-1', 1], ['POISON', 1]]);

function chunked(orders: CanonicalOrder[], size: number, settled: boolean): WorkerStep[] {
	const steps: WorkerStep[] = [];
	for (let i = 0; i < orders.length; i += size) steps.push({ orders: orders.slice(i, i + size), settled });
	return steps;
}

async function freshConfig(driver: DriverName, dir: string): Promise<StoreConfig> {
	return driver === 'sqlite' ? { driver: 'sqlite', path: path.join(dir, 'shared.sqlite') } : freshPgConfig();
}

describe.each(DRIVERS)('%s: the same batch applied by two processes at once', (driver) => {
	let dir: string;
	let store: OmsStore;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-rerun-'));
	});
	// A failed expectation must not leave a worker waiting for "go" (jest would never exit).
	let stopAll = () => undefined as void;
	afterEach(async () => {
		stopAll();
		await store?.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	// settled: through applyOrdersSettled as the node does (with one order the database refuses); otherwise
	// applyOrders, all or nothing per transaction, where only the order locks keep a re-run from failing.
	test.each([
		['settled, one transaction each', true, (orders: CanonicalOrder[]) => [chunked(orders, orders.length, true), chunked(orders, orders.length, true)]],
		// Chunks of 4, one process from each end of the batch, so their transactions race on every order.
		['settled, in chunks from opposite ends', true, (orders: CanonicalOrder[]) => [chunked(orders, 4, true), chunked(orders, 4, true).reverse()]],
		['applyOrders, one transaction each', false, (orders: CanonicalOrder[]) => [chunked(orders, orders.length, false), chunked(orders, orders.length, false)]],
	])('%s: each order reserved exactly once, the refused one never', async (_name, settled, plan) => {
		const config = await freshConfig(driver, dir);
		store = createStore(config);
		await store.setOnHand(HOT.map((sku) => ({ sku, onHand: 200 })));
		await databaseRefusesSku(config, 'POISON');
		const snapshots = batchSnapshots();
		const orders = [...snapshots.slice(0, 20).map(toOrder), ...(settled ? [REFUSED] : []), ...snapshots.slice(20).map(toOrder)];

		// A stops inside its first transaction, locks held; B starts while it is open; then A goes on.
		const [a, b] = plan(orders).map((steps, i) => startWorker({ config, steps, gapMs: 3, holdInTxAtStep: i === 0 ? 0 : undefined }, dir, `rerun-${i}`));
		const workers = [a, b];
		stopAll = () => workers.forEach((w) => w.child.exitCode === null && w.child.kill('SIGKILL'));
		await Promise.all(workers.map((w) => w.next('ready')));
		a.child.send('go');
		await a.next('in-tx');
		b.child.send('go');
		await b.next('begun');
		await new Promise((resolve) => setTimeout(resolve, 100));
		// B touches the same orders and SKUs: it cannot commit while A holds their locks.
		expect(b.messages.filter((m) => m.type === 'committed')).toEqual([]);
		a.child.send('release');
		const exits = await Promise.all(workers.map((w) => w.exited));
		expect(workers.map((w) => w.messages.filter((m) => m.type === 'error'))).toEqual([[], []]);
		expect(exits).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
		// Both processes were refused the poison order, and nothing else.
		const refused = settled ? ['shopify:poison'] : [];
		expect(workers.map((w) => w.messages.flatMap((m) => m.refused ?? []))).toEqual([refused, refused]);

		const model = new StockModel();
		for (const sku of HOT) model.setOnHand('default', sku, 200);
		for (const s of snapshots) model.apply(s);

		const { levels, ledger } = await checkInvariants(store); // counters = ledger = open reservations, no effect twice
		expect(nonZero(levelMap(levels))).toEqual(nonZero(model.levels()));
		expect(ledgerFootprints(ledger)).toEqual(model.footprints());
		expect(ledger.filter((e) => e.orderKey === 'shopify:loja-teste:poison')).toEqual([]);
		// Exactly once: one first effect (reserve or commit) per order and SKU, under its first-sighting key.
		const firsts = ledger.filter((e) => e.reason === 'reserve' || e.reason === 'commit').map((e) => `${e.orderKey}|${e.effectKey}|${e.sku}`);
		expect(new Set(firsts).size).toBe(firsts.length);
		expect(firsts.every((f) => /\|(reserve|commit)\|/.test(f))).toBe(true);
		const ordersWithEffects = new Set(ledger.filter((e) => e.orderKey).map((e) => e.orderKey));
		expect(ordersWithEffects.size).toBe(ORDERS);
	}, 120_000);
});
