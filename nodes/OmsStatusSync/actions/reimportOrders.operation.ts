import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { catchUpOrders } from '../../../core/channels/catch-up';
import type { ChannelAdapter } from '../../../core/channels/types';
import { withFormattedMoney } from '../../../core/model/money';
import { noticeField } from '../../shared/fields';

const show = { show: { operation: ['reimportOrders'] } };

export const description: INodeProperties[] = [
	noticeField(
		'reimportNotice',
		'Reads again every order of the channel changed in the last hours and outputs them like the channel trigger does. Connect it to OMS Store → Apply: orders the store already has change nothing, and orders a failed run lost are applied now. Run it nightly.',
		{ displayOptions: show },
	),
	{
		displayName: 'Hours Back',
		name: 'hoursBack',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 720 },
		default: 24,
		description: 'Orders changed in this many hours before now are read again',
		displayOptions: show,
	},
	{
		displayName: 'Include Raw Payload',
		name: 'includeRaw',
		type: 'boolean',
		default: false,
		description: 'Whether to add each order exactly as the channel returned it, under "raw"',
		displayOptions: show,
	},
];

/** One listing for the whole run: the window is the node's, not the items'. */
export async function execute(this: IExecuteFunctions, adapter: ChannelAdapter, now: Date): Promise<INodeExecutionData[]> {
	const hours = this.getNodeParameter('hoursBack', 0, 24) as number;
	const includeRaw = this.getNodeParameter('includeRaw', 0, false) as boolean;
	const { items } = await catchUpOrders(adapter, { since: new Date(now.getTime() - hours * 3600_000), until: now, includeRaw });
	return this.helpers.returnJsonArray(items.map(withFormattedMoney) as unknown as IDataObject[]);
}
