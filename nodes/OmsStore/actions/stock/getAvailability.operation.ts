import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { commaList, optionalText, text } from '../shared/params';
import { warehouseField } from '../shared/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Products',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'All SKUs', value: 'all' },
			{ name: 'Specific SKUs', value: 'list' },
		],
		default: 'list',
	},
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'SHIRT-M, SHIRT-L, CAP',
		description: 'SKUs separated by commas',
		displayOptions: { show: { scope: ['list'] } },
	},
	{ ...warehouseField, description: 'Leave empty for all warehouses' },
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['getAvailability'] } }, properties);

/** One output item per SKU and warehouse: on hand, reserved, and available to sell. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		const skus = this.getNodeParameter('scope', i) === 'all' ? undefined : commaList(text(this, 'skus', i));
		// An empty list would mean "all SKUs" to the store; a list that resolved to nothing means none.
		if (skus && skus.length === 0) return [];
		return await oms.store.getAvailability(skus, optionalText(this, 'warehouse', i));
	});
};
