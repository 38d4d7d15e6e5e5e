import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { closeSharedStores, getSharedStore } from '../../core/store/open';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential } from './helpers/stores';

/** OMS Store → Catalog → Set Barcodes through n8n's ExecuteContext: rows of a sheet, a wrong barcode refused. */

afterAll(() => closeSharedStores());

let credentials: ICredentialDataDecryptedObject;
const run = async (parameters: INodeParameters, items?: IDataObject[], continueOnFail?: boolean) =>
	(await runNode({ credentials, parameters, items, continueOnFail })).map((o) => o.json);

beforeEach(async () => {
	credentials = await freshCredential('sqlite');
});

test('one SKU and barcode per item (the defaults read $json.sku and $json.gtin); a wrong check digit fails the run naming the SKU', async () => {
	const out = await run({ resource: 'catalog', operation: 'setBarcodes' }, [
		{ sku: 'CAMISA-P', gtin: '7891000315507' },
		{ sku: 'CANECA', gtin: '036000291452' },
	]);
	expect(out).toEqual([
		{ sku: 'CAMISA-P', gtin: '7891000315507' },
		{ sku: 'CANECA', gtin: '036000291452' },
	]);
	const store = getSharedStore({ driver: 'sqlite', path: String(credentials.sqlitePath) });
	expect(await store.barcodesOf(['CAMISA-P', 'CANECA'])).toEqual(new Map([['CAMISA-P', ['7891000315507']], ['CANECA', ['036000291452']]]));
	await expect(run({ resource: 'catalog', operation: 'setBarcodes' }, [{ sku: 'X', gtin: '7891000315508' }])).rejects.toThrow(/SKU X: barcode "7891000315508" is not a valid GTIN\/EAN/);
});
