import { createMercadoLivreAdapter } from '../../core/channels/mercadolivre';
import { createFetchTransport } from '../../core/http/transport';
import { MercadoLivreSimulator, mlOrder } from '../simulators/mercadolivre';

const TOKEN = 'APP_USR-listing';
let sim: MercadoLivreSimulator;
const adapter = (token = TOKEN) =>
	createMercadoLivreAdapter({ transport: createFetchTransport({ authorization: `Bearer ${token}` }), baseUrl: sim.baseUrl, account: String(sim.sellerId) });

beforeEach(async () => {
	sim = new MercadoLivreSimulator(TOKEN);
	await sim.start();
});
afterEach(() => sim.stop());

describe('Mercado Livre listing against the simulator', () => {
	it('the filter discards minutes, as documented: from 10:37 returns an order updated at 10:05', async () => {
		sim.put(mlOrder({ id: 1, lastUpdated: '2026-03-10T10:05:00Z' }), mlOrder({ id: 2, lastUpdated: '2026-03-10T09:59:59Z' }));
		const page = await adapter().listChanged({ since: '2026-03-10T10:37:00Z', until: '2026-03-10T10:50:00Z', pageSize: 50 });
		expect(page.items.map((o) => o.id)).toEqual([1]);
	});

	it('rounds "to" up to the hour, so the current hour is not hidden until the next one', async () => {
		sim.put(mlOrder({ id: 3, lastUpdated: '2026-03-10T10:45:00Z' }));
		const page = await adapter().listChanged({ since: '2026-03-10T10:00:00Z', until: '2026-03-10T10:50:00Z', pageSize: 50 });
		expect(page.items.map((o) => o.id)).toEqual([3]);
		expect(sim.requests()[0].query.get('order.date_last_updated.to')).toBe('2026-03-10T11:00:00.000-00:00');
	});

	it('keeps an order whose shipment is not readable (404) instead of failing it', async () => {
		const order = mlOrder({ id: 4, lastUpdated: '2026-03-10T10:00:00Z', shipmentId: 999 });
		expect(await adapter().getDetails!(order as never)).toEqual(order);
	});
});
