import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class AnyMarketTrigger extends OrderTrigger('anymarket') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('anymarket', 'anyMarketOmsTrigger'),
		icon: { light: 'file:anymarket.svg', dark: 'file:anymarket.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
