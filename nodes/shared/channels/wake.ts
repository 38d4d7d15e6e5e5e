import { WAKE_API } from '../../../core/channels/wake';
import type { N8nChannel } from './types';

/** The API root (Wake's unless overridden), the store name as the account, the store's status settings. */
export const wakeN8n: N8nChannel = {
	credentialType: 'wakeOmsApi',
	adapterContext: (credentials) => {
		const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
		return {
			baseUrl: text(credentials.baseUrl) || WAKE_API,
			account: text(credentials.storeName),
			options: {
				timeZoneOffset: text(credentials.timeZoneOffset) || '-03:00',
				orderStatuses: text(credentials.orderStatuses),
				distributionCenterId: text(credentials.distributionCenterId) || '1',
				invoicedStatusId: text(credentials.invoicedStatusId),
				shippedStatusId: text(credentials.shippedStatusId),
				cancelledStatusId: text(credentials.cancelledStatusId),
			},
		};
	},
};
