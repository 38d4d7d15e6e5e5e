import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class MercadoLivreTrigger extends OrderTrigger('mercadolivre') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('mercadolivre', 'mercadoLivreTrigger'),
		icon: { light: 'file:mercadolivre.svg', dark: 'file:mercadolivre.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
