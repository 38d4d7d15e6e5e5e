import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { channelOrderIdField, groupIdField, textField } from './fields';

const properties: INodeProperties[] = [
	channelOrderIdField,
	textField('NF-e Key', 'nfeKey', {
		required: true,
		placeholder: '3526 0312 3456 7800 0199 5500 1000 0012 3410 0000 1234',
		description: 'The 44-digit access key (chave de acesso); spaces are ignored, the check digit is verified',
	}),
	textField('Number', 'number', { required: true, description: 'Invoice number (nNF), as in the key' }),
	textField('Series', 'series', { required: true, description: 'Invoice series (serie), as in the key' }),
	textField('Issue Date', 'issuedAt', { required: true, placeholder: '2026-03-10T14:20:00-03:00', description: 'Date and time of issue (dhEmi), ISO 8601' }),
	textField('XML', 'xml', { typeOptions: { rows: 4 }, description: 'The authorised NF-e XML (nfeProc), for channels that take the file (required by Mercado Livre, Magalu, Olist, Shopee)' }),
	textField('Invoice URL', 'url', { description: 'Link to the DANFE or XML, for channels that take one' }),
	{
		displayName: 'Total (Cents)',
		name: 'totalCents',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Invoice total in cents, for channels that ask for it (VTEX, Magalu); 0 = not sent',
	},
	groupIdField,
	{
		displayName: 'Skip Items Without Invoice',
		name: 'skipWithoutDocument',
		type: 'boolean',
		default: false,
		description: 'Whether an item whose NF-e key is empty passes as "skipped" instead of failing (e.g. an order posted with only its invoice or only its tracking)',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['pushInvoice'] } }, properties);

export const fields = ['channelOrderId', 'nfeKey', 'number', 'series', 'issuedAt', 'xml', 'url', 'totalCents', 'groupId'];
