import type { StockLevel } from '../../core/store/types';
import { AmericanasSimulator, skyhubOrder } from '../simulators/americanas';
import { ViaSimulator, viaOrder } from '../simulators/via';
import type { CredRef } from './workflows';

/**
 * Americanas (SkyHub's order queue, acknowledged after emission) and Via (status lists by date) among the wave-2
 * channels of the real-n8n suite (wave2.ts takes them in): simulators, credentials and import workflows, tests.
 */
const SKYHUB = { email: 'e2e@loja.com.br', apiKey: 'e2e-skyhub-key', accountManagerKey: 'e2e-erp-key' };
const VIA_KEYS = { clientId: 'e2e-via-client', accessToken: 'e2e-via-token' };

export const AMERICANAS_VIA_IDS = { americanas: 'omsE2eAmericas01', via: 'omsE2eViaImpo001' };
export const AMERICANAS_VIA_NODE_TYPES = ['americanasOmsTrigger', 'viaOmsTrigger'];

export const americanasViaSimulators = () => ({ americanas: new AmericanasSimulator(SKYHUB), via: new ViaSimulator(VIA_KEYS) });
export type AmericanasViaChannels = ReturnType<typeof americanasViaSimulators>;

type Flow = (id: string, name: string, type: string, credentialType: string, credential: CredRef) => object;
type CreateCredential = (name: string, type: string, data: object) => Promise<CredRef>;

export async function americanasViaWorkflows(w: AmericanasViaChannels, flow: Flow, cred: CreateCredential): Promise<Record<string, object>> {
	const americanas = await cred('Americanas account', 'americanasOmsApi', { ...SKYHUB, baseUrl: w.americanas.baseUrl });
	const via = await cred('Via account', 'viaOmsApi', { sellerId: '12345', ...VIA_KEYS, environment: 'production', baseUrl: w.via.baseUrl });
	return {
		'americanas.json': flow(AMERICANAS_VIA_IDS.americanas, 'Americanas', 'americanasOmsTrigger', 'americanasOmsApi', americanas),
		'via.json': flow(AMERICANAS_VIA_IDS.via, 'Via', 'viaOmsTrigger', 'viaOmsApi', via),
	};
}

interface Suite {
	channels: () => AmericanasViaChannels;
	n8n: { deactivate(id: string): Promise<unknown> };
	tick(id: string): Promise<void>;
	levelIs(sku: string, want: Partial<StockLevel>): Promise<StockLevel>;
}

/** `importOnce`: activates the workflow, forces one more tick and waits for the SKU's reservation. */
export function americanasViaTests(s: Suite, importOnce: (id: string, sku: string, reserved: number) => Promise<void>): void {
	const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

	test('Americanas: a queued order is reserved, and deleted from the queue only at the next poll, once emitted', async () => {
		const { americanas } = s.channels();
		const code = 'Lojas Americanas-1517940599001-01';
		americanas.put(skyhubOrder({ code, placedAt: minuteAgo(), updatedAt: minuteAgo(), items: [{ sku: 'AMR-LAMP', qty: 2, price: 79.9 }] }));
		await importOnce(AMERICANAS_VIA_IDS.americanas, 'AMR-LAMP', 2);
		// The queue's handles were persisted in the trigger's static data with the emission; the next poll deletes.
		await s.tick(AMERICANAS_VIA_IDS.americanas);
		const deletes = americanas.requests(/\/queues\/orders\//).filter((r) => r.method === 'DELETE');
		expect(deletes.map((r) => decodeURIComponent(r.path))).toEqual([`/queues/orders/${code}`]);
		expect(americanas.queue).toHaveLength(0);
		await s.n8n.deactivate(AMERICANAS_VIA_IDS.americanas);
	});

	test('Via: an approved order (status list by approval date) is reserved through the client_id/access_token headers', async () => {
		const { via } = s.channels();
		via.put(viaOrder({ id: '88001', purchasedAt: minuteAgo(), at: minuteAgo(), status: 'PAY', units: [{ sku: 'VIA-FAN', price: 129.9, count: 3 }] }));
		await importOnce(AMERICANAS_VIA_IDS.via, 'VIA-FAN', 3);
		expect(via.requests(/\/orders\/status\/approved$/).every((r) => r.headers.access_token === VIA_KEYS.accessToken)).toBe(true);
		await s.n8n.deactivate(AMERICANAS_VIA_IDS.via);
	});
}
