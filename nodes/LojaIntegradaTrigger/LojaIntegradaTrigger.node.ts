import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class LojaIntegradaTrigger extends OrderTrigger('lojaintegrada') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('lojaintegrada', 'lojaIntegradaOmsTrigger'),
		icon: { light: 'file:lojaintegrada.svg', dark: 'file:lojaintegrada.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
