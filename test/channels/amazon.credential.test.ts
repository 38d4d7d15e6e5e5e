import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { AmazonSpApi } from '../../credentials/AmazonSpApi.credentials';
import { AmazonSpApiSimulator } from '../simulators/amazon';

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };

/** n8n's httpRequest helper, reduced to what preAuthentication uses. */
const helper = {
	helpers: {
		httpRequest: async (o: IHttpRequestOptions) => {
			const res = await fetch(o.url, { method: o.method, headers: o.headers as Record<string, string>, body: o.body as string });
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			return res.json();
		},
	},
} as unknown as IHttpRequestHelper;

describe('AmazonSpApi credential', () => {
	let sim: AmazonSpApiSimulator;
	beforeEach(async () => {
		sim = new AmazonSpApiSimulator(lwa);
		await sim.start();
	});
	afterEach(() => sim.stop());

	it('preAuthentication exchanges the refresh token (at the base-URL override) into the expirable accessToken', async () => {
		const cred = new AmazonSpApi();
		const out = await cred.preAuthentication.call(helper, { ...lwa, baseUrl: `${sim.baseUrl}/`, region: 'na', environment: 'production' });
		expect(out.accessToken).toMatch(/^Atza\|/);
		expect(sim.requests(/auth\/o2\/token/)).toHaveLength(1);
		expect(cred.properties.find((p) => p.name === 'accessToken')).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		expect(cred.authenticate.properties.headers).toEqual({ 'x-amz-access-token': '={{$credentials.accessToken}}' });
	});
});
