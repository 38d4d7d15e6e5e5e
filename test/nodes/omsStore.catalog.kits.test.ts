import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { description as catalogOperations } from '../../nodes/OmsStore/actions/catalog/Catalog.resource';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, type DriverName } from './helpers/stores';

/** Catalog → Define Kit / Remove Kit / List Kits through n8n's ExecuteContext, on both drivers. */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];

afterAll(() => closeSharedStores());

test('the kit operations say what a kit does and that held orders keep their definition', () => {
	const ops = catalogOperations.flatMap((p) => (p.name === 'operation' ? ((p.options ?? []) as Array<{ value: string; description?: string }>) : []));
	expect(ops.find((o) => o.value === 'defineKit')!.description).toMatch(/reserves and deducts its components/);
	expect(ops.find((o) => o.value === 'removeKit')!.description).toMatch(/keep the components they reserved/);
});

describe.each(DRIVERS)('OMS Store node, Catalog kits on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, items?: IDataObject[], continueOnFail?: boolean) =>
		(await runNode({ credentials, parameters, items, continueOnFail })).map((o) => o.json);

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		await run({ resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: '={{ $json.n }}' }, [
			{ sku: 'SHAMPOO', n: 10 },
			{ sku: 'CONDITIONER', n: 9 },
		]);
	});

	test('Define Kit from a list and from sheet text; List Kits shows how many kits can be sold; an order for the kit reserves components', async () => {
		const [defined] = await run({
			resource: 'catalog',
			operation: 'defineKit',
			kitSku: 'KIT-1',
			componentsInput: 'list',
			components: { component: [{ sku: 'SHAMPOO', quantity: 1 }, { sku: 'CONDITIONER', quantity: 2 }] },
		});
		expect(defined).toMatchObject({ sku: 'KIT-1', changed: true, previous: null, components: [{ sku: 'CONDITIONER', quantity: 2 }, { sku: 'SHAMPOO', quantity: 1 }] });
		const fromSheet = await run({ resource: 'catalog', operation: 'defineKit', kitSku: '={{ $json.kit }}', componentsInput: 'text', componentsText: '={{ $json.parts }}' }, [
			{ kit: 'KIT-2', parts: 'SHAMPOO:3' },
			{ kit: 'KIT-3', parts: 'KIT-1:1, SHAMPOO' },
		]);
		expect(fromSheet.map((k) => k.sku)).toEqual(['KIT-2', 'KIT-3']);

		await run({ resource: 'order', operation: 'apply' }, [order('1', 'paid', [['KIT-1', 2]]) as unknown as IDataObject]);
		const kits = await run({ resource: 'catalog', operation: 'listKits' });
		expect(kits.map((k) => [k.sku, (k.availability as IDataObject[])[0].available])).toEqual([
			['KIT-1', 2], // shampoo 8, conditioner 5 → min(8, 2)
			['KIT-2', 2], // 8 / 3
			['KIT-3', 2], // shampoo 2 per kit: 8 / 2 = 4; conditioner 2 per kit: 5 / 2 = 2
		]);
		expect(kits[2].stockComponents).toEqual([{ sku: 'CONDITIONER', quantity: 2 }, { sku: 'SHAMPOO', quantity: 2 }]);

		const [changed] = await run({ resource: 'catalog', operation: 'defineKit', kitSku: 'KIT-1', componentsInput: 'text', componentsText: 'SHAMPOO:1' });
		expect(changed).toMatchObject({ changed: true, openOrdersKeepingTheirDefinition: 1 });
		expect(changed.note).toMatch(/keep what they reserved/);
		const [removed] = await run({ resource: 'catalog', operation: 'removeKit', kitSku: 'KIT-2' });
		expect(removed).toMatchObject({ sku: 'KIT-2', components: [], previous: [{ sku: 'SHAMPOO', quantity: 3 }] });
	});

	test('a cycle or a malformed component is an error item naming the kit', async () => {
		await run({ resource: 'catalog', operation: 'defineKit', kitSku: 'A-KIT', componentsInput: 'text', componentsText: 'SHAMPOO:1' });
		await run({ resource: 'catalog', operation: 'defineKit', kitSku: 'B-KIT', componentsInput: 'text', componentsText: 'A-KIT:2' });
		const out = await run({ resource: 'catalog', operation: 'defineKit', kitSku: '={{ $json.kit }}', componentsInput: 'text', componentsText: '={{ $json.parts }}' }, [
			{ kit: 'A-KIT', parts: 'B-KIT:1' },
			{ kit: 'C-KIT', parts: 'SHAMPOO:two' },
		], true);
		expect(out).toEqual([
			{ error: { message: 'Kit A-KIT: component B-KIT would make a cycle (A-KIT → B-KIT → A-KIT): a kit cannot contain itself' } },
			{ error: { message: 'Kit C-KIT: "SHAMPOO:two" is not "SKU:quantity" (quantity a whole number)' } },
		]);
	});
});
