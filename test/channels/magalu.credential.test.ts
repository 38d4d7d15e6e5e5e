import { MagaluOAuth2Api } from '../../credentials/MagaluOAuth2Api.credentials';
import { N8N_CHANNELS } from '../../nodes/shared/channels';

describe('MagaluOAuth2Api credential', () => {
	it('extends oAuth2Api with ID Magalu URLs, tenant choice and order scopes', () => {
		const cred = new MagaluOAuth2Api();
		const byName = Object.fromEntries(cred.properties.map((p) => [p.name, p.default]));
		expect(cred.extends).toEqual(['oAuth2Api']);
		expect(byName).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: 'https://id.magalu.com/login',
			authQueryParameters: 'choose_tenants=true',
			scope: 'open:order-order-seller:read open:order-delivery-seller:read',
		});
		expect(byName.accessTokenUrl).toContain('https://id.magalu.com/oauth/token');
		expect(cred.test.request.headers).toEqual({ 'X-Channel-Id': '={{$credentials.channelId}}' });
	});

	it('carries the Magalu Fulfillment warehouse and test to the adapter options (normaliser and writer)', () => {
		const byName = Object.fromEntries(new MagaluOAuth2Api().properties.map((p) => [p.name, p.default]));
		expect(byName).toMatchObject({ fulfillmentWarehouse: 'magalu-fulfillment', fulfillmentWhen: 'shipping.provider.extras.is_fulfillment=true' });
		const context = N8N_CHANNELS.magalu.adapterContext({ channelId: 'c', fulfillmentWarehouse: 'full-sp', fulfillmentWhen: 'a.b=1' }, () => 'loja');
		expect(context.options).toEqual({ channelId: 'c', fulfillmentWarehouse: 'full-sp', fulfillmentWhen: 'a.b=1' });
	});
});
