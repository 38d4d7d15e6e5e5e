import type { INodeProperties } from 'n8n-workflow';
import * as adjust from './adjust.operation';
import * as getAvailability from './getAvailability.operation';
import * as listChanged from './listChanged.operation';
import * as lowStock from './lowStock.operation';
import * as pushStatus from './pushStatus.operation';
import * as setOnHand from './setOnHand.operation';

export { adjust, getAvailability, listChanged, lowStock, pushStatus, setOnHand };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [
			{
				name: 'Adjust',
				value: 'adjust',
				description: 'Add or remove units, e.g. goods received or damaged',
				action: 'Adjust stock',
			},
			{
				name: 'Get Availability',
				value: 'getAvailability',
				description: 'Get on-hand, reserved and available units of SKUs',
				action: 'Get stock availability',
			},
			{
				name: 'List Changed',
				value: 'listChanged',
				description: 'List SKUs whose stock changed since the last run, to update the sales channels',
				action: 'List changed stock',
			},
			{
				name: 'Low Stock',
				value: 'lowStock',
				description:
					'List SKUs whose available units are below a threshold (one for all SKUs, or per SKU), with the threshold and how many units are missing (changes nothing)',
				action: 'List low stock',
			},
			{
				name: 'Push Status',
				value: 'pushStatus',
				description:
					'Show what each sales channel was last told about each SKU (changes nothing): the value published and when, the OMS available now, whether the channel is behind (stock moved since), and failed pushes waiting to be retried with their error. A listing with a publish rule of its own has its own row (Listing ID set) beside its SKU\'s row.',
				action: 'Get stock push status',
			},
			{
				name: 'Set On Hand',
				value: 'setOnHand',
				description: 'Set how many units are physically in stock, e.g. after a count',
				action: 'Set on hand stock',
			},
		],
		default: 'getAvailability',
	},
	...setOnHand.description,
	...adjust.description,
	...getAvailability.description,
	...listChanged.description,
	...pushStatus.description,
	...lowStock.description,
];
