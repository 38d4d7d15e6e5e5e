import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { channelOrderIdField, textField } from './fields';

const properties: INodeProperties[] = [
	channelOrderIdField,
	textField('Reason', 'reason', { description: "Why the order is cancelled; channels with fixed reasons get the closest one, or their default" }),
];

export const description = updateDisplayOptions({ show: { operation: ['cancelOrder'] } }, properties);

export const fields = ['channelOrderId', 'reason'];
