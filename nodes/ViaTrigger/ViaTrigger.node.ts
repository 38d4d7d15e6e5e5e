import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class ViaTrigger extends OrderTrigger('via') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('via', 'viaOmsTrigger'),
		icon: { light: 'file:via.svg', dark: 'file:via.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
