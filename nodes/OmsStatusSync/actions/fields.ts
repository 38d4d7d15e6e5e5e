import type { INodeProperties } from 'n8n-workflow';

/** Per-item text field; every write-back value is usually an expression over the incoming order or invoice. */
export function textField(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra };
}

export const channelOrderIdField = textField('Channel Order ID', 'channelOrderId', {
	required: true,
	placeholder: '={{ $json.channelOrderId }}',
	description: 'The order ID on the channel, as in the channelOrderId of the OMS orders',
});

export const groupIdField = textField('Group ID (Pack or Delivery)', 'groupId', {
	placeholder: '={{ $json.groupId }}',
	description:
		'The groupId of the OMS order (a Mercado Livre pack, a Magalu delivery): orders of one group share a shipment, so within a run only the first is sent and the others come out as "skipped". Empty: every order is sent.',
});
