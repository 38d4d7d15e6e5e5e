import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelWriter, StockUpdate } from '../core/channels/types';
import { createStore, type StoreConfig } from '../core/store/open';
import type { OmsStore } from '../core/store/types';
import { CHANGED_SINCE_LAST_PUSH, pushStock } from '../core/sync/push-stock';
import { startServer, withDatabase } from './pg-bench';

/**
 * `npm run bench:push`: Push Stock over 2,000 plain SKUs (no listing rules, every SKU listed) to an in-memory
 * channel in bulks of 50, on SQLite and on PostgreSQL (fsync off, as the tests run it): the first push (links
 * looked up, every value sent), a push after every level changed, a push where nothing changed, and a push
 * after a dead run's leases on every SKU ran out (each take-over marks the SKU uncertain: all sent again).
 * Best of 5 fresh stores per driver (BENCH_ROUNDS), with the load average beside each line; the last line is JSON.
 */

const SKUS = Array.from({ length: 2000 }, (_, i) => `PUSH-${String(i).padStart(4, '0')}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHANNEL = 'shopify:bench.myshopify.com';
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

const writer: ChannelWriter = {
	id: 'shopify',
	stockBatchSize: 50,
	async resolveListings(skus: string[]) {
		return new Map(skus.map((sku) => [sku, { listingId: `L-${sku}` }]));
	},
	async pushStock(updates: StockUpdate[]) {
		return updates.map((u) => ({ sku: u.sku, ok: true }));
	},
};

type Phase = 'first' | 'changed' | 'unchanged' | 'takeover';
const PHASES: Phase[] = ['first', 'changed', 'unchanged', 'takeover'];

/** One push, timed; `expectPushed` (when given) is checked, so a figure never comes from a push that did less. */
async function timed(store: OmsStore, expectPushed: number | undefined, levels: typeof CHANGED_SINCE_LAST_PUSH | Array<{ sku: string }>, cursor?: string): Promise<{ ms: number; pushed: number; cursor?: string }> {
	const started = process.hrtime.bigint();
	const out = await pushStock({ store, channel: CHANNEL, writer, levels, cursor, pageSize: SKUS.length, safetyStock: 0, maxQuantity: 0 });
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const pushed = out.results.filter((r) => r.status === 'pushed').length;
	if (expectPushed !== undefined && pushed !== expectPushed) throw new Error(`expected ${expectPushed} SKUs pushed, ${pushed} were`);
	return { ms, pushed, cursor: out.cursor };
}

type Round = Record<Phase, number> & { takeoverSent: number };

async function oneRound(config: StoreConfig): Promise<Round> {
	const store = createStore(config);
	try {
		await store.setOnHand(SKUS.map((sku) => ({ sku, onHand: 10 })));
		const first = await timed(store, SKUS.length, CHANGED_SINCE_LAST_PUSH);
		await store.adjustStock(SKUS.map((sku) => ({ sku, delta: 1 })));
		const changed = await timed(store, SKUS.length, CHANGED_SINCE_LAST_PUSH, first.cursor);
		const named = SKUS.map((sku) => ({ sku }));
		const unchanged = await timed(store, 0, named);
		// A run that died holding every lease (1 ms long): the next push takes each over and sends it again.
		await store.acquirePushLeases(CHANNEL, 'default', SKUS, 'push-dead', 1);
		await new Promise((resolve) => setTimeout(resolve, 5));
		const takeover = await timed(store, undefined, named);
		return { first: first.ms, changed: changed.ms, unchanged: unchanged.ms, takeover: takeover.ms, takeoverSent: takeover.pushed };
	} finally {
		await store.close();
	}
}

/** `round` runs oneRound on a fresh store of the driver. */
async function driverRounds(log: (line: string) => void, driver: string, round: () => Promise<Round>): Promise<Record<Phase, number>> {
	const runs: Round[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		runs.push(await round());
		const phases = PHASES.map((p) => `${p} ${runs[i][p].toFixed(0)} ms`).join(', ');
		log(`${driver} round ${i + 1}: ${phases} (take-over push sent ${runs[i].takeoverSent}; load average ${load()})`);
	}
	return Object.fromEntries(PHASES.map((p) => [p, Math.min(...runs.map((r) => r[p]))])) as Record<Phase, number>;
}

export async function benchPush(log: (line: string) => void): Promise<Record<string, number>> {
	log(`Push of ${SKUS.length.toLocaleString('en')} plain SKUs, bulks of 50, best of ${ROUNDS}; load average ${load()}`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-push-bench-'));
	let n = 0;
	let sqlite: Record<Phase, number>;
	try {
		sqlite = await driverRounds(log, 'sqlite', () => oneRound({ driver: 'sqlite', path: path.join(dir, `push-${n++}.sqlite`) }));
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
	const server = await startServer(log, false);
	try {
		const pg = await driverRounds(log, 'postgres', () => withDatabase(server.url, (url) => oneRound({ driver: 'postgres', connectionString: url, maxConnections: 4 })));
		const figures: Record<string, number> = {};
		for (const p of PHASES) {
			figures[`push_sqlite_${p}_ms`] = Math.round(sqlite[p]);
			figures[`push_pg_${p}_ms`] = Math.round(pg[p]);
		}
		return figures;
	} finally {
		await server.stop();
	}
}

if (require.main === module) {
	benchPush((line) => process.stdout.write(`${line}\n`))
		.then((figures) => process.stdout.write(`${JSON.stringify({ ...figures, load_average_end: os.loadavg()[0] })}\n`))
		.catch((error) => {
			process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
			process.exitCode = 1;
		});
}
