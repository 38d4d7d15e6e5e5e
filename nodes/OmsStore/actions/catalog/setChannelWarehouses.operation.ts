import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';
import { channelAccountField, readWarehouses, warehouseListFields } from './channelFields';

const properties: INodeProperties[] = [channelAccountField, ...warehouseListFields];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['setChannelWarehouses'] } }, properties);

export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [await oms.store.setChannelWarehouses(requiredText(this, 'channelAccount', 'Channel Account', i), readWarehouses(this, i))]);
};
