import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class WakeTrigger extends OrderTrigger('wake') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('wake', 'wakeOmsTrigger'),
		icon: { light: 'file:wake.svg', dark: 'file:wake.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
