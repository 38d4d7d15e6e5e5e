import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

export class TrayTrigger extends OrderTrigger('tray') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('tray', 'trayOmsTrigger'),
		icon: { light: 'file:tray.svg', dark: 'file:tray.dark.svg' },
		subtitle: 'New and changed orders',
	};
}
