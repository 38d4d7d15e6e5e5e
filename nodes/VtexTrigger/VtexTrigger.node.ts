import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { OrderTrigger, orderTriggerDescription } from '../shared/order-trigger';

/**
 * VTEX is read through its Feed v3 queue: the feed handles of a tick are committed by a later tick, once
 * the execution that took the emitted items succeeded (the poller keeps them in the state until then).
 */
export class VtexTrigger extends OrderTrigger('vtex') implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription('vtex', 'vtexOmsTrigger'),
		icon: { light: 'file:vtex.svg', dark: 'file:vtex.dark.svg' },
		subtitle: 'Orders from the VTEX feed',
	};
}
