import { NodeOperationError, updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { CANONICAL_STATUSES, type CanonicalStatus } from '../../../../core/model/order';
import { filtersCollection, limitField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { optionalText } from '../shared/params';

const STATUS_NAMES: Record<CanonicalStatus, string> = {
	pending_payment: 'Pending Payment',
	paid: 'Paid',
	invoiced: 'Invoiced',
	shipped: 'Shipped',
	delivered: 'Delivered',
	cancelled: 'Cancelled',
	returned: 'Returned',
};

const properties: INodeProperties[] = [
	filtersCollection([
		{ displayName: 'Account', name: 'account', type: 'string', default: '', placeholder: 'my-shop', description: 'Only orders of this store account' },
		{ displayName: 'Channel', name: 'channel', type: 'string', default: '', placeholder: 'shopify', description: 'Only orders of this channel' },
		{
			displayName: 'First Seen Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: 'Only orders the OMS first saw at or after this time',
		},
		{
			displayName: 'Flagged',
			name: 'flagged',
			type: 'options',
			options: [
				{ name: 'Only Flagged', value: 'yes', description: 'Orders with doubts to check (e.g. a line without SKU, an assumed currency) or whose last update was refused as out of date or as going back' },
				{ name: 'Only Not Flagged', value: 'no' },
			],
			default: 'yes',
		},
		{
			displayName: 'Older Than (Hours)',
			name: 'olderThanHours',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 24,
			description: 'Only orders the OMS first saw more than this many hours ago',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: CANONICAL_STATUSES.map((s) => ({ name: STATUS_NAMES[s], value: s })),
			default: [],
			description: 'Only orders in one of these statuses',
		},
	]),
	limitField,
	{
		displayName: 'Continue After Order Key',
		name: 'afterKey',
		type: 'string',
		default: '',
		description: 'To read the next page: the orderKey of the last order of the previous page. Orders come sorted by orderKey.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['list'] } }, properties);

/** One output item per order matching every filter, sorted by order key. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		const f = this.getNodeParameter('filters', i, {}) as { status?: CanonicalStatus[]; olderThanHours?: number; since?: string; flagged?: 'yes' | 'no' };
		const since = f.since ? new Date(f.since) : undefined;
		if (since && Number.isNaN(since.getTime())) throw new NodeOperationError(this.getNode(), `First Seen Since is not a date: ${JSON.stringify(f.since)}`, { itemIndex: i });
		const page = await oms.store.listOrders({
			channel: optionalText(this, 'filters.channel', i),
			account: optionalText(this, 'filters.account', i),
			status: f.status?.length ? f.status : undefined,
			olderThanHours: f.olderThanHours,
			since,
			flagged: f.flagged === undefined ? undefined : f.flagged === 'yes',
			limit: this.getNodeParameter('limit', i) as number,
			afterKey: optionalText(this, 'afterKey', i),
		});
		return page.orders;
	});
};
