import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';
import { channelAccountField } from './channelFields';

const properties: INodeProperties[] = [channelAccountField];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['removeChannelWarehouses'] } }, properties);

export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [await oms.store.removeChannelWarehouses(requiredText(this, 'channelAccount', 'Channel Account', i))]);
};
