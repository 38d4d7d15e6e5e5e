import { maxSkusPerRunField, noticeField } from '../../../shared/fields';
import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { integer, text } from '../shared/params';

const properties: INodeProperties[] = [
	{
		displayName: 'Start From',
		name: 'cursorMode',
		type: 'options',
		options: [
			{
				name: 'Where the Last Run Stopped',
				value: 'stored',
				description: 'This node remembers its position in the workflow (saved when a production run ends)',
			},
			{
				name: 'A Position I Provide',
				value: 'given',
				description: 'Pass the cursor of a previous run, e.g. one you saved after a successful stock push',
			},
		],
		default: 'stored',
	},
	{
		displayName: 'Cursor',
		name: 'cursor',
		type: 'string',
		default: '',
		placeholder: '={{ $json.cursor }}',
		description: 'The cursor field of an earlier output. Leave empty to list every SKU from the beginning.',
		displayOptions: { show: { cursorMode: ['given'] } },
	},
	maxSkusPerRunField,
	noticeField(
		'notice',
		'Runs once per execution. Outputs one item per changed SKU and warehouse with its current stock, plus "cursor" (pass it back to continue) and "more" (true when more changed SKUs are waiting).',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['listChanged'] } }, properties);

/**
 * The stock-sync feed. In "stored" mode the cursor lives in the node's workflow static data: n8n saves it
 * when a production execution ends (not in manual test runs), even when a later node failed, so that
 * mode can skip a change whose push failed until the SKU changes again. The "given" mode lets a workflow
 * move the cursor only after a successful push.
 */
export const execute: OperationExecute = async function (_items, oms) {
	const stored = this.getNodeParameter('cursorMode', 0) === 'stored';
	const staticData = stored ? this.getWorkflowStaticData('node') : undefined;
	const since = stored ? (typeof staticData?.cursor === 'string' ? staticData.cursor : '') : text(this, 'cursor', 0);
	const limit = integer(this, 'pageSize', 'Max SKUs per Run', 0);

	return await onceForAll(this, oms, async () => {
		const page = await oms.store.listChanged(since || undefined, limit);
		if (staticData) staticData.cursor = page.cursor;
		return page.levels.map((level) => ({ ...level, cursor: page.cursor, more: page.more }));
	});
};
