import { MAGALU_DEFAULT_CHANNEL_ID } from '../../core/channels/magalu';
import { createMagaluWriter } from '../../core/channels/magalu/writer';
import type { ChannelWriter, InvoiceInput } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { MagaluSimulator, magaluOrder, type MagaluRaw } from '../simulators/magalu';
import { tinyRetry } from './helpers/channel-test';

const auth = { accessToken: 'jwt-sim-access', channelId: MAGALU_DEFAULT_CHANNEL_ID };
const { retry } = tinyRetry(3);
const ORDER = '00000000-0000-4000-8000-000000000001';
const NFE_KEY = '35240712345678000190550010000000941364117781';
const XML = '<nfeProc versao="4.00"><NFe/></nfeProc>';

let sim: MagaluSimulator;
const writerWith = (token = auth.accessToken): ChannelWriter =>
	createMagaluWriter({ transport: createFetchTransport({ authorization: `Bearer ${token}` }, 5000), baseUrl: sim.baseUrl, account: 'loja', retry });
const update = (sku: string, quantity: number) => ({ sku, quantity, listing: { listingId: sku } });
const invoice: InvoiceInput = { channelOrderId: ORDER, nfeKey: NFE_KEY, number: '94', series: '1', issuedAt: '2024-07-22T13:06:28.000Z', xml: XML };
const deliveries = () => sim.orders.get(ORDER)!.deliveries as MagaluRaw[];

beforeEach(async () => {
	sim = new MagaluSimulator(auth);
	await sim.start();
	sim.portfolio.set('livro_01', undefined).set('livro_02', undefined);
});
afterEach(() => sim.stop());

describe('Magalu writer: stock', () => {
	it('maps each SKU to itself without a call', async () => {
		const found = await writerWith().resolveListings(['livro_01', 'x']);
		expect([...found]).toEqual([
			['livro_01', { listingId: 'livro_01' }],
			['x', { listingId: 'x' }],
		]);
		expect(sim.log).toHaveLength(0);
	});

	it('patches the available stock per SKU with the channel, and isolates an unknown SKU', async () => {
		const results = await writerWith().pushStock([update('livro_01', 12), update('not_in_portfolio', 1), update('livro_02', 0)]);
		expect(results).toEqual([
			{ sku: 'livro_01', ok: true },
			{ sku: 'not_in_portfolio', ok: false, error: expect.objectContaining({ httpCode: 404 }) },
			{ sku: 'livro_02', ok: true },
		]);
		expect(sim.portfolio.get('livro_01')).toBe(12);
		expect(sim.portfolio.get('livro_02')).toBe(0);
		const patch = sim.requests(/portfolios\/stocks\/livro_01$/)[0];
		expect(patch.method).toBe('PATCH');
		expect(patch.headers['x-channel-id']).toBe(MAGALU_DEFAULT_CHANNEL_ID);
		expect(patch.body).toEqual({ quantity: 12, type: 'AVAILABLE', channel: { id: MAGALU_DEFAULT_CHANNEL_ID } });
	});
});

describe('Magalu writer: NF-e', () => {
	it("posts the NF-e to the order's delivery with the documented fields and the amount as a decimal", async () => {
		sim.put(magaluOrder({ id: ORDER, updatedAt: '2024-07-20T10:00:00.000Z' }));
		await writerWith().pushInvoice!({ ...invoice, totalCents: 10037 });
		const [post] = sim.requests(/invoices$/);
		expect(post.path).toBe(`/seller/v1/deliveries/${deliveries()[0].id}/invoices`);
		expect(post.body).toEqual({ key: NFE_KEY, issued_at: invoice.issuedAt, amount: 100.37, channel: { id: MAGALU_DEFAULT_CHANNEL_ID }, xml: XML });
		expect(deliveries()[0].invoices).toEqual([expect.objectContaining({ key: NFE_KEY, status: { id: 'awaiting_validation' } })]);
	});

	it("takes the delivery's own total when no total is given, and skips cancelled deliveries", async () => {
		sim.put(
			magaluOrder({
				id: ORDER, updatedAt: '2024-07-20T10:00:00.000Z',
				deliveries: [
					{ status: 'cancelled', items: [{ sku: 'livro_01', quantity: 1, unitPrice: 5000 }] },
					{ status: 'approved', items: [{ sku: 'livro_02', quantity: 2, unitPrice: 2550 }] },
				],
			}),
		);
		await writerWith().pushInvoice!(invoice);
		const [post] = sim.requests(/invoices$/);
		expect(post.path).toContain(String(deliveries()[1].id));
		expect((post.body as { amount: number }).amount).toBe(51);
	});

	it('refuses, naming the order, when the XML is missing or the order has several open deliveries', async () => {
		sim.put(
			magaluOrder({
				id: ORDER, updatedAt: '2024-07-20T10:00:00.000Z',
				deliveries: [
					{ status: 'approved', items: [{ sku: 'livro_01', quantity: 1, unitPrice: 5000 }] },
					{ status: 'approved', items: [{ sku: 'livro_02', quantity: 1, unitPrice: 5000 }] },
				],
			}),
		);
		await expect(writerWith().pushInvoice!({ ...invoice, xml: undefined })).rejects.toThrow(/XML/);
		await expect(writerWith().pushInvoice!(invoice)).rejects.toThrow(new RegExp(`${ORDER} has 2 open deliveries`));
		expect(sim.requests(/invoices$/)).toHaveLength(0);
		// With the delivery named as the group id, its NF-e goes to that delivery; a delivery of another order is refused.
		await writerWith().pushInvoice!({ ...invoice, groupId: String(deliveries()[1].id) });
		expect(sim.requests(/invoices$/).map((r) => r.path)).toEqual([`/seller/v1/deliveries/${deliveries()[1].id}/invoices`]);
		await expect(writerWith().pushInvoice!({ ...invoice, groupId: 'not-this-order' })).rejects.toThrow(`Magalu order ${ORDER} has no open delivery not-this-order (group id)`);
	});

	it('leaves shipment and cancellation out (not documented)', () => {
		const w = writerWith();
		expect(w.pushShipment).toBeUndefined();
		expect(w.cancelOrder).toBeUndefined();
	});
});
