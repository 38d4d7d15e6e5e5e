import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NUVEMSHOP_API_ROOTS } from '../../core/channels/nuvemshop';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const nuvemshopTriggerConfig: OrderTriggerConfig = {
	channel: 'nuvemshop',
	channelLabel: 'Nuvemshop',
	name: 'nuvemshopOmsTrigger',
	credentialType: 'nuvemshopOmsApi',
	adapterContext: (credentials) => ({
		baseUrl: String(credentials.baseUrl || NUVEMSHOP_API_ROOTS[credentials.platform === 'tiendanube' ? 'tiendanube' : 'nuvemshop']),
		account: String(credentials.storeId),
	}),
};

export class NuvemshopTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(nuvemshopTriggerConfig),
		icon: { light: 'file:nuvemshop.svg', dark: 'file:nuvemshop.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(nuvemshopTriggerConfig);
}
