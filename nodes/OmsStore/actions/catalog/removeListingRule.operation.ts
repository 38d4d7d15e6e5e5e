import { updateDisplayOptions } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';
import { listingRuleFields, readListingRef } from './listingRuleFields';

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['removeListingRule'] } }, listingRuleFields);

export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [
		await oms.store.removeListingRule(requiredText(this, 'channelAccount', 'Channel Account', i), readListingRef(this, i)),
	]);
};
