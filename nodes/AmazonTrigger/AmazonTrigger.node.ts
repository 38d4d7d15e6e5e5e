import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const amazonTriggerConfig: OrderTriggerConfig = { channel: 'amazon', name: 'amazonSpApiTrigger' };

export class AmazonTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(amazonTriggerConfig),
		icon: { light: 'file:amazon.svg', dark: 'file:amazon.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(amazonTriggerConfig);
}
