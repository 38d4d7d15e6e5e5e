import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const shopifyTriggerConfig: OrderTriggerConfig = {
	channel: 'shopify',
	channelLabel: 'Shopify',
	name: 'shopifyOmsTrigger',
	credentialType: 'shopifyOmsApi',
	// An expired client-credentials token is answered 401: resend once so n8n's preAuthentication renews it.
	tokenExpiredStatus: 401,
	adapterContext: (credentials) => {
		const account = `${String(credentials.shopSubdomain)}.myshopify.com`;
		return { account, baseUrl: String(credentials.baseUrl || `https://${account}`), options: { apiVersion: String(credentials.apiVersion || '') } };
	},
};

export class ShopifyTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(shopifyTriggerConfig),
		icon: { light: 'file:shopify.svg', dark: 'file:shopify.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(shopifyTriggerConfig);
}
