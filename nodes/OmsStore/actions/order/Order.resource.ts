import type { INodeProperties } from 'n8n-workflow';
import * as apply from './apply.operation';
import * as get from './get.operation';
import * as list from './list.operation';
import * as mapJson from './mapJson.operation';
import * as registerReturn from './registerReturn.operation';

export { apply, get, list, mapJson, registerReturn };

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
				description: 'Reserve, deduct (baixa) or release stock for incoming orders according to their status',
				action: 'Apply orders to stock',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Read one order as the OMS knows it (changes nothing): status, stock stage, warehouse, units reserved and deducted per SKU, payment method, when it was first seen and its last update. Answers found: false when the OMS never saw the order.',
				action: 'Get an order',
			},
			{
				name: 'List',
				value: 'list',
				description:
					'List orders as the OMS knows them (changes nothing), filtered by channel, account, status, age or flagged; one result per order with the same fields as Get, sorted by order key',
				action: 'List orders',
			},
			{
				name: 'Map JSON',
				value: 'mapJson',
				description:
					'Map any order JSON (from an HTTP Request node, a webhook, a file) to an order in the OMS format with a field mapping, ready for Apply; changes nothing',
				action: 'Map JSON to an order',
			},
			{
				name: 'Register Return',
				value: 'registerReturn',
				description:
					"Register units a buyer sent back, per line: sellable ones go back on hand, damaged ones into the quarantine warehouse with a reason; optionally an exchange (troca), whose new items are reserved. Moves stock.",
				action: 'Register a return',
			},
		],
		default: 'apply',
	},
	...apply.description,
	...get.description,
	...list.description,
	...mapJson.description,
	...registerReturn.description,
];
