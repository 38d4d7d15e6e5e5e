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

/** A collection field (`type: 'collection'`): a group of optional settings added one by one in the editor. */
const collectionField =
	(displayName: string, name: string, placeholder: string) =>
	(options: INodeProperties[]): INodeProperties => ({ displayName, name, type: 'collection', placeholder, default: {}, options });

/** The node's "Options" collection (name `options`, as saved workflows have it) holding `options`. */
export const optionsCollection = collectionField('Options', 'options', 'Add option');

/** The "Filters" collection of the list operations (name `filters`, as saved workflows have it). */
export const filtersCollection = collectionField('Filters', 'filters', 'Add Filter');

/** A notice: text shown in the editor, storing nothing. */
export const noticeField = (name: string, text: string, more: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: text,
	name,
	type: 'notice',
	default: '',
	...more,
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
