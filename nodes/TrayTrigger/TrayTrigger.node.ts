import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const trayTriggerConfig: OrderTriggerConfig = { channel: 'tray', name: 'trayOmsTrigger' };

export class TrayTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(trayTriggerConfig),
		icon: { light: 'file:tray.svg', dark: 'file:tray.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(trayTriggerConfig);
}
