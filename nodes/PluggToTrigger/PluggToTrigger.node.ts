import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class PluggToTrigger extends OrderTrigger('pluggto') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('pluggto', 'pluggToOmsTrigger'),
		icon: { light: 'file:pluggto.svg', dark: 'file:pluggto.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
