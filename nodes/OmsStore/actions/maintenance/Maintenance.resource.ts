import type { INodeProperties } from 'n8n-workflow';
import * as ledger from './ledger.operation';
import * as reconcile from './reconcile.operation';

export { ledger, reconcile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['maintenance'] } },
		options: [
			{
				name: 'Ledger',
				value: 'ledger',
				description: 'List stock movements (the stock history)',
				action: 'List stock movements',
			},
			{
				name: 'Reconcile',
				value: 'reconcile',
				description: 'Check the stock figures against the stock history, and optionally repair them',
				action: 'Reconcile stock',
			},
		],
		default: 'reconcile',
	},
	...ledger.description,
	...reconcile.description,
];
