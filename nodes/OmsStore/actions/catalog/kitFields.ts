import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { KitComponent } from '../../../../core/store/types';
import { optionsField, rowsField } from '../shared/fields';
import { text } from '../shared/params';

/** The kit SKU field and the components, as a list or as text (e.g. a sheet column "A:2, B:1"). */

export const kitSkuField: INodeProperties = {
	displayName: 'Kit SKU',
	name: 'kitSku',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'KIT-SHAMPOO-CONDITIONER',
	description: 'The SKU the sales channels sell as one product (a kit has no stock of its own: its components do)',
};

export const componentFields: INodeProperties[] = [
	optionsField('Components Given As', 'componentsInput', 'list', [
		{ name: 'List', value: 'list', description: 'One row per component SKU' },
		{ name: 'Text', value: 'text', description: 'One text such as "SHAMPOO:1, CONDITIONER:2", e.g. a column of a sheet' },
	]),
	rowsField(
		'Components',
		'components',
		{ displayName: 'Component', name: 'component', placeholder: 'Add Component' },
		[
			{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'A SKU in the kit (it may itself be a kit)' },
			{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'Units of this SKU in one kit' },
		],
		{ displayOptions: { show: { componentsInput: ['list'] } } },
	),
	{
		displayName: 'Components Text',
		name: 'componentsText',
		type: 'string',
		default: '',
		placeholder: 'SHAMPOO:1, CONDITIONER:2',
		description: 'Component SKUs with their units per kit, "SKU:quantity" separated by commas (a SKU without ":quantity" counts 1)',
		displayOptions: { show: { componentsInput: ['text'] } },
	},
];

/** Reads the components of item `i`; a malformed quantity is an error naming the kit and the component. */
export function readComponents(ctx: IExecuteFunctions, i: number, kit: string): KitComponent[] {
	if (ctx.getNodeParameter('componentsInput', i, 'list') === 'text') {
		return text(ctx, 'componentsText', i)
			.split(',')
			.map((part) => part.trim())
			.filter((part) => part !== '')
			.map((part) => {
				const at = part.lastIndexOf(':');
				const sku = (at < 0 ? part : part.slice(0, at)).trim();
				const raw = at < 0 ? '1' : part.slice(at + 1).trim();
				const quantity = /^\d+$/.test(raw) ? Number(raw) : NaN;
				if (!sku || !Number.isInteger(quantity)) {
					throw new NodeOperationError(ctx.getNode(), `Kit ${kit}: "${part}" is not "SKU:quantity" (quantity a whole number)`, { itemIndex: i });
				}
				return { sku, quantity };
			});
	}
	const rows = (ctx.getNodeParameter('components.component', i, []) ?? []) as Array<{ sku?: unknown; quantity?: unknown }>;
	return rows.map((r) => ({ sku: String(r.sku ?? '').trim(), quantity: typeof r.quantity === 'string' ? Number(r.quantity) : (r.quantity as number) }));
}
