import type { INodeProperties } from 'n8n-workflow';
import * as expire from './expire.operation';
import * as list from './list.operation';

export { expire, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reservation'] } },
		options: [
			{
				name: 'Expire',
				value: 'expire',
				description: 'Give back the stock held by unpaid orders after a while',
				action: 'Expire old reservations',
			},
			{
				name: 'List',
				value: 'list',
				description: 'List the units held by open orders',
				action: 'List reservations',
			},
		],
		default: 'list',
	},
	...expire.description,
	...list.description,
];
