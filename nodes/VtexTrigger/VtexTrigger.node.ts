import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

/**
 * VTEX is read through its Feed v3 queue: the feed handles of a tick are committed at the start of the next
 * successful tick, i.e. only once n8n has taken the emitted items (the poller keeps them in the state).
 */
export class VtexTrigger extends OrderTrigger('vtex') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('vtex', 'vtexOmsTrigger'),
		icon: { light: 'file:vtex.svg', dark: 'file:vtex.dark.svg' },
		subtitle: 'Orders from the VTEX feed',
	};
}
