import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';
import { noticeField } from '../shared/fields';
import { componentFields, kitSkuField, readComponents } from './kitFields';

const properties: INodeProperties[] = [
	kitSkuField,
	...componentFields,
	noticeField(
		'kitNotice',
		'Orders already holding this kit keep the components they reserved (the definition when they first held it); new order lines use this definition. A kit cannot contain itself, even through another kit.',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['defineKit'] } }, properties);

/** One definition per input item (so a sheet of kits defines them all); the output says what changed and who keeps the old one. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		const kit = requiredText(this, 'kitSku', 'Kit SKU', i);
		return [await oms.store.defineKit(kit, readComponents(this, i, kit))];
	});
};
