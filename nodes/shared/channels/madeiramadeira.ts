import { MADEIRAMADEIRA_API, MADEIRAMADEIRA_LOOKBACK_DAYS, MADEIRAMADEIRA_SANDBOX } from '../../../core/channels/madeiramadeira';
import { text, type N8nChannel } from './types';

export const madeiraMadeiraN8n: N8nChannel = {
	credentialType: 'madeiraMadeiraOmsApi',
	properties: [
		{
			displayName: 'Days Read Back',
			name: 'madeiraMadeiraLookbackDays',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 180 },
			default: MADEIRAMADEIRA_LOOKBACK_DAYS,
			description:
				'MadeiraMadeira lists orders by day without a "changed since" filter: each poll reads again the orders of this many days before it, to see their changes (approval, NF-e, shipping, delivery, cancellation). An order changing later than this after it was placed is not seen.',
		},
	],
	adapterContext: (credentials, parameter) => {
		const days = parameter('madeiraMadeiraLookbackDays');
		return {
			baseUrl: text(credentials.baseUrl) ?? (credentials.environment === 'sandbox' ? MADEIRAMADEIRA_SANDBOX : MADEIRAMADEIRA_API),
			account: String(credentials.sellerId),
			options: typeof days === 'number' ? { lookbackDays: days } : {},
		};
	},
};
