// Child process for the two-process link test. argv[2] is a JSON plan:
//   { config: StoreConfig, steps: Array<{ link: LinkInput[] } | { orders: CanonicalOrder[] }>, holdLinkAtStep?: number, gapMs?: number }
// It opens its own store (own SQLite connection / own Postgres pool), reports "ready", waits for "go", then runs
// the steps in order: a link step through linkListings (its "committed" message carries the results), an
// orders step through applyOrders. With holdLinkAtStep it stops inside that link's transaction, once the
// links are inserted (listing locks held), reports "in-tx" and commits when the parent sends "release".
require('./ts-hook');
const fs = require('node:fs');
const path = require('node:path');
const { LedgerStore } = require('../../../core/store/store.ts');
const { SqliteBackend } = require('../../../core/store/sqlite/driver.ts');
const { PostgresBackend } = require('../../../core/store/postgres/driver.ts');

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const send = (msg) => new Promise((resolve) => process.send(msg, resolve));

function openBackend(config) {
	if (config.driver === 'sqlite') return new SqliteBackend({ path: path.resolve(config.path), busyTimeoutMs: 60000 });
	const { Pool } = require('pg');
	return new PostgresBackend(new Pool({ connectionString: config.connectionString, max: 2 }));
}

async function main() {
	const backend = openBackend(plan.config);
	let step = -1;
	const transaction = backend.transaction.bind(backend);
	backend.transaction = (work) =>
		transaction((tx) => {
			if (step !== plan.holdLinkAtStep) return work(tx);
			const insertLinks = async (rows, at) => {
				await tx.insertLinks(rows, at);
				await send({ type: 'in-tx', step });
				await new Promise((resolve) => process.once('message', resolve));
			};
			return work({ ...tx, insertLinks });
		});
	const store = new LedgerStore(backend);
	await store.schemaVersion();
	await send({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	for (step = 0; step < plan.steps.length; step++) {
		const s = plan.steps[step];
		await send({ type: 'begun', step });
		const results = s.link ? await store.linkListings(s.link) : await store.applyOrders(s.orders);
		await send({ type: 'committed', step, results: s.link ? results : undefined });
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
