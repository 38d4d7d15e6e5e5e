import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { optionalText, requiredText } from '../shared/params';
import { channelAccountField, readRule, ruleField, ruleSkuField } from './channelFields';

const properties: INodeProperties[] = [channelAccountField, ruleSkuField, ruleField];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['setPublishRule'] } }, properties);

/** One rule per input item (e.g. a sheet of per-SKU overrides); it replaces the rule set before. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [
		await oms.store.setPublishRule(requiredText(this, 'channelAccount', 'Channel Account', i), readRule(this, i), optionalText(this, 'sku', i)),
	]);
};
