import { updateDisplayOptions } from 'n8n-workflow';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { requiredText } from '../shared/params';
import { readRule } from './channelFields';
import { listingRuleField, listingRuleFields, readListingRef } from './listingRuleFields';

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['setListingRule'] } }, [...listingRuleFields, listingRuleField]);

/** One rule per input item (e.g. a sheet of listings); it replaces the listing's rule set before. */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => [
		await oms.store.setListingRule(requiredText(this, 'channelAccount', 'Channel Account', i), readListingRef(this, i), readRule(this, i)),
	]);
};
