import { MADEIRAMADEIRA_API, MADEIRAMADEIRA_LOOKBACK_DAYS, MADEIRAMADEIRA_SANDBOX } from '../../../core/channels/madeiramadeira';
import { daysReadBackProperty, lookbackOption } from './lookback';
import { text, type N8nChannel } from './types';

export const madeiraMadeiraN8n: N8nChannel = {
	credentialType: 'madeiraMadeiraOmsApi',
	properties: [
		daysReadBackProperty('madeiraMadeiraLookbackDays', 'MadeiraMadeira', MADEIRAMADEIRA_LOOKBACK_DAYS, 'approval, NF-e, shipping, delivery, cancellation'),
	],
	adapterContext: (credentials, parameter) => ({
		baseUrl: text(credentials.baseUrl) ?? (credentials.environment === 'sandbox' ? MADEIRAMADEIRA_SANDBOX : MADEIRAMADEIRA_API),
		account: String(credentials.sellerId),
		options: lookbackOption(parameter('madeiraMadeiraLookbackDays')),
	}),
};
