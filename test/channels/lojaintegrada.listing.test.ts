import { createLojaIntegradaAdapter, type LojaIntegradaOrder } from '../../core/channels/lojaintegrada';
import type { ChannelAdapter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { LojaIntegradaSimulator, liOrder } from '../simulators/lojaintegrada';
import { listAllBy, tinyRetry } from './helpers/channel-test';

const keys = { chaveApi: 'k', chaveAplicacao: 'app' };
const { retry, sleeps } = tinyRetry();
let sim: LojaIntegradaSimulator;
const adapter = (auth = `chave_api ${keys.chaveApi} aplicacao ${keys.chaveAplicacao}`): ChannelAdapter<LojaIntegradaOrder> =>
	createLojaIntegradaAdapter({ transport: createFetchTransport({ authorization: auth }, 5000), baseUrl: sim.baseUrl, account: '1234567', retry });
const listAll = listAllBy((o: LojaIntegradaOrder) => String(o.numero));
const WINDOW = ['2026-03-10T12:00:00.000Z', '2026-03-10T13:00:00.000Z'] as const;
const at = (minute: number) => new Date(Date.parse(WINDOW[0]) + minute * 60_000).toISOString();

beforeEach(async () => {
	sim = new LojaIntegradaSimulator(keys);
	await sim.start();
	sleeps.length = 0;
});
afterEach(() => sim.stop());

describe('Loja Integrada listing through the simulator', () => {
	it('asks since_atualizado in store time and keeps the orders changed inside the window', async () => {
		sim.put(liOrder({ numero: 1, modifiedAt: at(-1) }), liOrder({ numero: 2, modifiedAt: at(0) }), liOrder({ numero: 3, modifiedAt: at(59) }), liOrder({ numero: 4, modifiedAt: at(60) }));
		const { ids } = await listAll(adapter(), ...WINDOW, 50);
		expect(ids).toEqual(['2', '3']);
		expect(Object.fromEntries(sim.requests(/search/)[0].query)).toEqual({ since_atualizado: '2026-03-10T09:00:00', limit: '49', offset: '0' });
	});

	it('pages with a check order: each page from one order earlier', async () => {
		for (let i = 1; i <= 10; i++) sim.put(liOrder({ numero: 100 + i, modifiedAt: at(i) }));
		const { ids } = await listAll(adapter(), ...WINDOW, 4);
		expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => String(101 + i)));
		expect(sim.requests(/search/).map((r) => `${r.query.get('offset')}+${r.query.get('limit')}`)).toEqual(['0+4', '3+5', '7+5']);
	});

	it('listed by last change, an order that changes between two pages moves: the window starts over, nothing skipped', async () => {
		sim.sortByChange = true;
		for (let i = 1; i <= 10; i++) sim.put(liOrder({ numero: 200 + i, modifiedAt: at(i) }));
		sim.afterNext((r) => /search/.test(r.path), () => sim.put(liOrder({ numero: 202, modifiedAt: at(30) })));
		const { ids } = await listAll(adapter(), ...WINDOW, 4);
		expect(new Set(ids)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => String(201 + i))));
		// Page 2 was asked from offset 3 expecting 204 there; 205 was: the listing went back to offset 0.
		expect(sim.requests(/search/).map((r) => r.query.get('offset'))).toEqual(['0', '3', '0', '3', '7']);
	});

	it('getDetails reads /v1/pedido/{numero}; a wrong key is 401; 429 is waited out', async () => {
		sim.put(liOrder({ numero: 9, modifiedAt: at(5) }));
		const a = adapter();
		const [summary] = (await a.listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).items;
		expect(summary).toMatchObject({ numero: 9, cliente: '/api/v1/cliente/34220641' });
		expect(a.identify(summary)).toEqual({ channelOrderId: '9', updatedAt: '2026-03-10T12:05:00.000Z' });
		expect(a.normalize(await a.getDetails!(summary))).toMatchObject({ channelOrderId: '9', status: 'paid', lines: [{ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 4990 }] });
		await expect(adapter('chave_api x aplicacao y').listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).rejects.toMatchObject({ httpCode: 401 });
		sim.injectFault({ kind: 'status', status: 429, retryAfter: '1' });
		expect((await a.listChanged({ since: WINDOW[0], until: WINDOW[1], pageSize: 10 })).items).toHaveLength(1);
		expect(sleeps).toEqual([1000]);
	});
});
