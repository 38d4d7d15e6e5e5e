import { NodeOperationError, updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { onceForAll, type OperationExecute } from '../shared/execute';

const properties: INodeProperties[] = [
	{
		displayName: 'Older Than (Hours)',
		name: 'olderThanHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 72,
		description:
			'Orders still waiting for payment that reserved stock more than this many hours ago give their units back. Runs once per execution; outputs one item per order released.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['reservation'], operation: ['expire'] } }, properties);

const HOUR_MS = 3600 * 1000;

export const execute: OperationExecute = async function (_items, oms) {
	const hours = Number(this.getNodeParameter('olderThanHours', 0));
	if (!Number.isFinite(hours) || hours < 0) {
		throw new NodeOperationError(this.getNode(), `Older Than (Hours) must be zero or more, got ${hours}`, { itemIndex: 0 });
	}
	return await onceForAll(this, oms, async () => await oms.store.expireReservations(new Date(Date.now() - hours * HOUR_MS)));
};
