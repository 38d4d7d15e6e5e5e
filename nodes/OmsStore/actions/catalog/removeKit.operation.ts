import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';
import { kitSkuField } from './kitFields';

const properties: INodeProperties[] = [kitSkuField];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['removeKit'] } }, properties);

/** The SKU stops being a kit: orders holding it keep their components; new lines reserve the SKU itself. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [await oms.store.removeKit(requiredText(this, 'kitSku', 'Kit SKU', i))]);
};
