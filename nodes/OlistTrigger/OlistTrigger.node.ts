import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class OlistTrigger extends OrderTrigger('olist') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('olist', 'olistOmsTrigger'),
		icon: { light: 'file:olist.svg', dark: 'file:olist.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
