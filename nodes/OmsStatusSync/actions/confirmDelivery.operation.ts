import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { channelOrderIdField, textField } from './fields';

const properties: INodeProperties[] = [
	channelOrderIdField,
	textField('Delivery Date', 'deliveredAt', { description: 'When the buyer received the order, ISO 8601; empty for now' }),
];

export const description = updateDisplayOptions({ show: { operation: ['confirmDelivery'] } }, properties);

export const fields = ['channelOrderId', 'deliveredAt'];
