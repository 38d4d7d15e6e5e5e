// Child process for the concurrency, crash and link tests. argv[2] is a JSON plan:
//   { config: StoreConfig, steps: Array<{ orders: CanonicalOrder[], settled?: boolean } | { adjust: AdjustInput[] } | { link: LinkInput[] }>,
//     pauseInTxAtStep?: number, holdInTxAtStep?: number, holdLinkAtStep?: number, gapMs?: number }
// A `link` step goes through linkListings; its "committed" message carries the results. With holdLinkAtStep it
// stops inside that link's transaction once the links are inserted (listing locks held), reports "in-tx" and
// commits when the parent sends "release".
// A `settled` step goes through applyOrdersSettled (as the OMS Store node does); its "committed" message
// lists the refs of the orders the store refused. Each step is announced with "begun" before it starts.
// It opens its own store (own SQLite connection / own Postgres pool), reports "ready", waits for "go" so
// all workers start together, applies the steps in order and reports each commit. With pauseInTxAtStep it
// stops inside that step's transaction, after the ledger, counters and order rows are written and before
// commit, reports "in-tx" and hangs there until the parent kills it. With holdInTxAtStep it stops the same
// way once, reports "in-tx", and goes on to commit when the parent sends "release". gapMs: an idle pause of up to that many
// ms between steps, as between n8n executions; without it one SQLite writer keeps the lock while the others
// sleep in their busy handlers, and the processes hardly interleave.
require('./ts-hook');
const fs = require('node:fs');
const path = require('node:path');
const { LedgerStore } = require('../../../core/store/store.ts');
const { SqliteBackend } = require('../../../core/store/sqlite/driver.ts');
const { PostgresBackend } = require('../../../core/store/postgres/driver.ts');

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// Stamped when sent, on the monotonic clock all processes share (µs): the parent may read a backlog of
// messages at once when it is starved, so a time taken on receipt would make the processes look sequential.
const send = (msg) => new Promise((resolve) => process.send({ ...msg, at: Number(process.hrtime.bigint() / 1000n) }, resolve));

function openBackend(config) {
	if (config.driver === 'sqlite') return new SqliteBackend({ path: path.resolve(config.path), busyTimeoutMs: 60000 });
	const { Pool } = require('pg');
	return new PostgresBackend(new Pool({ connectionString: config.connectionString, max: 2 }));
}

async function main() {
	const backend = openBackend(plan.config);
	let step = -1;
	const transaction = backend.transaction.bind(backend);
	let held = false;
	backend.transaction = (work) =>
		transaction((tx) => {
			if (step === plan.holdLinkAtStep) {
				const insertLinks = async (rows, at) => {
					await tx.insertLinks(rows, at);
					await send({ type: 'in-tx', step });
					await new Promise((resolve) => process.once('message', resolve));
				};
				return work({ ...tx, insertLinks });
			}
			if (step === plan.holdInTxAtStep && !held) {
				// Once: stop inside the transaction, locks held, until the parent sends "release". writeStock is
				// apply's last write (order rows first, then counters locked, ledger and counters written).
				const writeStock = async (ledger, counters) => {
					await tx.writeStock(ledger, counters);
					if (held) return;
					held = true;
					await send({ type: 'in-tx', step });
					await new Promise((resolve) => process.once('message', resolve));
				};
				return work({ ...tx, writeStock });
			}
			if (step !== plan.pauseInTxAtStep) return work(tx);
			const writeStock = async (ledger, counters) => {
				await tx.writeStock(ledger, counters);
				await send({ type: 'in-tx', step });
				await new Promise(() => undefined); // never resolves: the parent SIGKILLs us here
			};
			return work({ ...tx, writeStock });
		});
	const store = new LedgerStore(backend);
	await store.schemaVersion(); // migrations (Postgres) done before the race starts
	await send({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	for (step = 0; step < plan.steps.length; step++) {
		const s = plan.steps[step];
		await send({ type: 'begun', step });
		let refused;
		let results;
		if (s.orders && s.settled) refused = (await store.applyOrdersSettled(s.orders)).filter((o) => !o.ok).map((o) => o.orderRef);
		else if (s.orders) await store.applyOrders(s.orders);
		else if (s.link) results = await store.linkListings(s.link);
		else await store.adjustStock(s.adjust);
		await send({ type: 'committed', step, refused, results });
		if (plan.gapMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * plan.gapMs));
	}
	await store.close();
	await send({ type: 'done' });
}

main().then(
	() => process.disconnect(),
	async (error) => {
		await send({ type: 'error', message: String(error && error.stack ? error.stack : error) });
		process.exit(1);
	},
);
