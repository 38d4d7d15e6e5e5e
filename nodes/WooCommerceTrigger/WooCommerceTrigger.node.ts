import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const wooCommerceTriggerConfig: OrderTriggerConfig = { channel: 'woocommerce', name: 'wooCommerceOmsTrigger' };

export class WooCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(wooCommerceTriggerConfig),
		icon: { light: 'file:woocommerce.svg', dark: 'file:woocommerce.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(wooCommerceTriggerConfig);
}
