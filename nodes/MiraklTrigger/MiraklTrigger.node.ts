import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class MiraklTrigger extends OrderTrigger('mirakl') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('mirakl', 'miraklOmsTrigger'),
		icon: { light: 'file:mirakl.svg', dark: 'file:mirakl.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
