import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { checkLinkInput } from '../../../../core/catalog/links';
import type { LinkInput } from '../../../../core/catalog/types';
import { inOneBatch, type OperationExecute } from '../shared/execute';
import { optionalText, requiredText } from '../shared/params';
import { skuField } from '../stock/countFields';
import { listingFields, readListing } from './listingFields';

const properties: INodeProperties[] = [
	...listingFields,
	{
		...skuField,
		description: 'Your product code: orders of this listing reserve and deduct this SKU, and Push Stock publishes its stock to the listing',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Inventory Item ID',
				name: 'inventoryItemId',
				type: 'string',
				default: '',
				description: "Shopify only: the variant's inventory item ID, which Shopify's stock update needs (links Push Stock finds itself carry it)",
			},
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The listing title, kept with the link for people reading it' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['linkListing'] } }, properties);

/**
 * Each input item is one link (a sheet or CSV read by another node links many listings at once): one store
 * transaction for all, which also reserves the lines of open orders that waited for these listings. A
 * listing already linked to another SKU is refused alone (error item with continue on fail).
 */
export const execute: OperationExecute = async function (items, oms) {
	return await inOneBatch(
		this,
		items,
		oms,
		(i): LinkInput => {
			const link: LinkInput = {
				...readListing(this, i),
				sku: requiredText(this, 'sku', 'SKU', i),
				inventoryItemId: optionalText(this, 'options.inventoryItemId', i),
				title: optionalText(this, 'options.title', i),
				source: items.length > 1 ? 'bulk' : 'manual',
			};
			checkLinkInput(link); // a malformed link is this item's error, not the batch's
			return link;
		},
		async (links) =>
			(await oms.store.linkListings(links)).map((r) =>
				r.outcome === 'conflict'
					? {
							ok: false as const,
							error: new Error(
								`Listing ${r.listingId}${r.variantId ? ` variant ${r.variantId}` : ''} on ${r.channel} (${r.account}) is already linked to SKU ${r.linkedSku}: unlink it first to link it to ${r.sku}`,
							),
						}
					: { ok: true as const, result: r },
			),
	);
};
