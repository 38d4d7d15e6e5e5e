import type { INodeProperties } from 'n8n-workflow';
export { optionsField } from '../../../shared/fields';

/** Fields several operations share, so they read the same everywhere. */

export const warehouseField: INodeProperties = {
	displayName: 'Warehouse',
	name: 'warehouse',
	type: 'string',
	default: '',
	placeholder: 'default',
	description: 'Leave empty for the default warehouse',
};

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

/** The "Filters" collection of the list operations (name `filters`, as saved workflows have it). */
export const filtersCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options,
});
