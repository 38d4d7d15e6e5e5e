import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class MadeiraMadeiraTrigger extends OrderTrigger('madeiramadeira') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('madeiramadeira', 'madeiraMadeiraOmsTrigger'),
		icon: { light: 'file:madeiramadeira.svg', dark: 'file:madeiramadeira.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
