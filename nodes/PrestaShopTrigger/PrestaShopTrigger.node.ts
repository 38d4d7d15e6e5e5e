import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class PrestaShopTrigger extends OrderTrigger('prestashop') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('prestashop', 'prestaShopOmsTrigger'),
		icon: { light: 'file:prestashop.svg', dark: 'file:prestashop.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
