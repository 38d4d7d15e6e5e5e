import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { optionalText, requiredText } from '../shared/params';
import { channelAccountField, ruleSkuField } from './channelFields';

const properties: INodeProperties[] = [channelAccountField, ruleSkuField];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['removePublishRule'] } }, properties);

export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [
		await oms.store.removePublishRule(requiredText(this, 'channelAccount', 'Channel Account', i), optionalText(this, 'sku', i)),
	]);
};
