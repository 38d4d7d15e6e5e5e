import { LojaIntegradaOmsApi } from '../../credentials/LojaIntegradaOmsApi.credentials';
import { LojaIntegradaSimulator } from '../simulators/lojaintegrada';

describe('LojaIntegradaOmsApi credential', () => {
	it('sends "chave_api … aplicacao …" and tests with the situações listing', async () => {
		const cred = new LojaIntegradaOmsApi();
		expect(cred.authenticate.properties.headers).toEqual({ Authorization: '=chave_api {{$credentials.chaveApi}} aplicacao {{$credentials.chaveAplicacao}}' });
		expect(cred.test.request).toMatchObject({ url: '/v1/situacao/', qs: { limit: 1 } });
		const sim = new LojaIntegradaSimulator({ chaveApi: 'k', chaveAplicacao: 'app' });
		await sim.start();
		try {
			const ok = await fetch(`${sim.baseUrl}${cred.test.request.url}?limit=1`, { headers: { authorization: 'chave_api k aplicacao app' } });
			expect(ok.status).toBe(200);
			const refused = await fetch(`${sim.baseUrl}${cred.test.request.url}?limit=1`, { headers: { authorization: 'chave_api k aplicacao wrong' } });
			expect(refused.status).toBe(401);
		} finally {
			await sim.stop();
		}
	});
});
