import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsField, orderKeyField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';

const properties: INodeProperties[] = [
	optionsField('Find By', 'findBy', 'orderKey', [
		{ name: 'Order Key', value: 'orderKey', description: 'One text such as shopify:my-shop:1001' },
		{ name: 'Channel, Account and Order ID', value: 'identity', description: 'The three parts separately' },
	]),
	{ ...orderKeyField, displayOptions: { show: { findBy: ['orderKey'] } } },
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		default: '',
		placeholder: 'shopify',
		displayOptions: { show: { findBy: ['identity'] } },
	},
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		placeholder: 'my-shop',
		description: 'The store account on the channel, as in the orders the trigger imports',
		displayOptions: { show: { findBy: ['identity'] } },
	},
	{
		displayName: 'Order ID',
		name: 'channelOrderId',
		type: 'string',
		default: '',
		placeholder: '1001',
		description: "The order's ID on the channel",
		displayOptions: { show: { findBy: ['identity'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

/** One item per input: the order as the store knows it with found: true, or found: false and the key looked for. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		const byKey = this.getNodeParameter('findBy', i) === 'orderKey';
		const ref = byKey
			? requiredText(this, 'orderKey', 'Order Key', i)
			: {
					channel: requiredText(this, 'channel', 'Channel', i),
					account: requiredText(this, 'account', 'Account', i),
					channelOrderId: requiredText(this, 'channelOrderId', 'Order ID', i),
				};
		const found = await oms.store.getOrder(ref);
		if (found) return [{ found: true, ...found }];
		return [{ found: false, orderKey: typeof ref === 'string' ? ref : `${ref.channel}:${ref.account}:${ref.channelOrderId}` }];
	});
};
