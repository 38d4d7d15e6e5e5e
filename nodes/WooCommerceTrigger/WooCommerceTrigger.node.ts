import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class WooCommerceTrigger extends OrderTrigger('woocommerce') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('woocommerce', 'wooCommerceOmsTrigger'),
		icon: { light: 'file:woocommerce.svg', dark: 'file:woocommerce.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
