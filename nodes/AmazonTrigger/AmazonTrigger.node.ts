import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class AmazonTrigger extends OrderTrigger('amazon') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('amazon', 'amazonSpApiTrigger'),
		icon: { light: 'file:amazon.svg', dark: 'file:amazon.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
