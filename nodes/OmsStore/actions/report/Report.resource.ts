import type { INodeProperties } from 'n8n-workflow';
import * as dashboard from './dashboard.operation';

export { dashboard };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Dashboard',
				value: 'dashboard',
				description:
					'Summarise the OMS (changes nothing): stock per SKU with on hand, reserved, available and the value each channel shows; open orders by status and age; oversold SKUs; listings not linked to a SKU; orders per channel per day, hours from import to invoiced and to shipped, cancellation rate and orders past their shipping deadline',
				action: 'Get the dashboard',
			},
		],
		default: 'dashboard',
	},
	...dashboard.description,
];
