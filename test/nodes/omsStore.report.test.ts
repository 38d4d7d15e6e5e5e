import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { toStoreConfig } from '../../nodes/shared/store';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** Report → Dashboard and Stock → Low Stock through n8n's ExecuteContext, on both drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, Report and Low Stock on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, items?: IDataObject[]) => (await runNode({ credentials, parameters, items, withDefaults: true })).map((o) => o.json);

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		await run({ resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: '={{ $json.n }}' }, [{ sku: 'A', n: 10 }, { sku: 'B', n: 1 }, { sku: 'C', n: 3 }]);
		const now = Date.now();
		const unmapped = order('3', 'paid', [['C', 1]], { createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() });
		unmapped.lines.push({ quantity: 1, unitPriceCents: 500, unmapped: true, channelListingId: 'MLB-1', title: 'Caneca' });
		await run({ resource: 'order', operation: 'apply' }, [
			order('1', 'paid', [['A', 4]], { totals: { itemsCents: 123456, shippingCents: 0, discountCents: 0, totalCents: 123456 } }),
			order('2', 'pending_payment', [['B', 2]]),
			unmapped,
		] as unknown as IDataObject[]);
		await getSharedStore(toStoreConfig(credentials)).recordPushed('woocommerce:loja', [{ sku: 'A', value: 9, changeSeq: 1 }]);
	});

	test('Dashboard → Data: stock with channel values, open orders, oversold, unlinked listings, KPIs', async () => {
		const [report] = await run({ resource: 'report', operation: 'dashboard', output: 'data' });
		const stock = report.stock as Array<{ sku: string; available: number; channels: Array<{ channel: string; value: number | null; behind: boolean }> }>;
		expect(stock.map((s) => [s.sku, s.available])).toEqual([['A', 6], ['B', -1], ['C', 2]]);
		expect(stock[0].channels).toEqual([{ channel: 'woocommerce:loja', value: 9, pushedAt: expect.any(String), behind: true, failing: false }]);
		expect((report.oversold as Array<{ sku: string }>).map((s) => s.sku)).toEqual(['B']);
		expect(report.openOrders).toMatchObject({ total: 3, valueCents: 123456, byAge: [3, 0, 0, 0] });
		expect(report.unlinked).toEqual([{ channel: 'shopify', account: 'loja-teste', listingId: 'MLB-1', variantId: null, title: 'Caneca', orders: 1, units: 1 }]);
		expect((report.kpis as { ordersInWindow: number }).ordersInWindow).toBe(3);
	});

	test('Dashboard → HTML Page: one item with the page, numbers and money in Portuguese', async () => {
		const out = await run({ resource: 'report', operation: 'dashboard' });
		expect(out).toHaveLength(1);
		const html = String(out[0].html);
		expect(html).toMatch(/<tr data-sku="A" data-warehouse="default">.*data-field="available">6<.*data-channel="woocommerce:loja"[^>]*>9 \(desatualizado\)/);
		expect(html).toContain('R$ 1.234,56');
		expect(html).not.toMatch(/<script/i);
	});

	test('Stock → Low Stock: below the global or the SKU\'s own threshold, oversold left to its own alert', async () => {
		const low = await run({ resource: 'stock', operation: 'lowStock', threshold: 3, perSku: { rules: [{ sku: 'A', threshold: 8 }] } });
		expect(low.map((l) => [l.sku, l.available, l.threshold, l.missing])).toEqual([['A', 6, 8, 2], ['C', 2, 3, 1]]);
		const withOversold = await run({ resource: 'stock', operation: 'lowStock', threshold: 0, includeOversold: true });
		expect(withOversold.map((l) => [l.sku, l.available, l.missing])).toEqual([['B', -1, 1]]);
		await expect(run({ resource: 'stock', operation: 'lowStock', threshold: 3, perSku: { rules: [{ sku: '', threshold: 1 }] } })).rejects.toThrow(/SKU is empty/);
	});
});
