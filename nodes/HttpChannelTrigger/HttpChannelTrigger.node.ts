import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class HttpChannelTrigger extends OrderTrigger('http') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('http', 'httpChannelOmsTrigger'),
		icon: { light: 'file:http.svg', dark: 'file:http.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
