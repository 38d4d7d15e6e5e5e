import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class AmericanasTrigger extends OrderTrigger('americanas') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('americanas', 'americanasOmsTrigger'),
		icon: { light: 'file:americanas.svg', dark: 'file:americanas.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
