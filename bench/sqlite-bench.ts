import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { orderKeyOf, type CanonicalOrder } from '../core/model/order';
import { createStore } from '../core/store/open';
import { makeOrders, random } from './orders';

/**
 * SQLite: the store applying orders in batches of 100 in one process, against the bare limit — the same
 * rows (3 ledger rows, 3 counter updates, 1 order row, 1 event row per order) written by plain prepared
 * statements in a single transaction on the same schema and pragmas.
 */

const ORDERS = 5000;
const BATCH = 100;
const ROUNDS = 3;
const SKUS = Array.from({ length: 1000 }, (_, i) => `SKU-${i}`);

export interface SqliteFigures {
	ordersPerS: number;
	bareOrdersPerS: number;
}

export async function benchSqlite(log: (line: string) => void): Promise<SqliteFigures> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-bench-'));
	try {
		const orders = makeOrders(ORDERS, SKUS, 'sq', random(1));
		// Best of 3 rounds, each on a fresh file, alternating: the machine is shared and one round is < 1 s.
		const runs = { ours: [] as number[], bare: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			runs.ours.push(await ours(path.join(dir, `ours-${round}.sqlite`), orders));
			runs.bare.push(await bare(path.join(dir, `bare-${round}.sqlite`), orders));
		}
		const show = (r: number[]) => r.map((n) => n.toFixed(0)).join(', ');
		log(`sqlite store: ${ORDERS} orders of 3 lines in batches of ${BATCH}: ${show(runs.ours)} orders/s`);
		log(`sqlite bare prepared statements, one transaction: ${show(runs.bare)} orders/s`);
		return { ordersPerS: Math.max(...runs.ours), bareOrdersPerS: Math.max(...runs.bare) };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function ours(file: string, orders: CanonicalOrder[]): Promise<number> {
	const store = createStore({ driver: 'sqlite', path: file });
	await store.setOnHand(SKUS.map((sku) => ({ sku, onHand: 1000 })));
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < orders.length; i += BATCH) await store.applyOrders(orders.slice(i, i + BATCH));
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	await store.close();
	return orders.length / seconds;
}

async function bare(file: string, orders: CanonicalOrder[]): Promise<number> {
	// Same schema (migrations) and the same stocked counters as the store run.
	const store = createStore({ driver: 'sqlite', path: file });
	await store.setOnHand(SKUS.map((sku) => ({ sku, onHand: 1000 })));
	await store.close();
	const { DatabaseSync } = require('node:sqlite') as typeof import('node:sqlite'); // eslint-disable-line @typescript-eslint/no-require-imports
	const db = new DatabaseSync(file);
	db.exec('PRAGMA journal_mode = WAL');
	db.exec('PRAGMA synchronous = NORMAL');
	const ledger = db.prepare(
		'INSERT INTO oms_ledger (at, sku, warehouse, delta_on_hand, delta_reserved, reason, order_key, effect_key, ref, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)',
	);
	const counter = db.prepare('UPDATE oms_stock SET on_hand = on_hand + ?, reserved = reserved + ?, change_seq = ?, updated_at = ? WHERE warehouse = ? AND sku = ?');
	const orderRow = db.prepare(
		`INSERT INTO oms_orders (order_key, channel, account, channel_order_id, status, stage, warehouse, reserved_json, committed_json, revision, reserved_at, channel_updated_at, first_seen_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, 'default', ?, ?, 1, ?, ?, ?, ?)`,
	);
	const event = db.prepare('INSERT INTO oms_order_events (order_key, at, previous_status, new_status, outcome, effects_json) VALUES (?, ?, NULL, ?, ?, ?)');
	const t0 = process.hrtime.bigint();
	const now = new Date().toISOString();
	db.exec('BEGIN IMMEDIATE');
	for (const o of orders) {
		const key = orderKeyOf(o);
		const reserve = o.status === 'paid';
		const effect = reserve ? 'reserve' : 'commit';
		const qty = JSON.stringify(Object.fromEntries(o.lines.map((l) => [l.sku, l.quantity])));
		for (const l of o.lines) {
			ledger.run(now, l.sku!, 'default', reserve ? 0 : -l.quantity, reserve ? l.quantity : 0, effect, key, effect);
			counter.run(reserve ? 0 : -l.quantity, reserve ? l.quantity : 0, 1, now, 'default', l.sku!);
		}
		orderRow.run(key, o.channel, o.account, o.channelOrderId, o.status, reserve ? 'reserved' : 'committed', reserve ? qty : '{}', reserve ? '{}' : qty, now, o.updatedAt, now, now);
		event.run(key, now, o.status, 'applied', JSON.stringify([{ effect, key: effect, lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) }]));
	}
	db.exec('COMMIT');
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	db.close();
	return orders.length / seconds;
}
