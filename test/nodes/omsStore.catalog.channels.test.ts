import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { toStoreConfig } from '../../nodes/shared/store';
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
	test('Set Listing Rule on linked listings (from items), List, Remove; an unlinked listing is an error item naming it; Push Status shows the listing apart', async () => {
		await run({ resource: 'catalog', operation: 'linkListing', channel: 'shopify', account: 'loja', listingId: '={{ $json.listing }}', sku: 'CAMISA' }, [{ listing: 'P1' }, { listing: 'P2' }]);
		const set = await run({ resource: 'catalog', operation: 'setListingRule', channelAccount: 'shopify:loja', listingId: '={{ $json.listing }}', rule: { sharePercent: '={{ $json.share }}' } }, [
			{ listing: 'P2', share: 50 },
		]);
		expect(set).toEqual([expect.objectContaining({ channel: 'shopify:loja', listingId: 'P2', variantId: '', skus: ['CAMISA'], sharePercent: 50 })]);
		const [bad] = await run({ resource: 'catalog', operation: 'setListingRule', channelAccount: 'shopify:loja', listingId: 'P9', rule: { maxQuantity: 1 } }, undefined, true);
		expect((bad.error as IDataObject).message).toMatch(/listing P9: the listing is not linked to a SKU/);
		expect((await run({ resource: 'catalog', operation: 'listListingRules' })).map((r) => [r.listingId, r.sharePercent, r.skus])).toEqual([['P2', 50, ['CAMISA']]]);

		// Push Status: the SKU's row, and the listing's own row (its own number) beside it.
		const store = getSharedStore(toStoreConfig(credentials));
		await store.recordPushed('shopify:loja', [{ sku: 'CAMISA', value: 10, changeSeq: 1 }, { sku: 'CAMISA', listing: '["P2",""]', value: 5, changeSeq: 1 }]);
		const rows = await run({ resource: 'stock', operation: 'pushStatus', filters: { sku: 'CAMISA' } });
		expect(rows.map((r) => [r.listingId, r.pushedValue])).toEqual([[null, 10], ['P2', 5]]);

		expect(await run({ resource: 'catalog', operation: 'removeListingRule', channelAccount: 'shopify:loja', listingId: 'P2' })).toEqual([
			{ channel: 'shopify:loja', listingId: 'P2', variantId: '', skus: ['CAMISA'], removed: true },
		]);
		expect(await run({ resource: 'catalog', operation: 'listListingRules', channelAccount: 'shopify:loja' })).toEqual([]);
	});
});
