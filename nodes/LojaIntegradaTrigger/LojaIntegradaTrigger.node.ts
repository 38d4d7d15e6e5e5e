import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const lojaIntegradaTriggerConfig: OrderTriggerConfig = { channel: 'lojaintegrada', name: 'lojaIntegradaOmsTrigger' };

export class LojaIntegradaTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(lojaIntegradaTriggerConfig),
		icon: { light: 'file:lojaintegrada.svg', dark: 'file:lojaintegrada.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(lojaIntegradaTriggerConfig);
}
