import { MAX_QUANTITY } from '../../../../core/model/validate';
import { countOperation } from './countFields';

export const { description, execute } = countOperation(
	'setOnHand',
	{
		displayName: 'On Hand',
		name: 'onHand',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'How many units are physically in the warehouse (e.g. after a stock count)',
	},
	{ min: 0, max: MAX_QUANTITY },
	async (oms, entries) => await oms.store.setOnHand(entries),
);
