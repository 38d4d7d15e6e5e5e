import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const nuvemshopTriggerConfig: OrderTriggerConfig = { channel: 'nuvemshop', name: 'nuvemshopOmsTrigger' };

export class NuvemshopTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(nuvemshopTriggerConfig),
		icon: { light: 'file:nuvemshop.svg', dark: 'file:nuvemshop.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(nuvemshopTriggerConfig);
}
