import { main } from '../../cli';
import { amazonDetailed } from '../simulators/amazon';
import { magaluOrder } from '../simulators/magalu';
import { nuvemshopOrder } from '../simulators/nuvemshop';
import { vtexOrder } from '../simulators/vtex';
import { wooOrder } from '../simulators/woocommerce';

/** The five channels added to the registry after Mercado Livre and Shopify (cli.test.ts covers those). */
const raws: Record<string, [string, unknown]> = {
	woocommerce: ['727', wooOrder({ id: 727, modifiedGmt: '2026-01-10T15:00:00' })],
	nuvemshop: ['450789001', nuvemshopOrder({ id: 450789001, updatedAt: '2026-01-10T15:00:00Z' })],
	vtex: ['v502556lux-01', vtexOrder({ orderId: 'v502556lux-01', status: 'handling', lastChange: '2026-01-10T15:00:00Z' })],
	magalu: ['e3d0f7a2-0001', magaluOrder({ id: 'e3d0f7a2-0001', updatedAt: '2026-01-10T15:00:00.000Z' })],
	amazon: ['702-0000001-5550000', amazonDetailed({ id: '702-0000001-5550000', lastUpdate: '2026-01-10T15:00:00Z' })],
};

describe('cli normalize for the other channels', () => {
	it.each(Object.entries(raws))('prints the canonical order of a %s order, offline', async (channel, [id, raw]) => {
		const out: string[] = [];
		const err: string[] = [];
		const code = await main(['normalize', '--channel', channel, '--account', 'acct-1'], { readStdin: async () => JSON.stringify(raw), out: (t) => out.push(t), err: (t) => err.push(t) });
		expect({ code, err }).toEqual({ code: 0, err: [] });
		expect(JSON.parse(out.join('\n'))).toMatchObject({ channel, account: 'acct-1', channelOrderId: id });
	});

	it('asks for --account when the raw order does not name the seller account', async () => {
		const err: string[] = [];
		const code = await main(['normalize', '--channel', 'woocommerce'], { readStdin: async () => JSON.stringify(raws.woocommerce[1]), out: () => undefined, err: (t) => err.push(t) });
		expect(code).toBe(2);
		expect(err.join('\n')).toContain('pass --account <account>');
	});
});
