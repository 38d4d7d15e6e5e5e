import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** Catalog → publish rules and channel warehouses through n8n's ExecuteContext, on both drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];

afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, Catalog rules and warehouses on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, items?: IDataObject[], continueOnFail?: boolean) =>
		(await runNode({ credentials, parameters, items, continueOnFail })).map((o) => o.json);

	beforeEach(async () => {
		credentials = await freshCredential(driver);
	});

	test('Set Publish Rule (account, then per SKU from items), List, Remove; only the fields added are set', async () => {
		const [account] = await run({ resource: 'catalog', operation: 'setPublishRule', channelAccount: 'shopify:loja', rule: { sharePercent: 50, safetyStock: 2 } });
		expect(account).toMatchObject({ channel: 'shopify:loja', sku: null, sharePercent: 50, safetyStock: 2 });
		expect(account).not.toHaveProperty('maxQuantity');
		await run({ resource: 'catalog', operation: 'setPublishRule', channelAccount: 'shopify:loja', sku: '={{ $json.sku }}', rule: { maxQuantity: '={{ $json.cap }}' } }, [
			{ sku: 'A', cap: 3 },
			{ sku: 'B', cap: '7' },
		]);
		const listed = await run({ resource: 'catalog', operation: 'listPublishRules', channelAccount: 'shopify:loja' });
		expect(listed.map((r) => [r.sku, r.maxQuantity ?? null, r.sharePercent ?? null])).toEqual([
			[null, null, 50],
			['A', 3, null],
			['B', 7, null],
		]);
		const [removed] = await run({ resource: 'catalog', operation: 'removePublishRule', channelAccount: 'shopify:loja', sku: 'A' });
		expect(removed).toEqual({ channel: 'shopify:loja', sku: 'A', removed: true });
		const [bad] = await run({ resource: 'catalog', operation: 'setPublishRule', channelAccount: 'shopify', rule: { sharePercent: 10 } }, undefined, true);
		expect((bad.error as IDataObject).message).toMatch(/Channel account must be "<channel>:<account>"/);
	});

	test('Set Channel Warehouses from comma lists, List, Remove', async () => {
		const [set] = await run({ resource: 'catalog', operation: 'setChannelWarehouses', channelAccount: 'mercadolivre:123', sells: 'default, sp', reservesIn: 'sp,default' });
		expect(set).toMatchObject({ channel: 'mercadolivre:123', sells: ['default', 'sp'], reservesIn: ['sp', 'default'] });
		expect(await run({ resource: 'catalog', operation: 'listChannelWarehouses' })).toEqual([expect.objectContaining({ channel: 'mercadolivre:123', sells: ['default', 'sp'] })]);
		expect(await run({ resource: 'catalog', operation: 'removeChannelWarehouses', channelAccount: 'mercadolivre:123' })).toEqual([{ channel: 'mercadolivre:123', removed: true }]);
	});
});
