import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { limitField } from '../shared/fields';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { optionalText } from '../shared/params';
import { listingFilters } from './listingFields';

const properties: INodeProperties[] = [
	listingFilters('listings'),
	{ ...limitField, default: 100, typeOptions: { minValue: 1, maxValue: 1000 } },
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listUnlinked'] } }, properties);

/** One output item per listing waiting for a link, with its title, the units waiting and the orders; once per run. */
export const execute: OperationExecute = async function (items, oms) {
	return await onceForAll(this, oms, async () =>
		oms.store.listUnlinked({
			channel: optionalText(this, 'filters.channel', 0),
			account: optionalText(this, 'filters.account', 0),
			limit: this.getNodeParameter('limit', 0) as number,
		}),
	);
};
