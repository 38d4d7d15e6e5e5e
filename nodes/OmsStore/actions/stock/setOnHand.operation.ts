import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { MAX_QUANTITY } from '../../../../core/model/validate';
import { inOneBatch, type OperationExecute } from '../shared/execute';
import { integer } from '../shared/params';
import { countDetailFields, readCount, skuField } from './countFields';

const properties: INodeProperties[] = [
	skuField,
	{
		displayName: 'On Hand',
		name: 'onHand',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'How many units are physically in the warehouse (e.g. after a stock count)',
	},
	...countDetailFields,
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['setOnHand'] } }, properties);

/** One store call for all items of the run: the counts land together or not at all. */
export const execute: OperationExecute = async function (items, oms) {
	return await inOneBatch(this,
		items,
		oms,
		(i) => ({ ...readCount(this, i), onHand: integer(this, 'onHand', 'On Hand', i, { min: 0, max: MAX_QUANTITY }) }),
		async (entries) => await oms.store.setOnHand(entries),
	);
};
