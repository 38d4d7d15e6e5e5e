import { createTrayWriter } from '../../core/channels/tray/writer';
import type { ChannelWriter, StockUpdate } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { TraySimulator, trayOrder } from '../simulators/tray';
import { tinyRetry } from './helpers/channel-test';

const { retry, sleeps } = tinyRetry();
let sim: TraySimulator;
const writer = (options?: Record<string, string>): ChannelWriter => {
	const fetchTransport = createFetchTransport({}, 5000);
	return createTrayWriter({ transport: (req) => fetchTransport({ ...req, query: { ...req.query, access_token: sim.token() } }), baseUrl: sim.apiAddress, account: '391250', retry, options });
};
const update = (sku: string, quantity: number, listingId: string, variantId?: string): StockUpdate => ({ sku, quantity, listing: { listingId, variantId } });

beforeEach(async () => {
	sim = new TraySimulator({ consumerKey: 'ck', consumerSecret: 'cs', code: 'code' });
	await sim.start();
	sim.putProduct({ id: 13, reference: 'NB-AW', stock: 4, variants: [{ id: 25, reference: 'NB-AW-110', stock: 2 }, { id: 26, reference: 'NB-AW-220', stock: 1 }] }, { id: 14, reference: 'MOUSE', stock: 9 });
	sim.put(trayOrder({ id: 15, modifiedAt: '2026-03-10T12:00:00Z' }));
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('Tray writer: listings and stock', () => {
	it('resolves a variation by its reference, else the product; prefix matches are not taken', async () => {
		const refs = await writer().resolveListings(['NB-AW-110', 'MOUSE', 'NB-AW-1', 'NOPE']);
		expect(Object.fromEntries(refs)).toEqual({ 'NB-AW-110': { listingId: '13', variantId: '25' }, MOUSE: { listingId: '14' } });
		expect(sim.requests(/variants$/)[0].query.get('reference')).toBe('NB-AW-110');
	});

	it('sets absolute stock: PUT /products/variants/:id {Variant} and PUT /products/:id {Product}', async () => {
		expect(await writer().pushStock([update('NB-AW-110', 7, '13', '25'), update('MOUSE', 0, '14')])).toEqual([
			{ sku: 'NB-AW-110', ok: true },
			{ sku: 'MOUSE', ok: true },
		]);
		expect(sim.requests(/variants\/25$/)[0].body).toEqual({ Variant: { stock: 7 } });
		expect(sim.requests(/products\/14$/)[0].body).toEqual({ Product: { stock: 0 } });
		expect(sim.products.get(13)!.variants![0].stock).toBe(7);
		expect(sim.products.get(14)!.stock).toBe(0);
	});

	it('one unknown SKU fails alone; a 429 is waited out; 500 on every attempt is ok:false with its code', async () => {
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '1' }, /products\/14$/);
		const results = await writer().pushStock([update('GONE', 1, '999'), update('MOUSE', 3, '14')]);
		expect(results[0]).toMatchObject({ sku: 'GONE', ok: false, error: { httpCode: 404 } });
		expect(results[1]).toEqual({ sku: 'MOUSE', ok: true });
		expect(sleeps).toEqual([1000]);
		for (let i = 0; i < 3; i++) sim.injectFault({ kind: 'status', status: 500 }, /products\/14$/);
		expect((await writer().pushStock([update('MOUSE', 5, '14')]))[0]).toMatchObject({ ok: false, error: { httpCode: 500 } });
		expect(sim.products.get(14)!.stock).toBe(3);
	});
});

describe('Tray writer: orders', () => {
	it('registers the NF-e on the order (issue date in store time, value from cents)', async () => {
		await writer().pushInvoice!({ channelOrderId: '15', nfeKey: '3'.repeat(44), number: '1234', series: '1', issuedAt: '2026-03-10T01:30:00Z', url: 'https://nfe/danfe.pdf', totalCents: 10871 });
		expect(sim.invoices[0]).toEqual({ orderId: 15, body: { issue_date: '2026-03-09', number: '1234', serie: '1', key: '3'.repeat(44), value: '108.71', link: 'https://nfe/danfe.pdf' } });
		expect((sim.orders.get(15)!.OrderInvoice as unknown[]).length).toBe(1);
	});

	it('writes the tracking code on the order, with the store\'s sent status when configured', async () => {
		await writer({ shippedStatusId: '16' }).pushShipment!({ channelOrderId: '15', carrier: 'Correios', trackingCode: 'BR1', trackingUrl: 'https://rastreio/BR1', shippedAt: '2026-03-10T15:00:00Z' });
		expect(sim.requests(/orders\/15$/)[0].body).toEqual({ Order: { sending_code: 'BR1', sending_date: '2026-03-10', tracking_url: 'https://rastreio/BR1', status_id: '16' } });
		expect(sim.orders.get(15)).toMatchObject({ sending_code: 'BR1', tracking_url: 'https://rastreio/BR1' });
	});

	it('cancels with PUT /orders/cancel/:id; an unknown order is a 404', async () => {
		await writer().cancelOrder!({ channelOrderId: '15' });
		expect(sim.orders.get(15)).toMatchObject({ status: 'CANCELADO' });
		await expect(writer().cancelOrder!({ channelOrderId: '404' })).rejects.toMatchObject({ httpCode: 404 });
	});
});
