import { NodeOperationError, updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { lowStock } from '../../../../core/report/low-stock';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { integer, optionalText } from '../shared/params';
import { rowsField, warehouseField } from '../shared/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		description: 'Alert when a SKU has fewer units available than this (0: only the SKUs listed below)',
	},
	rowsField(
		'Per-SKU Thresholds',
		'perSku',
		{ displayName: 'SKU', name: 'rules', placeholder: 'Add SKU' },
		[
			{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
			{ displayName: 'Threshold', name: 'threshold', type: 'number', typeOptions: { minValue: 0 }, default: 10 },
		],
		{ description: 'SKUs with their own threshold (0 turns the alert off for that SKU)' },
	),
	{ ...warehouseField, description: 'Leave empty for all warehouses' },
	{
		displayName: 'Include Oversold',
		name: 'includeOversold',
		type: 'boolean',
		default: false,
		description: 'Whether to list SKUs below zero too (off: the oversold alert reports them)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['lowStock'] } }, properties);

/** One output item per SKU below its threshold (changes nothing); runs once per execution. */
export const execute: OperationExecute = async function (_items, oms) {
	return await onceForAll(this, oms, async () => {
		const threshold = integer(this, 'threshold', 'Threshold', 0, { min: 0, max: 1e9 });
		const rules = (this.getNodeParameter('perSku.rules', 0, []) as Array<{ sku?: string; threshold?: unknown }>) ?? [];
		const perSku: Record<string, number> = {};
		rules.forEach((r, k) => {
			const sku = String(r.sku ?? '').trim();
			const t = typeof r.threshold === 'string' ? Number(r.threshold) : r.threshold;
			if (!sku) throw new NodeOperationError(this.getNode(), `Per-SKU threshold ${k + 1}: the SKU is empty`);
			if (typeof t !== 'number') throw new NodeOperationError(this.getNode(), `Per-SKU threshold of ${sku}: must be a whole number`);
			perSku[sku] = t;
		});
		const levels = await oms.store.getAvailability(undefined, optionalText(this, 'warehouse', 0));
		return lowStock(levels, { threshold, perSku, includeOversold: this.getNodeParameter('includeOversold', 0, false) === true });
	});
};
