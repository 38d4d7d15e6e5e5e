import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { allWritten, inOneBatch, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';

const properties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'barcodeSku',
		type: 'string',
		required: true,
		default: '={{ $json.sku }}',
		description: 'Your SKU (one per input item, e.g. rows of a product sheet)',
	},
	{
		displayName: 'Barcode (GTIN/EAN)',
		name: 'gtin',
		type: 'string',
		required: true,
		default: '={{ $json.gtin }}',
		placeholder: '7891000315507',
		description: 'The product barcode: 8, 12, 13 or 14 digits; the check digit is verified',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['setBarcodes'] } }, properties);

/** One SKU and barcode per item, written together; a wrong barcode is an error item naming the SKU. */
export const execute: OperationExecute = async function (items, oms) {
	return await inOneBatch(
		this,
		items,
		oms,
		(i) => ({ sku: requiredText(this, 'barcodeSku', 'SKU', i), gtin: requiredText(this, 'gtin', 'Barcode', i) }),
		allWritten(async (entries) => await oms.store.setBarcodes(entries)),
	);
};
