import type { N8nChannel } from './types';

/** The webservice root ("<shop>/api"), the account (the shop's host unless named) and the shop's settings. */
export const prestaShopN8n: N8nChannel = {
	credentialType: 'prestaShopOmsApi',
	adapterContext: (credentials) => {
		const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
		return {
			baseUrl,
			account: text(credentials.shopName) || new URL(baseUrl).host,
			options: {
				timeZoneOffset: text(credentials.timeZoneOffset) || '-03:00',
				orderStates: text(credentials.orderStates),
				shippedState: text(credentials.shippedState) || '4',
				cancelledState: text(credentials.cancelledState) || '6',
			},
		};
	},
};
