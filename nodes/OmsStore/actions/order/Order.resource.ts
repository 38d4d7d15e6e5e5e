import type { INodeProperties } from 'n8n-workflow';
import * as apply from './apply.operation';

export { apply };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Apply',
				value: 'apply',
				description: 'Reserve, deduct or release stock for incoming orders according to their status',
				action: 'Apply orders to stock',
			},
		],
		default: 'apply',
	},
	...apply.description,
];
