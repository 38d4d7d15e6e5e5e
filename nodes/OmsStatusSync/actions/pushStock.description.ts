import { DEFAULT_WAREHOUSE } from '../../../core/model/order';
import { maxSkusPerRunField } from '../../shared/fields';
import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

const properties: INodeProperties[] = [
	{
		displayName: 'SKUs to Push',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From Input Items',
				value: 'fromInput',
				description: 'Items with a sku (and warehouse), e.g. OMS Store Apply results (their affected SKUs), Link Listing results (the SKU and what its waiting orders moved) or stock levels',
			},
			{
				name: 'Changed Since Last Push',
				value: 'changedSinceLastPush',
				description: 'Every SKU whose stock changed in the OMS since this node last pushed them all',
			},
		],
		default: 'fromInput',
	},
	{
		displayName:
			'Quantities are read from the OMS Store when pushing, never from the items: an item may be older than the stock. Only values that differ from the last accepted one are sent, one push per SKU at a time. A SKU that fails waits in the store and is retried by later runs (after 1 minute, doubling up to 1 hour).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Safety Stock',
		name: 'safetyStock',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: "Units held back from this channel: it is offered available − safety stock, never below 0. A publish rule set in the OMS Store (Catalog → Set Publish Rule) for this channel account wins; this applies where none is set.",
	},
	{
		displayName: 'Max Quantity',
		name: 'maxQuantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Largest quantity shown on the channel (0 = no cap). A publish rule set in the OMS Store for this channel account wins; this applies where none is set.',
	},
	{
		displayName: 'Warehouse',
		name: 'warehouse',
		type: 'string',
		default: DEFAULT_WAREHOUSE,
		description:
			"The OMS warehouse this channel sells from; SKU levels of other warehouses are ignored. Mercado Livre multi-origin sellers: the depot the credential's Depots map to this warehouse is written (one Push Stock per warehouse). Warehouses set in the OMS Store for this channel account (Catalog → Set Channel Warehouses) win: their sum is published.",
	},
	{ ...maxSkusPerRunField, displayOptions: { show: { source: ['changedSinceLastPush'] } } },
	{
		displayName: 'Push Unchanged Values',
		name: 'pushUnchanged',
		type: 'boolean',
		default: false,
		description: 'Whether to send values the channel already accepted too, e.g. after stock was edited by hand on the channel',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['pushStock'] } }, properties);
