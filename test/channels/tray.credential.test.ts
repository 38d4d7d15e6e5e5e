import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { TrayOmsApi } from '../../credentials/TrayOmsApi.credentials';
import { TraySimulator } from '../simulators/tray';

const app = { consumerKey: 'ck_tray', consumerSecret: 'cs_tray', code: 'store-code' };

/** n8n's httpRequest helper, reduced to what preAuthentication uses (qs, form body, JSON answer, throws on 4xx). */
const helper = {
	helpers: {
		httpRequest: async (o: IHttpRequestOptions) => {
			const url = new URL(o.url);
			for (const [k, v] of Object.entries(o.qs ?? {})) url.searchParams.set(k, String(v));
			const res = await fetch(url, { method: o.method, headers: o.headers as Record<string, string>, body: o.body as string });
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			return res.json();
		},
	},
} as unknown as IHttpRequestHelper;

describe('TrayOmsApi credential', () => {
	let sim: TraySimulator;
	beforeEach(async () => {
		sim = new TraySimulator(app);
		await sim.start();
	});
	afterEach(() => sim.stop());

	it('exchanges the code for both tokens, then renews with the refresh token; a wrong secret fails', async () => {
		const cred = new TrayOmsApi();
		const first = await cred.preAuthentication.call(helper, { ...app, apiAddress: `${sim.apiAddress}/`, refreshToken: '' });
		expect(first).toEqual({ accessToken: 'APP_ACCESS_1', refreshToken: 'APP_REFRESH_1' });
		expect(sim.requests(/auth$/)[0].rawBody).toBe('consumer_key=ck_tray&consumer_secret=cs_tray&code=store-code');
		const renewed = await cred.preAuthentication.call(helper, { ...app, apiAddress: sim.apiAddress, ...first });
		expect(renewed).toEqual({ accessToken: 'APP_ACCESS_2', refreshToken: 'APP_REFRESH_2' });
		expect(sim.requests(/auth$/).map((r) => r.method)).toEqual(['POST', 'GET']);
		await expect(cred.preAuthentication.call(helper, { ...app, consumerSecret: 'wrong', apiAddress: sim.apiAddress, refreshToken: '' })).rejects.toThrow(/401/);
	});

	it('sends ?access_token= and tests with the order statuses listing', async () => {
		const cred = new TrayOmsApi();
		expect(cred.authenticate.properties.qs).toEqual({ access_token: '={{$credentials.accessToken}}' });
		expect(cred.properties.find((p) => p.name === 'accessToken')).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(cred.test.request).toMatchObject({ url: '/orders/statuses', qs: { limit: 1 } });
		const res = await fetch(`${sim.apiAddress}${cred.test.request.url}?limit=1&access_token=${sim.token()}`);
		expect(res.status).toBe(200);
		expect(((await res.json()) as { OrderStatuses: unknown[] }).OrderStatuses[0]).toMatchObject({ OrderStatus: { status: 'A ENVIAR' } });
	});
});
