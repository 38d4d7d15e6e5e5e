import { OLIST_API, OLIST_LOOKBACK_DAYS, OLIST_SANDBOX_API } from '../../../core/channels/olist';
import { daysReadBackProperty, lookbackOption } from './lookback';
import { text, type N8nChannel } from './types';

export const olistN8n: N8nChannel = {
	credentialType: 'olistOmsApi',
	// The id_token lasts minutes: a 401 resends once so n8n's preAuthentication renews it.
	tokenExpiredStatus: 401,
	properties: [daysReadBackProperty('olistLookbackDays', 'Olist', OLIST_LOOKBACK_DAYS, 'NF-e accepted, shipping, delivery, cancellation')],
	adapterContext: (credentials, parameter) => ({
		baseUrl: text(credentials.baseUrl) ?? (credentials.environment === 'sandbox' ? OLIST_SANDBOX_API : OLIST_API),
		account: String(credentials.sellerId),
		options: lookbackOption(parameter('olistLookbackDays')),
	}),
};
