import { updateDisplayOptions } from 'n8n-workflow';
import { allWritten, inOneBatch, type OperationExecute } from '../shared/execute';
import { listingFields, readListing } from './listingFields';

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['unlinkListing'] } }, listingFields);

/** Each input item names one listing; one transaction for all. Answers the SKU each listing was linked to. */
export const execute: OperationExecute = async function (items, oms) {
	return await inOneBatch(
		this,
		items,
		oms,
		(i) => readListing(this, i),
		allWritten(async (keys) => await oms.store.unlinkListings(keys)),
	);
};
