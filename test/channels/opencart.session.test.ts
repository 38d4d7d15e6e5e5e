import { createHttpChannelAdapter } from '../../core/channels/http';
import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';
import { forgetSessions } from '../../core/channels/http/session';
import { createHttpChannelWriter } from '../../core/channels/http/writer';
import type { AdapterContext } from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';
import { createFetchTransport } from '../../core/http/transport';
import { OpenCartSimulator } from '../simulators/opencart';
import { tinyRetry } from './helpers/channel-test';

const { retry } = tinyRetry(3);
let sim: OpenCartSimulator;
const context = (secret = 'chave-api-256', definition: object = OPENCART_DEFINITION): AdapterContext => ({
	transport: createFetchTransport({}, 5000),
	baseUrl: sim.baseUrl,
	account: 'loja-opencart',
	retry,
	options: { definition: JSON.stringify(definition), loginUsername: 'Default', loginSecret: secret },
});
const window = { since: '2026-03-10T14:00:00.000Z', until: '2026-03-10T15:00:00.000Z', pageSize: 50 };
const routes = () => sim.requests().map((r) => `${r.method} ${r.query.get('route')}`);
const listedIds = async (ctx = context()) => (await createHttpChannelAdapter(ctx).listChanged(window)).items.map((o) => o.order_id);

beforeEach(async () => {
	forgetSessions();
	sim = new OpenCartSimulator();
	await sim.start();
	sim.put({ id: 41, updatedAt: '2026-03-10T14:10:00Z' });
});
afterEach(() => sim.stop());

describe('OpenCart: the api/login session', () => {
	test('one login serves later listings, across adapters (a trigger and Status Sync share it); the token rides in api_token', async () => {
		expect(await listedIds()).toEqual(['41']);
		expect(await listedIds()).toEqual(['41']);
		expect(routes()).toEqual(['POST api/login', 'GET extension/feed/gss_api/orders', 'GET extension/feed/gss_api/orders']);
		expect(sim.sessionCount).toBe(1);
		const login = sim.requests()[0];
		expect(login.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(login.rawBody))).toEqual({ username: 'Default', key: 'chave-api-256' });
		expect(sim.requests()[1].query.get('api_token')).toMatch(/^[0-9a-f]{26}$/);
	});

	test('a session OpenCart dropped (its permission error with 200) logs in once more and the listing goes on', async () => {
		await listedIds();
		sim.expireSessions();
		expect(await listedIds()).toEqual(['41']);
		expect(routes().slice(2)).toEqual(['GET extension/feed/gss_api/orders', 'POST api/login', 'GET extension/feed/gss_api/orders']);
		const [, first, , , again] = sim.requests();
		expect(again.query.get('api_token')).not.toBe(first.query.get('api_token'));
	});

	test('a session older than ttlSeconds is renewed before the request, not after a refusal', async () => {
		await listedIds();
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 3001_000);
		try {
			await listedIds();
		} finally {
			clock.mockRestore();
		}
		expect(routes()).toEqual(['POST api/login', 'GET extension/feed/gss_api/orders', 'POST api/login', 'GET extension/feed/gss_api/orders']);
	});

	test('a refused key is a 401 naming the login, never an empty listing, and the key is not in the message', async () => {
		const error = await listedIds(context('chave-errada')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 401 });
		expect((error as Error).message).toContain('OpenCart login (POST /index.php) gave no token at "api_token"');
		expect((error as Error).message).not.toContain('chave-errada');
		expect(routes()).toEqual(['POST api/login']);
	});

	test('a token refused right after a fresh login fails after one more login, not in a loop', async () => {
		await listedIds();
		sim.refuseSessions = true;
		const error = await listedIds().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ChannelHttpError);
		expect(error).toMatchObject({ httpCode: 401 });
		expect((error as Error).message).toContain('OpenCart refused the token of a fresh login for GET /index.php');
		expect(routes().slice(2)).toEqual(['GET extension/feed/gss_api/orders', 'POST api/login', 'GET extension/feed/gss_api/orders']);
	});
});

describe('OpenCart: status writes through the core api/order/history', () => {
	test('shipment sets Shipped (3) with the tracking in the comment; cancel sets Canceled (7) with the reason; both as forms', async () => {
		const w = createHttpChannelWriter(context());
		await w.pushShipment!({ channelOrderId: '41', carrier: 'Correios', trackingCode: 'BR123456789BR', trackingUrl: 'https://rastreio.exemplo/BR123456789BR' });
		expect(sim.orders.get(41)!.row.order_status_id).toBe('3');
		await w.cancelOrder!({ channelOrderId: '41', reason: 'cliente desistiu' });
		expect(sim.histories).toEqual([
			{
				orderId: 41,
				form: { order_status_id: '3', notify: '1', override: '0', comment: 'Enviado: Correios BR123456789BR https://rastreio.exemplo/BR123456789BR' },
			},
			{ orderId: 41, form: { order_status_id: '7', notify: '1', override: '0', comment: 'cliente desistiu' } },
		]);
		expect(routes()).toEqual(['POST api/login', 'POST api/order/history', 'POST api/order/history']);
	});

	test('an order OpenCart does not know fails with its message (a 200 with "error" is not a success)', async () => {
		const w = createHttpChannelWriter(context());
		await expect(w.cancelOrder!({ channelOrderId: '999', reason: 'x' })).rejects.toThrow(
			'OpenCart answered POST /index.php with an error: Warning: Order could not be found!',
		);
		expect(sim.histories).toEqual([]);
	});

	test('a changed status is listed again: the shipped order leaves the Processing listing, a trigger on status 3 sees it', async () => {
		await createHttpChannelWriter(context()).pushShipment!({ channelOrderId: '41', carrier: 'Correios', trackingCode: 'BR1' });
		const until = new Date(Date.now() + 60_000).toISOString();
		const list = (status: string) =>
			createHttpChannelAdapter(
				context('chave-api-256', { ...OPENCART_DEFINITION, list: { ...OPENCART_DEFINITION.list, query: { ...OPENCART_DEFINITION.list.query, status } } }),
			)
				.listChanged({ ...window, until })
				.then((p) => p.items.map((o) => `${String(o.order_id)}:${String(o.order_status_id)}`));
		expect(await list('2')).toEqual([]);
		expect(await list('3')).toEqual(['41:3']);
	});

	test('invoice and stock are not in the definition: "not configured", nothing sent', async () => {
		const w = createHttpChannelWriter(context());
		await expect(w.pushInvoice!({ channelOrderId: '41', nfeKey: '3'.repeat(44), number: '1', series: '1', issuedAt: '2026-03-10T15:00:00Z' })).rejects.toThrow(
			'the channel definition has no "writes.invoice" request',
		);
		expect(routes()).toEqual([]);
	});
});
