import os from 'node:os';
import { benchSqliteKits } from './kit-bench';
import { benchPostgres, benchPostgresFsync } from './pg-bench';
import { benchSqlite } from './sqlite-bench';

/**
 * `npm run bench`: stock engine throughput on SQLite (against the bare-statement limit) and on PostgreSQL
 * (8 concurrent writers on hot SKUs, with correctness checks; with fsync off as the tests run it, and with
 * fsync on against the physical baseline of bare statements). Human-readable lines first; the last line is
 * one JSON object with the figures. `BENCH_ONLY=postgres` runs the PostgreSQL parts alone (their keys only).
 */

const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

async function main(): Promise<void> {
	log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
	const only = process.env.BENCH_ONLY;
	if (only !== undefined && only !== 'postgres') throw new Error(`BENCH_ONLY=${only}: the only part that runs alone is "postgres"`);
	const sqliteFigures = only === 'postgres' ? {} : await sqliteParts();
	const pg = await benchPostgres(log);
	const pgSync = await benchPostgresFsync(log);
	const pgRatio = pgSync.ordersPerS / pgSync.bareOrdersPerS;
	log(`postgres fsync=on: store ${pgSync.ordersPerS.toFixed(0)}, bare ${pgSync.bareOrdersPerS.toFixed(0)}, bare + change-sequence row ${pgSync.bareSeqOrdersPerS.toFixed(0)} orders/s; ratio store/bare ${pgRatio.toFixed(2)}`);
	log(`postgres fsync=on store, where the writers were (share of samples): ${JSON.stringify(pgSync.storeWaits)}`);
	log(`postgres fsync=on bare, where the writers were (share of samples): ${JSON.stringify(pgSync.bareWaits)}`);
	log(`load average at the end ${load()}`);
	const figures = {
		...sqliteFigures,
		pg_orders_per_s: Math.round(pg.ordersPerS),
		pg_oversold_unflagged: pg.oversoldUnflagged,
		pg_drift: pg.drift,
		pg_fsync_orders_per_s: Math.round(pgSync.ordersPerS),
		pg_bare_ratio: Number(pgRatio.toFixed(3)),
		pg_fsync_bare_orders_per_s: Math.round(pgSync.bareOrdersPerS),
		pg_fsync_bare_seq_orders_per_s: Math.round(pgSync.bareSeqOrdersPerS),
		pg_fsync_oversold_unflagged: pgSync.oversoldUnflagged,
		pg_fsync_drift: pgSync.drift,
		peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
	};
	log(JSON.stringify(figures));
}

async function sqliteParts() {
	const sqlite = await benchSqlite(log);
	const ratio = sqlite.ordersPerS / sqlite.bareOrdersPerS;
	log(`sqlite ratio store/bare: ${ratio.toFixed(2)}`);
	const kits = await benchSqliteKits(log);
	return {
		sqlite_orders_per_s: Math.round(sqlite.ordersPerS),
		sqlite_bare_ratio: Number(ratio.toFixed(3)),
		sqlite_kit_orders_per_s: Math.round(kits.kitOrdersPerS),
		sqlite_kit_plain_same_run_orders_per_s: Math.round(kits.plainOrdersPerS),
	};
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
