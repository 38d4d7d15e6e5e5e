import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CanonicalOrder } from '../core/model/order';
import { createStore } from '../core/store/open';
import { makeOrders, random } from './orders';

/**
 * Kit-heavy SQLite case: the plain case's orders (3 lines each, batches of 100) with one line in three
 * naming a kit of 3 components, so a kit line moves 3 counters and writes 3 ledger rows. Same SKUs, same
 * stock, best of 3 fresh files, each run next to a plain run so both see the same machine load.
 */

const ORDERS = 5000;
const BATCH = 100;
const ROUNDS = 3;
const SKUS = Array.from({ length: 1000 }, (_, i) => `SKU-${i}`);
const KITS = Array.from({ length: 300 }, (_, i) => ({ sku: `KIT-${i}`, components: [0, 1, 2].map((k) => ({ sku: SKUS[(i * 3 + k) % SKUS.length], quantity: 1 + k })) }));

export interface KitFigures {
	plainOrdersPerS: number;
	kitOrdersPerS: number;
	/** Share of the order lines that are kits. */
	kitLineShare: number;
}

/** Every third line (by position over the whole run) becomes a kit. */
function withKits(orders: CanonicalOrder[]): CanonicalOrder[] {
	let n = 0;
	return orders.map((o) => ({
		...o,
		channelOrderId: `${o.channelOrderId}-k`,
		lines: o.lines.map((l) => (++n % 3 === 0 ? { ...l, sku: KITS[n % KITS.length].sku, quantity: 1 } : l)),
	}));
}

async function run(file: string, orders: CanonicalOrder[], kits: boolean): Promise<number> {
	const store = createStore({ driver: 'sqlite', path: file });
	await store.setOnHand(SKUS.map((sku) => ({ sku, onHand: 100_000 })));
	if (kits) for (const k of KITS) await store.defineKit(k.sku, k.components);
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < orders.length; i += BATCH) await store.applyOrders(orders.slice(i, i + BATCH));
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	await store.close();
	return orders.length / seconds;
}

export async function benchSqliteKits(log: (line: string) => void): Promise<KitFigures> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-kit-bench-'));
	try {
		const plain = makeOrders(ORDERS, SKUS, 'kp', random(2));
		const kitted = withKits(plain);
		const lines = kitted.flatMap((o) => o.lines);
		const share = lines.filter((l) => l.sku!.startsWith('KIT-')).length / lines.length;
		const runs = { plain: [] as number[], kits: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			runs.plain.push(await run(path.join(dir, `plain-${round}.sqlite`), plain, false));
			runs.kits.push(await run(path.join(dir, `kits-${round}.sqlite`), kitted, true));
		}
		const show = (r: number[]) => r.map((n) => n.toFixed(0)).join(', ');
		log(`sqlite plain (same run, for comparison): ${show(runs.plain)} orders/s`);
		log(`sqlite kit-heavy (${(share * 100).toFixed(0)}% of lines are kits of 3 components): ${show(runs.kits)} orders/s`);
		return { plainOrdersPerS: Math.max(...runs.plain), kitOrdersPerS: Math.max(...runs.kits), kitLineShare: share };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
