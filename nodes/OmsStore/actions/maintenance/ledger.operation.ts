import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { filtersCollection, limitField, orderKeyField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { integer, optionalText } from '../shared/params';

const properties: INodeProperties[] = [
	filtersCollection([
		{
			displayName: 'After Entry ID',
			name: 'afterId',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Only entries after this one: pass the last ID you received to get the next page',
		},
		{ ...orderKeyField, description: `Only movements of this order. ${orderKeyField.description}.` },
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Only movements of this SKU' },
	]),
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['maintenance'], operation: ['ledger'] } }, properties);

/** The stock history, oldest first: one output item per movement. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		const afterId = Number(this.getNodeParameter('filters.afterId', i, 0));
		return await oms.store.listLedger({
			sku: optionalText(this, 'filters.sku', i),
			orderKey: optionalText(this, 'filters.orderKey', i),
			afterId: Number.isInteger(afterId) && afterId > 0 ? afterId : undefined,
			limit: integer(this, 'limit', 'Limit', i),
		});
	});
};
