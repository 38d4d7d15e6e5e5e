import { main } from '../../cli';
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
});
