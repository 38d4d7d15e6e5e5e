import { MAX_QUANTITY } from '../../../../core/model/validate';
import { countOperation } from './countFields';

export const { description, execute } = countOperation(
	'adjust',
	{
		displayName: 'Change',
		name: 'delta',
		type: 'number',
		required: true,
		default: 0,
		description: 'Units to add (e.g. 5 for a purchase received) or remove (e.g. -2 for damaged goods).',
	},
	{ min: -MAX_QUANTITY, max: MAX_QUANTITY },
	async (oms, entries) => await oms.store.adjustStock(entries),
);
