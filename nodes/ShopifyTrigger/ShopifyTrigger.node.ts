import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const shopifyTriggerConfig: OrderTriggerConfig = { channel: 'shopify', name: 'shopifyOmsTrigger' };

export class ShopifyTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(shopifyTriggerConfig),
		icon: { light: 'file:shopify.svg', dark: 'file:shopify.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(shopifyTriggerConfig);
}
