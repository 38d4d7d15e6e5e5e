import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const magaluTriggerConfig: OrderTriggerConfig = { channel: 'magalu', name: 'magaluTrigger' };

export class MagaluTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(magaluTriggerConfig),
		icon: { light: 'file:magalu.svg', dark: 'file:magalu.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(magaluTriggerConfig);
}
