import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { limitField } from '../shared/fields';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { optionalText } from '../shared/params';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Account', name: 'account', type: 'string', default: '', placeholder: 'my-shop', description: 'Only listings of this store account' },
			{ displayName: 'Channel', name: 'channel', type: 'string', default: '', placeholder: 'mercadolivre', description: 'Only listings of this channel' },
		],
	},
	{ ...limitField, default: 100, typeOptions: { minValue: 1, maxValue: 1000 } },
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listUnlinked'] } }, properties);

/** One output item per listing waiting for a link, with its title, the units waiting and the orders; once per run. */
export const execute: OperationExecute = async function (items, oms) {
	return await onceForAll(this, oms, async () =>
		oms.store.listUnlinked({
			channel: optionalText(this, 'filters.channel', 0),
			account: optionalText(this, 'filters.account', 0),
			limit: this.getNodeParameter('limit', 0) as number,
		}),
	);
};
