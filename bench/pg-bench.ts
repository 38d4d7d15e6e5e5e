import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { orderKeyOf, type CanonicalOrder } from '../core/model/order';
import { createStore } from '../core/store/open';
import type { ApplyOrderResult, LedgerEntry, OmsStore } from '../core/store/types';
import { bareRun, sampleWaits, type WaitSamples } from './pg-bare';
import { makeOrders, random } from './orders';

/**
 * PostgreSQL: 8 concurrent writers — 8 stores, each with its own pool of one connection, driven as async
 * clients from this one process — apply batches of 50 orders of 3 lines over 10 hot SKUs. The SKUs run out
 * half-way, so overselling happens; every order that took a counted SKU below zero must say so.
 * Run twice: on the test server (fsync off, today's figure) and on a server with fsync on, where the store
 * is compared with the physical baseline of pg-bare.ts.
 */

export const WRITERS = 8;
export const BATCH = 50;
const BATCHES_PER_WRITER = 12;
export const HOT = Array.from({ length: 10 }, (_, i) => `HOT-${i}`);
export const ON_HAND = 1500;
const ROUNDS = 3;

export interface PgFigures {
	ordersPerS: number;
	oversoldUnflagged: number;
	drift: number;
}

export interface PgFsyncFigures extends PgFigures {
	bareOrdersPerS: number;
	bareSeqOrdersPerS: number;
	storeWaits: WaitSamples;
	bareWaits: WaitSamples;
}

interface PgServer {
	url: string;
	stop(): Promise<void>;
}

export async function startServer(log: (line: string) => void, fsync: boolean): Promise<PgServer> {
	if (process.env.OMS_TEST_PG_URL) return { url: process.env.OMS_TEST_PG_URL, stop: async () => undefined };
	// Not compiled (test/ is outside tsconfig): loaded from the source tree, next to dist/ (or the working folder).
	const candidates = [path.resolve(__dirname, '..', '..', 'test', 'setup', 'postgres.js'), path.resolve('test', 'setup', 'postgres.js')];
	const setup = candidates.find((c) => fs.existsSync(c));
	if (!setup) throw new Error(`test/setup/postgres.js not found (looked in ${candidates.join(', ')}); set OMS_TEST_PG_URL instead`);
	const { startPostgres } = require(setup) as { startPostgres(o: { fsync: boolean }): Promise<PgServer> }; // eslint-disable-line @typescript-eslint/no-require-imports
	log(`starting embedded PostgreSQL (fsync=${fsync ? 'on' : 'off'}) ...`);
	return startPostgres({ fsync });
}

/** A fresh database on the server for one run, dropped afterwards. */
export async function withDatabase<T>(serverUrl: string, fn: (url: string, admin: Client) => Promise<T>): Promise<T> {
	const db = `oms_bench_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	const admin = new Client({ connectionString: serverUrl });
	await admin.connect();
	try {
		await admin.query(`CREATE DATABASE ${db}`);
		const url = new URL(serverUrl);
		url.pathname = `/${db}`;
		return await fn(url.toString(), admin);
	} finally {
		await admin.query(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
		await admin.end().catch(() => undefined);
	}
}

const workload = (seed: number): CanonicalOrder[][] => {
	const rnd = random(seed);
	return Array.from({ length: WRITERS }, (_, w) => makeOrders(BATCH * BATCHES_PER_WRITER, HOT, `pg${w}`, rnd));
};

/** The store with 8 writers on one fresh database; checks oversell flags and drift. */
async function storeRun(serverUrl: string, log: (line: string) => void, label: string, withWaits = false): Promise<PgFigures & { waits?: WaitSamples }> {
	return withDatabase(serverUrl, async (url, admin) => {
		const stores: OmsStore[] = [];
		try {
			for (let i = 0; i < WRITERS; i++) stores.push(createStore({ driver: 'postgres', connectionString: url, maxConnections: 1 }));
			await stores[0].setOnHand(HOT.map((sku) => ({ sku, onHand: ON_HAND })));
			await Promise.all(stores.map((s) => s.schemaVersion())); // connections open before the clock starts
			const work = workload(2);
			const results: ApplyOrderResult[] = [];
			const sampler = withWaits ? sampleWaits(admin, new URL(url).pathname.slice(1)) : undefined;
			const t0 = process.hrtime.bigint();
			await Promise.all(
				stores.map(async (store, w) => {
					for (let i = 0; i < work[w].length; i += BATCH) results.push(...(await store.applyOrders(work[w].slice(i, i + BATCH))));
				}),
			);
			const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
			const waits = await sampler?.stop();
			const total = work.reduce((n, w) => n + w.length, 0);
			const ordersPerS = total / seconds;
			log(`${label}: ${WRITERS} writers x ${BATCHES_PER_WRITER} batches of ${BATCH} orders on ${HOT.length} hot SKUs: ${total} orders in ${seconds.toFixed(2)} s = ${ordersPerS.toFixed(0)} orders/s`);
			const drift = (await stores[0].reconcile(false)).drift.length;
			const check = await checkOversold(stores[0], results);
			log(`${label}: ${check.expected} (order, SKU) pairs went below zero; ${check.unflagged} not flagged, ${check.falselyFlagged} flagged wrongly; replayed levels differing from counters: ${check.levelMismatch}; reconcile drift: ${drift}`);
			if (results.length !== total || work.some((w) => w.some((o) => !results.some((r) => r.orderKey === orderKeyOf(o))))) throw new Error('an order has no result');
			return { ordersPerS, oversoldUnflagged: check.unflagged + check.levelMismatch, drift, waits };
		} finally {
			await Promise.all(stores.map((s) => s.close()));
		}
	});
}

/** Today's figure: the test server (fsync off). */
export async function benchPostgres(log: (line: string) => void): Promise<PgFigures> {
	const server = await startServer(log, false);
	try {
		return await storeRun(server.url, log, 'postgres fsync=off');
	} finally {
		await server.stop();
	}
}

/**
 * fsync on: the store, the bare baseline and the baseline plus the shared change-sequence row, alternated
 * for ROUNDS rounds (best of each: the machine is shared), each on a fresh database, each sampled alike.
 */
export async function benchPostgresFsync(log: (line: string) => void): Promise<PgFsyncFigures> {
	const server = await startServer(log, true);
	try {
		const store: Array<PgFigures & { waits?: WaitSamples }> = [];
		const bare: Array<{ ordersPerS: number; waits?: WaitSamples }> = [];
		const bareSeq: Array<{ ordersPerS: number; waits?: WaitSamples }> = [];
		for (let round = 0; round < ROUNDS; round++) {
			store.push(await storeRun(server.url, log, 'postgres fsync=on store', true));
			for (const [seqRow, into] of [[false, bare], [true, bareSeq]] as const) {
				into.push(
					await withDatabase(server.url, async (url, admin) => {
						const r = await bareRun(url, workload(2), seqRow, admin);
						log(`postgres fsync=on bare${seqRow ? ' + change-sequence row' : ''}: ${r.orders} orders in ${r.seconds.toFixed(2)} s = ${(r.orders / r.seconds).toFixed(0)} orders/s (fsync=${r.fsync})`);
						return { ordersPerS: r.orders / r.seconds, waits: r.waits };
					}),
				);
			}
		}
		const best = <T extends { ordersPerS: number }>(runs: T[]): T => runs.reduce((a, b) => (b.ordersPerS > a.ordersPerS ? b : a));
		return {
			ordersPerS: best(store).ordersPerS,
			oversoldUnflagged: Math.max(...store.map((s) => s.oversoldUnflagged)),
			drift: Math.max(...store.map((s) => s.drift)),
			bareOrdersPerS: best(bare).ordersPerS,
			bareSeqOrdersPerS: best(bareSeq).ordersPerS,
			storeWaits: best(store).waits ?? {},
			bareWaits: best(bare).waits ?? {},
		};
	} finally {
		await server.stop();
	}
}

async function allLedger(store: OmsStore): Promise<LedgerEntry[]> {
	const out: LedgerEntry[] = [];
	for (let afterId = 0; ; ) {
		const page = await store.listLedger({ afterId, limit: 5000 });
		out.push(...page);
		if (page.length < 5000) return out;
		afterId = page[page.length - 1].id;
	}
}

/**
 * Replays the ledger per SKU in id order (per SKU that is the order the writers held its counter lock, since
 * rows are inserted under it) and derives, independently of the engine, which orders took a counted SKU
 * below zero; compares with what the results said, and the replayed end levels with the counters.
 */
async function checkOversold(store: OmsStore, results: ApplyOrderResult[]) {
	const flagged = new Set(results.flatMap((r) => r.oversoldSkus.map((sku) => `${r.orderKey}|${sku}`)));
	const state = new Map<string, { onHand: number; reserved: number; stocked: boolean }>();
	const expected = new Set<string>();
	for (const e of await allLedger(store)) {
		const s = state.get(e.sku) ?? { onHand: 0, reserved: 0, stocked: false };
		const before = s.onHand - s.reserved;
		s.onHand += e.deltaOnHand;
		s.reserved += e.deltaReserved;
		if (e.reason === 'set_on_hand' || e.reason === 'adjust') s.stocked = true;
		const after = s.onHand - s.reserved;
		if (e.orderKey && s.stocked && after < 0 && after < before) expected.add(`${e.orderKey}|${e.sku}`);
		state.set(e.sku, s);
	}
	const levels = await store.getAvailability();
	const levelMismatch = levels.filter((l) => {
		const s = state.get(l.sku);
		return !s || s.onHand !== l.onHand || s.reserved !== l.reserved;
	}).length;
	return {
		expected: expected.size,
		unflagged: [...expected].filter((k) => !flagged.has(k)).length,
		falselyFlagged: [...flagged].filter((k) => !expected.has(k)).length,
		levelMismatch,
	};
}
