import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class MagentoTrigger extends OrderTrigger('magento') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('magento', 'magentoOmsTrigger'),
		icon: { light: 'file:magento.svg', dark: 'file:magento.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
