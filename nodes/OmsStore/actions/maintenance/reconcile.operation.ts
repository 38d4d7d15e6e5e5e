import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { onceForAll, type OperationExecute } from '../shared/execute';

const properties: INodeProperties[] = [
	{
		displayName: 'Repair',
		name: 'repair',
		type: 'boolean',
		default: false,
		description:
			'Whether to correct the stock figures to match the stock history. Off: only report differences. Runs once per execution and outputs one report.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['maintenance'], operation: ['reconcile'] } }, properties);

export const execute: OperationExecute = async function (_items, oms) {
	const repair = this.getNodeParameter('repair', 0) === true;
	return await onceForAll(this, oms, async () => [await oms.store.reconcile(repair)]);
};
