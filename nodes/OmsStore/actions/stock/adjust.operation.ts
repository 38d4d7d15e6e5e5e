import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { MAX_QUANTITY } from '../../../../core/model/validate';
import { inOneBatch, type OperationExecute } from '../shared/execute';
import { integer } from '../shared/params';
import { countDetailFields, readCount, skuField } from './countFields';

const properties: INodeProperties[] = [
	skuField,
	{
		displayName: 'Change',
		name: 'delta',
		type: 'number',
		required: true,
		default: 0,
		description: 'Units to add (e.g. 5 for a purchase received) or remove (e.g. -2 for damaged goods).',
	},
	...countDetailFields,
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['adjust'] } }, properties);

/** One store call for all items of the run: the adjustments land together or not at all. */
export const execute: OperationExecute = async function (items, oms) {
	return await inOneBatch(this,
		items,
		oms,
		(i) => ({ ...readCount(this, i), delta: integer(this, 'delta', 'Change', i, { min: -MAX_QUANTITY, max: MAX_QUANTITY }) }),
		async (entries) => await oms.store.adjustStock(entries),
	);
};
