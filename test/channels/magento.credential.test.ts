import { MagentoOmsApi } from '../../credentials/MagentoOmsApi.credentials';
import { MagentoTrigger } from '../../nodes/MagentoTrigger/MagentoTrigger.node';
import { chosenCredential, N8N_CHANNELS } from '../../nodes/shared/channels';

describe('Magento credentials', () => {
	const pick = (authentication: string) => chosenCredential(N8N_CHANNELS.magento, (name) => (name === 'authentication' ? authentication : undefined));

	it('the OMS credential: its REST base, account name and MSI source; a Bearer header and a test request', () => {
		const own = pick('magentoOmsApi');
		expect(own.adapterContext({ baseUrl: 'https://shop.example/rest/br/', storeName: '', accessToken: 'x', sourceCode: 'sp' }, () => undefined)).toEqual({
			baseUrl: 'https://shop.example/rest/br',
			account: 'shop.example',
			options: { sourceCode: 'sp' },
		});
		const credential = new MagentoOmsApi();
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } } });
		expect(credential.test.request.url).toBe('/V1/store/storeConfigs');
	});

	it("n8n's own Magento 2 API credential (host + token) reads <host>/rest/default, stock to the default source", () => {
		const n8n = pick('magento2Api');
		expect(n8n.credentialType).toBe('magento2Api');
		expect(n8n.adapterContext({ host: 'https://shop.example/', accessToken: 'x' }, () => undefined)).toEqual({
			baseUrl: 'https://shop.example/rest/default',
			account: 'shop.example',
			options: { sourceCode: 'default' },
		});
		expect(new MagentoTrigger().description.credentials?.map((c) => c.name)).toEqual(['magentoOmsApi', 'magento2Api']);
	});
});
