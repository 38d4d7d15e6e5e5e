import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { filtersCollection, limitField, orderKeyField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { integer, optionalText } from '../shared/params';

const properties: INodeProperties[] = [
	filtersCollection([
		{ ...orderKeyField, description: `Only this order. ${orderKeyField.description}.` },
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Only reservations of this SKU' },
	]),
	limitField,
];

export const description = updateDisplayOptions({ show: { resource: ['reservation'], operation: ['list'] } }, properties);

/** One output item per order and SKU holding reserved units. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		return await oms.store.listReservations({
			sku: optionalText(this, 'filters.sku', i),
			orderKey: optionalText(this, 'filters.orderKey', i),
			limit: integer(this, 'limit', 'Limit', i),
		});
	});
};
