import type { IHttpRequestOptions } from 'n8n-workflow';
import { createHttpChannelAdapter } from '../../core/channels/http';
import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import { fillBody } from '../../core/channels/http/template';
import { createHttpChannelWriter } from '../../core/channels/http/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { HttpChannelOmsApi } from '../../credentials/HttpChannelOmsApi.credentials';
import { HttpChannelSimulator, httpOrder, simDefinition } from '../simulators/httpchan';
import { oneListing, tinyRetry } from './helpers/channel-test';

const { retry, sleeps } = tinyRetry(3);
let sim: HttpChannelSimulator;
const context = (definition: object, baseUrl = sim.baseUrl): AdapterContext => ({
	transport: createFetchTransport({ 'x-api-key': 'sim-key' }, 5000),
	baseUrl,
	account: 'minhaloja',
	retry,
	options: { definition: JSON.stringify(definition) },
});

beforeEach(async () => {
	sim = new HttpChannelSimulator('offset');
	await sim.start();
	sim.put(httpOrder({ id: 501, updatedAt: '2026-03-10T14:00:00Z' }));
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('configurable HTTP channel: write requests from the definition', () => {
	test('invoice, shipment and cancel send their bodies with the placeholders filled', async () => {
		const w = createHttpChannelWriter(context(EXAMPLE_DEFINITION));
		await w.pushInvoice!({ channelOrderId: '501', nfeKey: '3'.repeat(44), number: '1234', series: '1', issuedAt: '2026-03-10T15:00:00Z' });
		await w.pushShipment!({ channelOrderId: '501', carrier: 'Correios', trackingCode: 'BR123' });
		await w.cancelOrder!({ channelOrderId: '501', reason: 'sem estoque' });
		expect(sim.writes).toEqual([
			{ path: '/api/v1/orders/501/invoice', body: { key: '3'.repeat(44), number: '1234', series: '1', issued_at: '2026-03-10T15:00:00Z' } },
			// An absent value is null in a body.
			{ path: '/api/v1/orders/501/shipment', body: { carrier: 'Correios', tracking_code: 'BR123', tracking_url: null } },
			{ path: '/api/v1/orders/501/cancel', body: { reason: 'sem estoque' } },
		]);
	});

	test('a write the definition does not define fails with a message naming it; nothing is sent', async () => {
		const w = createHttpChannelWriter(context({ ...EXAMPLE_DEFINITION, writes: { stock: EXAMPLE_DEFINITION.writes!.stock } }));
		await expect(w.cancelOrder!({ channelOrderId: '501' })).rejects.toThrow('the channel definition has no "writes.cancel" request');
		expect(sim.writes).toEqual([]);
	});

	test('a shipment answered 503 is not resent (the platform may have applied it)', async () => {
		sim.injectFault({ kind: 'status', status: 503 }, /shipment$/);
		const w = createHttpChannelWriter(context(EXAMPLE_DEFINITION));
		await expect(w.pushShipment!({ channelOrderId: '501', carrier: 'X', trackingCode: 'Y' })).rejects.toMatchObject({ httpCode: 503 });
		expect(sim.requests(/shipment$/)).toHaveLength(1);
	});

	test('without a lookup a SKU is its own listing id, sent in the path URL-encoded', async () => {
		sim.route('PUT', '/api/v1/skus/:sku/stock', (req, p) => ({ status: 200, body: { sku: p.sku, q: (req.body as { q: number }).q } }));
		const def = { ...EXAMPLE_DEFINITION, writes: { stock: { method: 'PUT', path: '/api/v1/skus/{sku}/stock', body: { q: '{quantity}' } } } };
		const w = createHttpChannelWriter(context(def));
		const listings = await w.resolveListings(['CAM AZ/M']);
		expect(listings.get('CAM AZ/M')).toEqual({ listingId: 'CAM AZ/M' });
		expect(await w.pushStock([{ sku: 'CAM AZ/M', quantity: 4, listing: oneListing(listings.get('CAM AZ/M')) }])).toEqual([{ sku: 'CAM AZ/M', ok: true }]);
		expect(sim.requests(/skus/).map((r) => [r.path, r.body])).toEqual([['/api/v1/skus/CAM%20AZ%2FM/stock', { q: 4 }]]);
	});

	test('body templates: a lone placeholder keeps its type, text around one is text; an unknown placeholder is named', () => {
		expect(fillBody({ a: '{quantity}', b: 'SKU {sku}', c: ['{sku}'], d: 3 }, { quantity: 7, sku: 'X' }, 'writes.stock')).toEqual({
			a: 7,
			b: 'SKU X',
			c: ['X'],
			d: 3,
		});
		expect(() => fillBody({ a: '{qty}' }, { quantity: 7 }, 'writes.stock')).toThrow(
			'writes.stock uses {qty}, which this request does not have (it has: {quantity})',
		);
	});
});

describe('configurable HTTP channel: listing edges', () => {
	const window = { since: '2026-03-10T13:00:00Z', until: '2026-03-10T15:00:00Z', pageSize: 50 };

	test('a Link header pointing at another host is refused, not followed with the credential', async () => {
		sim.route('GET', '/elsewhere', () => ({ status: 200, body: { data: [] }, headers: { link: '<https://evil.example/api/v1/orders?after=1>; rel="next"' } }));
		const def = simDefinition('link');
		const adapter = createHttpChannelAdapter(context({ ...def, list: { ...def.list, path: '/elsewhere' } }));
		await expect(adapter.listChanged(window)).rejects.toThrow("The Link header's next page is on another host (evil.example)");
	});

	test('a carried-over Link page on another host (the base URL changed) is not requested: the window starts again', async () => {
		const adapter = createHttpChannelAdapter(context(simDefinition('link')));
		const page = await adapter.listChanged({ ...window, pageToken: 'https://old-host.example/api/v1/orders?after=1' });
		expect(page.items.map((o) => o.id)).toEqual([501]);
		expect(sim.requests(/\/api\/v1\/orders$/).map((r) => r.query.get('after'))).toEqual([null]);
	});

	test('a cursor listing that answers the cursor it was given fails instead of looping', async () => {
		sim.route('GET', '/stuck', () => ({ status: 200, body: { data: [], next_cursor: 'abc' } }));
		const def = simDefinition('cursor');
		const adapter = createHttpChannelAdapter(context({ ...def, list: { ...def.list, path: '/stuck' } }));
		await expect(adapter.listChanged({ ...window, pageToken: 'abc' })).rejects.toThrow('answered the cursor it was given');
	});

	test('an offset page that ends on an order without an id goes on at the plain offset (that order becomes an error item)', async () => {
		const { id: _id, ...noId } = httpOrder({ id: 0, updatedAt: '2026-03-10T14:02:00Z' });
		sim.put(httpOrder({ id: 502, updatedAt: '2026-03-10T14:03:00Z' }));
		sim.orders.set(-1, noId);
		const adapter = createHttpChannelAdapter(context(simDefinition('offset')));
		const first = await adapter.listChanged({ ...window, pageSize: 2 });
		expect(first.nextPageToken).toBe('2');
		const second = await adapter.listChanged({ ...window, pageSize: 2, pageToken: first.nextPageToken });
		expect([...first.items, ...second.items].map((o) => o.id)).toEqual([501, undefined, 502]);
		expect(() => adapter.identify(first.items[1])).toThrow('field "id" is required');
	});

	test('a response without the orders array is a channel fault, never an empty page', async () => {
		const adapter = createHttpChannelAdapter(context({ ...EXAMPLE_DEFINITION, list: { ...EXAMPLE_DEFINITION.list, itemsPath: 'orders' } }));
		await expect(adapter.listChanged(window)).rejects.toThrow('Expected an array of orders at "orders"');
	});

	test('the changed-since value in each format; details read by id when the definition asks', async () => {
		const formats = { iso: '2026-03-10T13:00:00Z', local: '2026-03-10T10:00:00', date: '2026-03-10', unix: '1773147600', unix_ms: '1773147600000' };
		for (const [format, sent] of Object.entries(formats)) {
			const def = { ...EXAMPLE_DEFINITION, list: { ...EXAMPLE_DEFINITION.list, changedSince: { param: 'updated_since', format } } };
			await createHttpChannelAdapter(context(def))
				.listChanged({ ...window, since: '2026-03-10T13:00:00.700Z' })
				.catch(() => undefined);
			expect(
				sim
					.requests(/\/api\/v1\/orders$/)
					.pop()!
					.query.get('updated_since'),
			).toBe(sent);
		}
		const adapter = createHttpChannelAdapter(context({ ...EXAMPLE_DEFINITION, order: { path: '/api/v1/orders/{id}', details: true } }));
		const [listed] = (await adapter.listChanged(window)).items;
		await adapter.getDetails!(listed);
		expect(sim.requests(/\/api\/v1\/orders\/501$/)).toHaveLength(1);
	});
});

describe('Configurable HTTP credential', () => {
	test('sends the configured header with the configured value', async () => {
		const req: IHttpRequestOptions = { url: '/api/v1/orders', headers: { accept: 'application/json' } };
		expect(await new HttpChannelOmsApi().authenticate({ headerName: 'X-Api-Key', headerValue: 's3cr3t' }, req)).toEqual({
			url: '/api/v1/orders',
			headers: { accept: 'application/json', 'X-Api-Key': 's3cr3t' },
		});
	});
});
