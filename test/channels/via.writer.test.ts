import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { VIA_STATUS } from '../../core/channels/via/status';
import { createViaWriter } from '../../core/channels/via/writer';
import { ViaOmsApi } from '../../credentials/ViaOmsApi.credentials';
import { viaOrder } from '../simulators/via';
import { VIA_KEYS, viaContext, viaSim, viaWriterDriver } from './conformance/drivers/via';
import { tinyRetry } from './helpers/channel-test';

const writer = () => createViaWriter(viaContext(tinyRetry(2).retry));
const NFE = '35260312345678000190550010000123451000123456';
const at = '2026-03-10T14:00:00-03:00';
const put = (id: string, status = 'PAY') => viaSim().put(viaOrder({ id, purchasedAt: at, at, status, units: [{ sku: '14080', price: 139, count: 2 }] }));

describe('Via writer', () => {
	beforeEach(() => viaWriterDriver.start());
	afterEach(() => viaWriterDriver.stop());

	it("stock: the quantity with the item's own crossDockingTime sent back", async () => {
		await writer().pushStock([{ sku: '14080', quantity: 8, listing: { listingId: '14080' } }]);
		expect(
			viaSim()
				.requests(/\/stock$/)
				.map((r) => r.body),
		).toEqual([{ quantity: 8, crossDockingTime: 2 }]);
		expect(viaSim().items.get('14080')).toEqual({ quantity: 8, crossDockingTime: 2 });
	});

	it("invoice, then shipment: trackings naming the order's item ids; the order becomes SHP", async () => {
		put('777');
		await writer().pushInvoice!({ channelOrderId: '777', nfeKey: NFE, number: '12345', series: '1', issuedAt: at });
		expect(viaSim().requests(/\/trackings\/invoice$/)[0].body).toEqual({
			items: ['777-1', '777-2'],
			occurredAt: at,
			invoice: { number: '12345', serie: '1', accessKey: NFE, issuedAt: at },
		});
		await writer().pushShipment!({
			channelOrderId: '777',
			carrier: 'Correios',
			trackingCode: 'PE327842878BR',
			trackingUrl: 'https://rastreamento.correios.com.br',
			shippedAt: at,
		});
		expect(viaSim().requests(/\/trackings\/sent$/)[0].body).toEqual({
			items: ['777-1', '777-2'],
			occurredAt: at,
			number: 'PE327842878BR',
			url: 'https://rastreamento.correios.com.br',
			sellerDeliveryId: '777-PE327842878BR',
			carrier: { name: 'Correios' },
		});
		expect(viaSim().orders.get('777')?.order.status).toBe('SHP');
	});

	it('a second parcel names only the items not yet sent; cancel names every item and is refused once shipped', async () => {
		put('778');
		(viaSim().orders.get('778')!.order.items as Array<{ sent: boolean }>)[0].sent = true;
		await writer().pushShipment!({ channelOrderId: '778', carrier: 'Jadlog', trackingCode: 'J2' });
		expect((viaSim().requests(/\/trackings\/sent$/)[0].body as { items: string[] }).items).toEqual(['778-2']);
		await expect(writer().cancelOrder!({ channelOrderId: '778' })).rejects.toMatchObject({ httpCode: 422 });
		put('779');
		await writer().cancelOrder!({ channelOrderId: '779' });
		expect(
			(
				viaSim()
					.requests(/\/trackings\/cancel$/)
					.pop()!.body as { items: string[] }
			).items,
		).toEqual(['779-1', '779-2']);
		expect(viaSim().orders.get('779')?.order.status).toBe('CAN');
	});
});

describe('Via writer: delivery', () => {
	beforeEach(() => viaWriterDriver.start());
	afterEach(() => viaWriterDriver.stop());

	it('a "delivered" tracking naming every item of a sent order; an order not sent is refused', async () => {
		put('780', 'SHP');
		await writer().confirmDelivery!({ channelOrderId: '780', deliveredAt: '2026-03-12T10:00:00-03:00' });
		expect(viaSim().requests(/\/trackings\/delivered$/)[0].body).toEqual({ items: ['780-1', '780-2'], occurredAt: '2026-03-12T10:00:00-03:00' });
		expect(viaSim().orders.get('780')?.order.status).toBe('DLV');
		put('781');
		await expect(writer().confirmDelivery!({ channelOrderId: '781' })).rejects.toMatchObject({ httpCode: 422 });
	});
});

describe('ViaOmsApi credential', () => {
	beforeEach(() => viaWriterDriver.start());
	afterEach(() => viaWriterDriver.stop());

	it('sends client_id and access_token and tests with one approved order; a wrong token is 401', async () => {
		const cred = new ViaOmsApi();
		expect(cred.authenticate.properties.headers).toMatchObject({ client_id: '={{$credentials.clientId}}', access_token: '={{$credentials.accessToken}}' });
		expect(cred.test.request).toMatchObject({ url: '/orders/status/approved', qs: { _offset: 0, _limit: 1 } });
		const url = `${viaSim().baseUrl}/orders/status/approved?_offset=0&_limit=1`;
		expect((await fetch(url, { headers: { client_id: VIA_KEYS.clientId, access_token: VIA_KEYS.accessToken } })).status).toBe(200);
		expect((await fetch(url, { headers: { client_id: VIA_KEYS.clientId, access_token: 'wrong' } })).status).toBe(401);
	});
});

describe('README: Via', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('status (code)', VIA_STATUS));
	});
});
