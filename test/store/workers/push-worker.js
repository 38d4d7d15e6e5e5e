// Child process for the multi-process push test. argv[2] is a JSON plan:
//   { config: StoreConfig, channel: string, channelUrl: string, batchSize: number, gapMs?: number,
//     steps: Array<{ orders: CanonicalOrder[], push: string[] }> }
// It opens its own store (own SQLite connection / own Postgres pool), reports "ready", waits for "go", then
// for each step applies the orders (a sale) and pushes the SKUs it named through pushStock, with a channel
// writer that POSTs the quantities to the parent's fake channel (one shared channel for every process).
// Each push is reported as "pushed" with the SKUs' statuses; "done" at the end, "error" on any failure.
require('./ts-hook');
const fs = require('node:fs');
const path = require('node:path');
const { createStore } = require('../../../core/store/open.ts');
const { pushStock } = require('../../../core/sync/push-stock.ts');

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// Stamped when sent, on the monotonic clock all processes share (µs): the parent may read a backlog of
// messages at once when it is starved, so a time taken on receipt would make the processes look sequential.
const send = (msg) => new Promise((resolve) => process.send({ ...msg, at: Number(process.hrtime.bigint() / 1000n) }, resolve));

const writer = {
	id: 'shopify',
	stockBatchSize: plan.batchSize,
	async resolveListings(skus) {
		return new Map(skus.map((sku) => [sku, { listingId: `L-${sku}` }]));
	},
	async pushStock(updates) {
		const res = await fetch(plan.channelUrl, { method: 'POST', body: JSON.stringify(updates.map((u) => ({ sku: u.sku, listing: u.listing.listingId, quantity: u.quantity }))) });
		if (!res.ok) throw new Error(`HTTP ${res.status} from the fake channel`);
		return updates.map((u) => ({ sku: u.sku, ok: true }));
	},
};

async function main() {
	const config = plan.config.driver === 'sqlite' ? { ...plan.config, path: path.resolve(plan.config.path), busyTimeoutMs: 60000 } : { ...plan.config, maxConnections: 2 };
	const store = createStore(config);
	await store.schemaVersion(); // migrations (Postgres) done before the race starts
	await send({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	for (let step = 0; step < plan.steps.length; step++) {
		const s = plan.steps[step];
		if (s.orders.length) await store.applyOrders(s.orders);
		const { results } = await pushStock({ store, channel: plan.channel, writer, levels: s.push.map((sku) => ({ sku })), safetyStock: 0, maxQuantity: 0 });
		await send({ type: 'pushed', step, statuses: results.map((r) => `${r.sku}:${r.status}`) });
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
