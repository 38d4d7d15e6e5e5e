import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli';
import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import { httpOrder } from '../simulators/httpchan';
import { mlOrder } from '../simulators/mercadolivre';
import { shopifyOrder } from '../simulators/shopify';

async function run(args: string[], stdin: string) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { readStdin: async () => stdin, out: (t) => out.push(t), err: (t) => err.push(t) });
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli normalize', () => {
	it('prints the canonical order of a Mercado Livre order, offline', async () => {
		const r = await run(['normalize', '--channel', 'mercadolivre'], JSON.stringify(mlOrder({ id: 2000001, lastUpdated: '2026-01-10T15:00:00Z' })));
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out)).toMatchObject({ channel: 'mercadolivre', account: '987654321', channelOrderId: '2000001', totals: { itemsCents: 8790 } });
	});

	it('takes the Shopify shop from --account', async () => {
		const raw = JSON.stringify(shopifyOrder({ id: 1001, updatedAt: '2026-01-10T15:00:00Z' }));
		const r = await run(['normalize', '--channel', 'shopify', '--account', 'bob.myshopify.com'], raw);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out)).toMatchObject({ channel: 'shopify', account: 'bob.myshopify.com', channelOrderId: '1001' });
	});

	it('exits 1 naming order and field for a malformed order', async () => {
		const raw = JSON.stringify(mlOrder({ id: 2000002, lastUpdated: '2026-01-10T15:00:00Z', lines: [{ sku: 'A', quantity: 1.5, unitPrice: 1 }] }));
		const r = await run(['normalize', '--channel', 'mercadolivre'], raw);
		expect(r).toMatchObject({ code: 1, out: '' });
		expect(r.err).toBe('Malformed mercadolivre order: Order mercadolivre:2000002: field "order_items[0].quantity" must be an integer, got 1.5');
	});

	it('exits 1 for input that is not JSON', async () => {
		const r = await run(['normalize', '--channel', 'shopify'], '{"id": ');
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/^stdin is not valid JSON/);
	});

	it('exits 2 for an unknown channel or a missing --channel', async () => {
		const unknown = await run(['normalize', '--channel', 'ebay'], '{}');
		expect(unknown.code).toBe(2);
		expect(unknown.err).toMatch(/Unknown channel "ebay" \(available: .*mercadolivre.*shopify/);
		expect((await run(['normalize'], '{}')).code).toBe(2);
	});

	it('maps a configurable HTTP order with the definition file; a list response at its itemsPath', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-cli-')), 'definition.json');
		fs.writeFileSync(file, JSON.stringify(EXAMPLE_DEFINITION));
		const order = httpOrder({ id: 31, updatedAt: '2026-01-10T15:00:00Z' });
		const one = await run(['normalize', '--channel', 'http', '--account', 'minhaloja', '--definition', file], JSON.stringify(order));
		expect(one.code).toBe(0);
		expect(JSON.parse(one.out)).toMatchObject({ channel: 'http', account: 'minhaloja', channelOrderId: '31', lines: [{ sku: 'CAM-AZ-M', quantity: 2 }] });
		const { id: _id, ...noId } = order;
		const list = await run(['normalize', '--channel', 'http', '--account', 'minhaloja', '--definition', file], JSON.stringify({ data: [order, noId] }));
		expect(list.code).toBe(1);
		expect(JSON.parse(list.out)).toHaveLength(1);
		expect(list.err).toBe('Malformed http order: Order http:(no id): field "id" is required (the order id)');
		const without = await run(['normalize', '--channel', 'http', '--account', 'minhaloja'], JSON.stringify(order));
		expect(without).toMatchObject({ code: 2, err: 'Channel definition: "(definition)" is required for channel http: pass --definition <file>' });
	});
});
