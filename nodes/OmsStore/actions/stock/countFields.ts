import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { StockCountInput } from '../../../../core/store/types';
import { warehouseField } from '../shared/fields';
import { optionalText, requiredText } from '../shared/params';

/** Fields shared by Set On Hand and Adjust: which stock is changed, and the idempotency reference. */

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
