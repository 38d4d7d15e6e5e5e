import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { magaluBaseUrl, MAGALU_DEFAULT_CHANNEL_ID } from '../../core/channels/magalu';
import { orderTriggerDescription, orderTriggerPoll, type OrderTriggerConfig } from '../shared/order-trigger';

export const magaluTriggerConfig: OrderTriggerConfig = {
	channel: 'magalu',
	channelLabel: 'Magalu',
	name: 'magaluTrigger',
	credentialType: 'magaluOAuth2Api',
	// The ID Magalu credential does not name the store, so the node does.
	properties: [
		{
			displayName: 'Seller Account',
			name: 'sellerAccount',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'loja-do-edu',
			description: 'The name this Magalu store has in the OMS: orders are unique per channel account, so keep it stable',
		},
	],
	adapterContext: (credentials, parameter) => ({
		baseUrl: String(credentials.baseUrl || magaluBaseUrl(credentials.environment === 'sandbox' ? 'sandbox' : 'production')),
		account: String(parameter('sellerAccount')),
		options: { channelId: String(credentials.channelId || MAGALU_DEFAULT_CHANNEL_ID) },
	}),
};

export class MagaluTrigger implements INodeType {
	description: INodeTypeDescription = {
		...orderTriggerDescription(magaluTriggerConfig),
		icon: { light: 'file:magalu.svg', dark: 'file:magalu.dark.svg' },
		subtitle: 'New and changed orders',
	};

	poll = orderTriggerPoll(magaluTriggerConfig);
}
