import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * n8n in queue mode on this machine: Redis, one PostgreSQL server holding n8n's database and the store's, a
 * main, workers and a webhook process, each with its own user folder and the package installed there the
 * way n8n's Community Nodes installer does (scripts/pack-and-install.js: the user-folder install; the
 * environment-managed install, N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV, needs the package on a registry the
 * processes can reach, which a package under test is not). Or one regular n8n process, for comparison.
 */

/* eslint-disable @typescript-eslint/no-require-imports */
const { N8nInstance } = require('../../scripts/lib/n8n-instance');
const { installIntoUserFolder } = require('../../scripts/pack-and-install');
const { startRedis } = require('../../scripts/lib/redis');
/* eslint-enable @typescript-eslint/no-require-imports */

export interface N8n {
	baseUrl: string;
	proc?: { pid: number; kill(signal: string): void; exitCode: number | null };
	start(timeoutMs?: number): Promise<unknown>;
	/** How long start() took until the process answered /healthz/readiness. */
	startupMs?: number;
	stop(): Promise<void>;
	signIn(): Promise<unknown>;
	rest(method: string, path: string, body?: object): Promise<unknown>;
	createCredential(name: string, type: string, data: object): Promise<{ id: string }>;
	activate(id: string): Promise<unknown>;
	deactivate(id: string): Promise<unknown>;
	getWorkflow(id: string): Promise<{ id: string; nodes: Array<{ name: string; webhookId?: string }> }>;
	executions(workflowId: string): Promise<Array<{ id: string; status: string; mode?: string }>>;
}

export interface Cluster {
	main: N8n;
	workers: N8n[];
	/** Where channels' webhooks are sent (the webhook process; main itself when there is no queue). */
	webhook: N8n;
	storeUrl: string;
	storeDb: { host: string; port: number; database: string; user: string; password: string };
	/** Peak resident memory of the n8n processes, summed over the processes alive at each sample. */
	peakRssMb(): number;
	/** What starting took, per process and in all. */
	startupS(): string;
	stop(): Promise<void>;
}

function rssMb(pid: number | undefined): number {
	if (!pid) return 0;
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * `queue`: main + `workers` workers + a webhook process on Redis; otherwise one regular n8n. Both on their
 * own n8n database and store database on the given PostgreSQL server.
 */
export async function startCluster(o: { work: string; pgUrl: string; tarball: string; name: string; queue: boolean; workers?: number; webhookUrl: string }): Promise<Cluster> {
	const pg = new URL(o.pgUrl);
	const admin = new Client({ connectionString: o.pgUrl });
	await admin.connect();
	const n8nDb = `n8n_${o.name}`;
	const storeDbName = `oms_${o.name}`;
	await admin.query(`CREATE DATABASE ${n8nDb}`);
	await admin.query(`CREATE DATABASE ${storeDbName}`);
	await admin.end();
	const t0 = Date.now();
	const redis = o.queue ? await startRedis() : undefined;
	const env: Record<string, string> = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.hostname,
		DB_POSTGRESDB_PORT: pg.port,
		DB_POSTGRESDB_DATABASE: n8nDb,
		DB_POSTGRESDB_USER: decodeURIComponent(pg.username),
		DB_POSTGRESDB_PASSWORD: decodeURIComponent(pg.password),
		// n8n's own pool (2 by default) times out under a burst of webhook requests.
		DB_POSTGRESDB_POOL_SIZE: '10',
		DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
		WEBHOOK_URL: o.webhookUrl,
		EXECUTIONS_DATA_PRUNE: 'false',
		// n8n marks executions of a dead worker crashed at its queue-recovery check (every 180 min by default).
		// A job whose worker died fails as stalled once its lock expired (60 s lock, checked every 30 s by
		// default): 20 s and 10 s here, so the killed worker's jobs are failed (and retried) sooner.
		...(redis
			? {
					N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: '127.0.0.1',
					QUEUE_BULL_REDIS_PORT: String(redis.port),
					QUEUE_WORKER_LOCK_DURATION: '20000',
					QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
					QUEUE_WORKER_STALLED_INTERVAL: '10000',
				}
			: {}),
	};
	const make = (role: string, command?: string[]) => {
		const userFolder = path.join(o.work, `${o.name}-${role}`);
		fs.mkdirSync(userFolder, { recursive: true });
		installIntoUserFolder(o.tarball, userFolder);
		return new N8nInstance({ userFolder, logFile: path.join(o.work, `${o.name}-${role}.log`), env, command }) as N8n;
	};
	const main = make('main');
	const all: N8n[] = [main];
	let peak = 0;
	const sampler = setInterval(() => {
		peak = Math.max(peak, all.reduce((s, p) => s + rssMb(p.proc?.pid), 0));
	}, 500);
	let stopped: Promise<void> | undefined;
	const stop = () => (stopped ??= stopAll());
	const stopAll = async () => {
		clearInterval(sampler);
		await Promise.all(all.map((p) => p.stop().catch(() => undefined)));
		await redis?.stop();
	};
	try {
		// All at once: every n8n process takes the database's migration lock before it starts, so the workers
		// and the webhook process wait while the main migrates, then find nothing left to migrate.
		const workers = redis ? Array.from({ length: o.workers ?? 2 }, (_, i) => make(`worker${i + 1}`, ['worker', '--concurrency=5'])) : [];
		const webhook = redis ? make('webhook', ['webhook']) : main;
		if (webhook !== main) all.push(webhook);
		all.push(...workers);
		await Promise.all([main, ...workers, ...(webhook !== main ? [webhook] : [])].map((p) => p.start(600_000)));
		await main.signIn();
		const ready = Date.now();
		const storeUrl = new URL(o.pgUrl);
		storeUrl.pathname = `/${storeDbName}`;
		return {
			main,
			workers,
			webhook,
			storeUrl: storeUrl.toString(),
			storeDb: { host: pg.hostname, port: Number(pg.port), database: storeDbName, user: decodeURIComponent(pg.username), password: decodeURIComponent(pg.password) },
			peakRssMb: () => Math.round(peak),
			startupS: () => {
				const s = (p: N8n) => `${((p.startupMs ?? 0) / 1000).toFixed(0)} s`;
				const parts = [`main ${s(main)}`, ...workers.map((w, i) => `worker ${i + 1} ${s(w)}`), ...(webhook !== main ? [`webhook ${s(webhook)}`] : [])];
				return `${parts.join(', ')}; ${((ready - t0) / 1000).toFixed(0)} s in all`;
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
