import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { filtersCollection, limitField, warehouseField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { integer, optionalText } from '../shared/params';

const properties: INodeProperties[] = [
	filtersCollection([
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'string',
			default: '',
			placeholder: 'shopify',
			description: 'A channel (all its accounts) or one account, e.g. shopify:my-shop.myshopify.com',
		},
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Only this SKU' },
		{ ...warehouseField, description: 'Only this warehouse' },
	]),
	{ ...limitField, default: 100 },
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['pushStatus'] } }, properties);

/** One output item per channel account, warehouse and SKU the OMS published or failed to publish (and per listing with its own rule). */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		return await oms.store.pushStatus({
			channel: optionalText(this, 'filters.channel', i),
			sku: optionalText(this, 'filters.sku', i),
			warehouse: optionalText(this, 'filters.warehouse', i),
			limit: integer(this, 'limit', 'Limit', i, { min: 1, max: 10_000 }),
		});
	});
};
