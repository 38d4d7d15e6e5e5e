import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class ShopifyTrigger extends OrderTrigger('shopify') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('shopify', 'shopifyOmsTrigger'),
		icon: { light: 'file:shopify.svg', dark: 'file:shopify.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
