import type { INodeProperties } from 'n8n-workflow';

/** Paging of the change cursor, for List Changed and Status Sync's "changed since last push". */
export const maxSkusPerRunField: INodeProperties = {
	displayName: 'Max SKUs per Run',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1000,
	description: 'When more SKUs changed, the next run continues where this one stopped',
};

/** The node's "Options" collection (name `options`, as saved workflows have it) holding `options`. */
export const optionsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options,
});

type Choice = { name: string; value: string; description?: string };

/** A drop-down (`type: 'options'`): the one shape every choice field here has, spread it to add more. */
export const optionsField = (displayName: string, name: string, defaultValue: string, options: Choice[]): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options,
	default: defaultValue,
});
