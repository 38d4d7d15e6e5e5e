import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { withShopeeSigning } from '../../core/channels/shopee/api';
import { createShopeeWriter, SHOPEE_INVOICE_MAX_BYTES } from '../../core/channels/shopee/writer';
import { multipartForm } from '../../core/channels/common/http';
import type { InvoiceInput } from '../../core/channels/types';
import { createFetchTransport, type HttpRequest, type HttpResponse } from '../../core/http/transport';
import { readForm } from '../simulators/multipart';
import { ShopeeSimulator, shopeeOrder } from '../simulators/shopee';
import { tinyRetry } from './helpers/channel-test';
import { SHOPEE_KEYS } from './conformance/drivers/shopee';

/**
 * Shopee NF-e write-back: v2.order.upload_invoice_doc. The published request sample, response sample and error
 * example are copied unchanged from congminh1254/shopee-sdk@cb231e9bdf6d6996b0c9d81825fc10e1acb39246:
 * schemas/v2.order.upload_invoice_doc.json (the API document of open.shopee.com, api_id 744) into
 * test/fixtures/published/shopee/upload_invoice_doc{.request,,.error}.json.
 */
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/shopee', name), 'utf8'));
const KEY = '33260312345678000190550010000012341123456780';
const XML = `<nfeProc versao="4.00"><NFe><infNFe Id="NFe${KEY}"><ide><serie>1</serie><nNF>1234</nNF></ide></infNFe></NFe><protNFe><infProt><chNFe>${KEY}</chNFe></infProt></protNFe></nfeProc>`;
const invoice = (over: Partial<InvoiceInput> = {}): InvoiceInput => ({ channelOrderId: '2603SN0001', nfeKey: KEY, number: '1234', series: '1', issuedAt: '2026-03-10T15:00:00Z', xml: XML, ...over });
const asSim = (req: HttpRequest) => ({ headers: req.headers as IncomingHttpHeaders, rawBody: String(req.body) }) as Parameters<typeof readForm>[0];

describe('Shopee NF-e on the published samples', () => {
	/** A transport answering one published body, recording what the writer sent. */
	const answering = (body: unknown) => {
		const sent: HttpRequest[] = [];
		const writer = createShopeeWriter({
			transport: async (req): Promise<HttpResponse> => (sent.push(req), { status: 200, headers: {}, body }),
			baseUrl: 'https://partner.shopeemobile.com',
			account: SHOPEE_KEYS.shopId,
			retry: tinyRetry(1).retry,
		});
		return { writer, sent };
	};

	it('sends the fields the request sample names, as multipart (file_type 4 = XML, the file = the nfeProc); the response sample is a success', async () => {
		const { writer, sent } = answering(load('upload_invoice_doc.json'));
		await writer.pushInvoice!(invoice());
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ method: 'POST', url: 'https://partner.shopeemobile.com/api/v2/order/upload_invoice_doc' });
		const form = readForm(asSim(sent[0]))!;
		expect(Object.keys({ ...form.fields, ...form.files }).sort()).toEqual(Object.keys(load('upload_invoice_doc.request.json')).sort());
		expect(form.fields).toEqual({ order_sn: '2603SN0001', file_type: '4' });
		expect(form.files.file).toMatchObject({ filename: 'nfeProc.xml', content: XML });
	});

	it("the published error example fails the write with Shopee's error and message", async () => {
		const { writer } = answering(load('upload_invoice_doc.error.json'));
		await expect(writer.pushInvoice!(invoice())).rejects.toThrow(/Shopee error_param: Wrong parameters, detail: field file_type type error\./);
	});
});

describe('Shopee NF-e against the simulator', () => {
	let sim: ShopeeSimulator;
	beforeEach(async () => {
		sim = new ShopeeSimulator(SHOPEE_KEYS);
		await sim.start();
		sim.put(shopeeOrder({ sn: '2603SN0001', updatedAt: '2026-03-10T14:00:00Z' }));
	});
	afterEach(() => sim.stop());
	const transport = () => withShopeeSigning(createFetchTransport({}, 5000), SHOPEE_KEYS, () => sim.token0());
	const writer = () => createShopeeWriter({ transport: transport(), baseUrl: sim.baseUrl, account: SHOPEE_KEYS.shopId, retry: tinyRetry(2).retry });

	it('uploads the XML: the order then shows the key, number and series in invoice_data, status valid', async () => {
		await writer().pushInvoice!(invoice());
		expect(sim.orders.get('2603SN0001')?.invoice_data).toEqual({ number: '1234', series_number: '1', access_key: KEY, status: 'valid', pending_reason: '' });
	});

	it('refuses before any call: no XML, an XML without the key, an XML above 1 MB', async () => {
		await expect(writer().pushInvoice!(invoice({ xml: undefined }))).rejects.toThrow(/needs the authorised NF-e XML .* order 2603SN0001/);
		await expect(writer().pushInvoice!(invoice({ nfeKey: '3'.repeat(44) }))).rejects.toThrow(/order 2603SN0001: the NF-e XML does not hold the access key 3{44}/);
		const big = XML.replace('</nfeProc>', `<!--${'x'.repeat(SHOPEE_INVOICE_MAX_BYTES)}--></nfeProc>`);
		await expect(writer().pushInvoice!(invoice({ xml: big }))).rejects.toThrow(/above Shopee's 1 MB limit/);
		expect(sim.requests(/upload_invoice_doc$/)).toHaveLength(0);
	});

	it("an unknown order is Shopee's refusal, and nothing is attached", async () => {
		await expect(writer().pushInvoice!(invoice({ channelOrderId: 'NOPE' }))).rejects.toThrow(/error_param: The information you queried is not found/);
		expect(sim.orders.get('2603SN0001')?.invoice_data).toBeUndefined();
	});

	it('the simulator refuses what the document requires: order_sn, file_type (1-4), file; a file that is not an NF-e', async () => {
		const post = async (fields: Record<string, string | undefined>, file?: string) => {
			const form = multipartForm(fields, file === undefined ? {} : { file: { filename: 'nfeProc.xml', content: file, type: 'application/xml' } });
			const res = await transport()({ method: 'POST', url: `${sim.baseUrl}/api/v2/order/upload_invoice_doc`, ...form });
			return res.body as { error: string; message: string };
		};
		expect(await post({ file_type: '4' }, XML)).toMatchObject({ error: 'error_param', message: expect.stringContaining('order_sn') });
		expect(await post({ order_sn: '2603SN0001' }, XML)).toMatchObject({ error: 'error_param', message: expect.stringContaining('file_type') });
		expect(await post({ order_sn: '2603SN0001', file_type: 'xml' }, XML)).toMatchObject({ error: 'error_param', message: 'Wrong parameters, detail: field file_type type error.' });
		expect(await post({ order_sn: '2603SN0001', file_type: '4' })).toMatchObject({ error: 'error_param', message: expect.stringContaining('file') });
		expect(await post({ order_sn: '2603SN0001', file_type: '4' }, '<html/>')).toMatchObject({ error: 'order.upload_invoice_error', message: 'File error.' });
		expect(sim.orders.get('2603SN0001')?.invoice_data).toBeUndefined();
		expect(await post({ order_sn: '2603SN0001', file_type: '4' }, XML)).toEqual({ request_id: 'sim', error: '', message: '' });
	});
});
