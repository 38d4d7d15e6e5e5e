import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { listingOrder } from '../fixtures/unlinked';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** OMS Store → Catalog through n8n's ExecuteContext on both drivers: a sheet of links, List Unlinked, Unlink. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
const FROM_ITEM = { channel: '={{ $json.channel }}', account: '={{ $json.account }}', listingId: '={{ $json.listing }}', variantId: '={{ $json.variant }}', sku: '={{ $json.sku }}' };

afterAll(() => closeSharedStores());

describe.each(DRIVERS)('OMS Store node, Catalog on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, items?: IDataObject[], continueOnFail?: boolean) =>
		(await runNode({ credentials, parameters, items, continueOnFail })).map((o) => o.json);

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		await run({ resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: 10 }, [{ sku: 'CAMISA-P' }, { sku: 'CANECA' }]);
		await run({ resource: 'order', operation: 'apply' }, [
			listingOrder('1', 'paid', [{ listing: 'MLB1', variant: '7', quantity: 2, title: 'Camisa azul P' }]),
			listingOrder('2', 'pending_payment', [{ listing: 'MLB1', variant: '7', quantity: 1, title: 'Camisa azul P' }, { listing: 'MLB2', quantity: 4, title: 'Caneca' }]),
		] as unknown as IDataObject[]);
	});

	test('List Unlinked: one item per listing with its title, the units and the orders waiting', async () => {
		const out = await run({ resource: 'catalog', operation: 'listUnlinked' });
		expect(out.map((l) => [l.listingId, l.variantId, l.title, l.quantity, (l.orders as IDataObject[]).map((o) => o.channelOrderId)])).toEqual([
			['MLB1', '7', 'Camisa azul P', 3, ['1', '2']],
			['MLB2', '', 'Caneca', 4, ['2']],
		]);
	});

	test('Link Listing from sheet rows: one link per item, the waiting orders reserved; a listing linked elsewhere is an error item', async () => {
		const rows = [
			{ channel: 'shopify', account: 'loja-teste', listing: 'MLB1', variant: '7', sku: 'CAMISA-P' },
			{ channel: 'shopify', account: 'loja-teste', listing: 'MLB2', variant: '', sku: 'CANECA' },
			{ channel: 'shopify', account: 'loja-teste', listing: '', variant: '', sku: 'CANECA' },
		];
		const out = await run({ resource: 'catalog', operation: 'linkListing', ...FROM_ITEM }, rows, true);
		expect(out[0]).toMatchObject({ listingId: 'MLB1', sku: 'CAMISA-P', outcome: 'linked' });
		expect((out[0].orders as IDataObject[]).map((o) => o.orderKey)).toEqual(['shopify:loja-teste:1', 'shopify:loja-teste:2']);
		expect(out[1]).toMatchObject({ listingId: 'MLB2', outcome: 'linked' });
		expect(out[2]).toEqual({ error: { message: 'Listing ID is empty' } });
		expect(await run({ resource: 'catalog', operation: 'listUnlinked' })).toEqual([]);
		const [camisa, caneca] = await run({ resource: 'stock', operation: 'getAvailability', scope: 'list', skus: 'CAMISA-P, CANECA' });
		expect([camisa.reserved, caneca.reserved]).toEqual([3, 4]);
		const links = await run({ resource: 'catalog', operation: 'listLinks', filters: { sku: 'CAMISA-P' } });
		expect(links).toEqual([expect.objectContaining({ listingId: 'MLB1', variantId: '7', sku: 'CAMISA-P', source: 'bulk' })]);

		const [conflict] = await run({ resource: 'catalog', operation: 'linkListing', ...FROM_ITEM }, [{ ...rows[0], sku: 'CANECA' }], true);
		expect(conflict).toEqual({ error: { message: 'Listing MLB1 variant 7 on shopify (loja-teste) is already linked to SKU CAMISA-P: unlink it first to link it to CANECA' } });
		const [unlinked] = await run({ resource: 'catalog', operation: 'unlinkListing', ...FROM_ITEM }, [rows[0]]);
		expect(unlinked).toMatchObject({ listingId: 'MLB1', sku: 'CAMISA-P', removed: true });
	});
});
