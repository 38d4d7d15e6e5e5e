import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class MagaluTrigger extends OrderTrigger('magalu') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('magalu', 'magaluTrigger'),
		icon: { light: 'file:magalu.svg', dark: 'file:magalu.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
