import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { commaList, optionalText, text } from '../shared/params';
import { warehouseField } from '../shared/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Kit SKUs',
		name: 'kitSkus',
		type: 'string',
		default: '',
		placeholder: 'KIT-1, KIT-2',
		description: 'Kit SKUs separated by commas; leave empty for every kit',
	},
	{ ...warehouseField, description: "Show each kit's availability in this warehouse only (empty: every warehouse holding a component)" },
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listKits'] } }, properties);

/** One item per kit: its components, the stock SKUs one kit takes, and how many kits can be sold now. */
export const execute: OperationExecute = async function (items, oms) {
	return await onceForAll(this, oms, async () => {
		const named = commaList(text(this, 'kitSkus', 0));
		const kits = await oms.store.listKits(named.length > 0 ? { skus: named } : { limit: 100_000 });
		if (kits.length === 0) return [];
		const levels = await oms.store.getAvailability(
			kits.map((k) => k.sku),
			optionalText(this, 'warehouse', 0),
		);
		return kits.map((k) => ({
			...k,
			availability: levels
				.filter((l) => l.kit && l.sku === k.sku)
				.map(({ warehouse, available, onHand, stocked }) => ({ warehouse, available, onHand, stocked })),
		}));
	});
};
