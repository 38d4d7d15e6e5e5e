import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { optionalText } from '../shared/params';
import { channelAccountField } from './channelFields';

const properties: INodeProperties[] = [{ ...channelAccountField, required: false, description: 'Only this account (channel:account); leave empty for every account' }];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listListingRules'] } }, properties);

export const execute: OperationExecute = async function (items, oms) {
	return await onceForAll(this, oms, async () => await oms.store.listListingRules(optionalText(this, 'channelAccount', 0)));
};
