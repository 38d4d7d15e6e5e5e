import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const wooCommerceTriggerConfig: OrderTriggerConfig = {
	channel: 'woocommerce',
	channelLabel: 'WooCommerce',
	name: 'wooCommerceOmsTrigger',
	credentialType: 'wooCommerceOmsApi',
	// The site URL is the API root; its host names the shop, so http/https or a trailing slash do not split it.
	adapterContext: (credentials) => {
		const siteUrl = String(credentials.siteUrl).replace(/\/+$/, '');
		return { baseUrl: siteUrl, account: new URL(siteUrl).host };
	},
};

export class WooCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(wooCommerceTriggerConfig),
		icon: { light: 'file:woocommerce.svg', dark: 'file:woocommerce.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(wooCommerceTriggerConfig);
}
