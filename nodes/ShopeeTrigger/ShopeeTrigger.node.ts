import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class ShopeeTrigger extends OrderTrigger('shopee') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('shopee', 'shopeeOmsTrigger'),
		icon: { light: 'file:shopee.svg', dark: 'file:shopee.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
