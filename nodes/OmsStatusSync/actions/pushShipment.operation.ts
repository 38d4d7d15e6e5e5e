import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { channelOrderIdField, groupIdField, textField } from './fields';

const properties: INodeProperties[] = [
	channelOrderIdField,
	textField('Carrier', 'carrier', { required: true, placeholder: 'Correios' }),
	textField('Tracking Code', 'trackingCode', { required: true, placeholder: 'AA123456789BR' }),
	textField('Tracking URL', 'trackingUrl', { placeholder: 'https://rastreamento.correios.com.br/?objetos=AA123456789BR' }),
	textField('Shipping Date', 'shippedAt', { description: 'When the parcel left, ISO 8601; empty for now' }),
	groupIdField,
	{
		displayName: 'Skip Items Without Tracking Code',
		name: 'skipWithoutDocument',
		type: 'boolean',
		default: false,
		description: 'Whether an item whose Tracking Code is empty passes as "skipped" instead of failing (e.g. an order posted with only its invoice or only its tracking)',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['pushShipment'] } }, properties);

export const fields = ['channelOrderId', 'carrier', 'trackingCode', 'trackingUrl', 'shippedAt', 'groupId'];
