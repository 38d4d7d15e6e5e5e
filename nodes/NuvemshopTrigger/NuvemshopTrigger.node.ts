import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class NuvemshopTrigger extends OrderTrigger('nuvemshop') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('nuvemshop', 'nuvemshopOmsTrigger'),
		icon: { light: 'file:nuvemshop.svg', dark: 'file:nuvemshop.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
