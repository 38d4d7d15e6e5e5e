import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

/**
 * VTEX is read through its Feed v3 queue: the feed handles of a tick are committed at the start of the next
 * successful tick, i.e. only once n8n has taken the emitted items (the poller keeps them in the state).
 */
export const vtexTriggerConfig: OrderTriggerConfig = { channel: 'vtex', name: 'vtexOmsTrigger' };

export class VtexTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(vtexTriggerConfig),
		icon: { light: 'file:vtex.svg', dark: 'file:vtex.dark.svg' },
		subtitle: 'Orders from the VTEX feed',
	};

	poll = orderTriggerPoll(vtexTriggerConfig);
}
