import { olistChannel } from '../../core/channels/olist';
import { createOlistWriter } from '../../core/channels/olist/writer';
import { createFetchTransport, type HttpTransport } from '../../core/http/transport';
import { OlistSimulator, olistOrder } from '../simulators/olist';
import { OLIST_APP } from './conformance/drivers/olist';
import { oneListing, tinyRetry } from './helpers/channel-test';

describe('Olist writer', () => {
	let sim: OlistSimulator;
	const key = '41260318739399000192550010001349651701411422';
	const xml = `<nfeProc><NFe><infNFe Id="NFe${key}"/></NFe><protNFe><infProt><chNFe>${key}</chNFe></infProt></protNFe></nfeProc>`;

	async function writer() {
		const idToken = await sim.authorize();
		const fetchTransport = createFetchTransport({}, 5000);
		const transport: HttpTransport = (req) => fetchTransport({ ...req, headers: { ...req.headers, authorization: `JWT ${idToken}` } });
		return createOlistWriter({ transport, baseUrl: sim.apiBase, account: 'seller-1', retry: tinyRetry(3).retry });
	}

	beforeEach(async () => {
		sim = new OlistSimulator(OLIST_APP);
		await sim.start();
		sim.put(olistOrder({ code: 'ORDW00000001', updatedAt: '2026-03-10T12:00:00Z' }));
		sim.products.set('MOUSE', { quantity: 9, availability_days: 3 });
	});
	afterEach(() => sim.stop());

	it('NF-e: the XML goes to PATCH …/invoice/; Olist processes it asynchronously (invoice_processing → invoiced)', async () => {
		await (
			await writer()
		).pushInvoice!({ channelOrderId: 'ORDW00000001', nfeKey: key, number: '134965', series: '1', issuedAt: '2026-03-10T13:00:00Z', xml });
		expect(sim.requests(/\/invoice\/$/).map((r) => [r.method, (r.body as { xml: string }).xml])).toEqual([['PATCH', xml]]);
		expect(sim.orders.get('ORDW00000001')!.status).toBe('invoice_processing');
		sim.processInvoices();
		expect(sim.orders.get('ORDW00000001')).toMatchObject({ status: 'invoiced', invoice_key: key });
	});

	it('an NF-e without its XML is refused before any call, naming the order', async () => {
		await expect(
			(await writer()).pushInvoice!({ channelOrderId: 'ORDW00000001', nfeKey: key, number: '1', series: '1', issuedAt: '2026-03-10T13:00:00Z' }),
		).rejects.toThrow(/Olist needs the NF-e XML to invoice order ORDW00000001/);
		expect(sim.requests(/\/invoice\/$/)).toEqual([]);
	});

	it("stock keeps the product's availability days; shipment and cancel are not supported (Olist ships; no seller cancel)", async () => {
		const w = await writer();
		const listing = oneListing((await w.resolveListings(['MOUSE'])).get('MOUSE'));
		expect(await w.pushStock([{ sku: 'MOUSE', quantity: 4, listing }])).toEqual([{ sku: 'MOUSE', ok: true }]);
		expect(sim.products.get('MOUSE')).toEqual({ quantity: 4, availability_days: 3 });
		expect(w.pushShipment).toBeUndefined();
		expect(w.cancelOrder).toBeUndefined();
		expect(olistChannel.capabilities.writes).toEqual(['invoice']);
	});
});
