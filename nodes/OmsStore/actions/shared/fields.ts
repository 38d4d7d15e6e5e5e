import type { INodeProperties } from 'n8n-workflow';
export { filtersCollection, noticeField, optionsField } from '../../../shared/fields';

/** Fields several operations share, so they read the same everywhere. */

/**
 * Rows of values (`type: 'fixedCollection'` with several entries), e.g. one row per SKU; a workflow reads them
 * as `<name>.<row name>`. `values` are the fields of one row.
 */
export function rowsField(
	displayName: string,
	name: string,
	row: { displayName: string; name: string; placeholder: string },
	values: INodeProperties[],
	more: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: row.placeholder,
		default: {},
		...more,
		options: [{ displayName: row.displayName, name: row.name, values }],
	};
}

export const warehouseField: INodeProperties = {
	displayName: 'Warehouse',
	name: 'warehouse',
	type: 'string',
	default: '',
	placeholder: 'default',
	description: 'Leave empty for the default warehouse',
};

// A literal: n8n's Limit rules (default 50, minValue 1, the standard description) read it from the source.
export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};

export const orderKeyField: INodeProperties = {
	displayName: 'Order Key',
	name: 'orderKey',
	type: 'string',
	default: '',
	placeholder: 'shopify:my-shop:1001',
	description: 'Channel, account and order ID separated by colons, as shown in the orderKey of Apply results',
};
