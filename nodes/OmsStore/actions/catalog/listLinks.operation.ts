import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { limitField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { optionalText } from '../shared/params';
import { listingFilters } from './listingFields';

const properties: INodeProperties[] = [
	listingFilters('links', [
		{ displayName: 'Listing ID', name: 'listingId', type: 'string', default: '', description: 'Only the links of this listing (all its variants)' },
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Only the listings that sell this SKU' },
	]),
	{ ...limitField, default: 100, typeOptions: { minValue: 1, maxValue: 10000 } },
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listLinks'] } }, properties);

/** One output item per link, sorted by channel, account, listing and variant. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) =>
		oms.store.listLinks({
			channel: optionalText(this, 'filters.channel', i),
			account: optionalText(this, 'filters.account', i),
			listingId: optionalText(this, 'filters.listingId', i),
			sku: optionalText(this, 'filters.sku', i),
			limit: this.getNodeParameter('limit', i) as number,
		}),
	);
};
