import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const mercadoLivreTriggerConfig: OrderTriggerConfig = { channel: 'mercadolivre', name: 'mercadoLivreTrigger' };

export class MercadoLivreTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(mercadoLivreTriggerConfig),
		icon: { light: 'file:mercadolivre.svg', dark: 'file:mercadolivre.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(mercadoLivreTriggerConfig);
}
