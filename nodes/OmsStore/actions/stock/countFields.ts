import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { StockCountInput } from '../../../../core/store/types';
import { warehouseField } from '../shared/fields';
import type { StoreHandle } from '../../../shared/store';
import { allWritten, inOneBatch, type OperationExecute } from '../shared/execute';
import { integer, optionalText, requiredText } from '../shared/params';

/** Set On Hand and Adjust: which stock is changed, the idempotency reference, and the operation itself. */

export const skuField: INodeProperties = {
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'SHIRT-M',
	description: 'Your product code (the same SKU the sales channels use)',
};

export const countDetailFields: INodeProperties[] = [
	warehouseField,
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		placeholder: 'INV-COUNT-2026-11-20',
		description:
			'An ID for this change, e.g. the document number in your ERP. A change with a reference already used is skipped, so re-running the workflow does not count it twice.',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'Monthly stock count',
		description: 'A note kept with the change in the stock history',
	},
];

export function readCount(ctx: IExecuteFunctions, itemIndex: number): StockCountInput {
	return {
		sku: requiredText(ctx, 'sku', 'SKU', itemIndex),
		warehouse: optionalText(ctx, 'warehouse', itemIndex),
		ref: optionalText(ctx, 'reference', itemIndex),
		reason: optionalText(ctx, 'reason', itemIndex),
	};
}

/**
 * Set On Hand and Adjust: the SKU, one whole-number quantity field and the count details, with one store call
 * for all items of the run (the counts land together or not at all).
 */
export function countOperation<K extends string>(
	operation: string,
	quantity: INodeProperties & { name: K },
	bounds: { min: number; max: number },
	write: (oms: StoreHandle, entries: Array<StockCountInput & Record<K, number>>) => Promise<object[]>,
): { description: INodeProperties[]; execute: OperationExecute } {
	const description = updateDisplayOptions({ show: { resource: ['stock'], operation: [operation] } }, [skuField, quantity, ...countDetailFields]);
	const execute: OperationExecute = async function (items, oms) {
		return await inOneBatch(
			this,
			items,
			oms,
			(i) => ({ ...readCount(this, i), [quantity.name]: integer(this, quantity.name, quantity.displayName, i, bounds) }) as StockCountInput & Record<K, number>,
			allWritten(async (entries) => await write(oms, entries)),
		);
	};
	return { description, execute };
}
