import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ListingKey } from '../../../../core/catalog/types';
import { requiredText, text } from '../shared/params';
import { filtersCollection } from '../shared/fields';

/** The fields that name a channel listing (Link and Unlink), each one an expression over the item in bulk use. */

export const listingFields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'mercadolivre',
		description: 'The channel ID as in the orders the OMS triggers import: mercadolivre, shopify, woocommerce, vtex, nuvemshop, magalu, amazon, …',
	},
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'my-shop',
		description: 'The store account on the channel, as in the orders the triggers import (field "account")',
	},
	{
		displayName: 'Listing ID',
		name: 'listingId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'MLB1234567890',
		description: 'The listing or product ID on the channel, as order lines name it (channelListingId)',
	},
	{
		displayName: 'Variant ID',
		name: 'variantId',
		type: 'string',
		default: '',
		description:
			'The variation of the listing, as order lines name it (channelVariantId). Leave empty for the listing as a whole: then every variant without its own link sells this SKU.',
	},
];

/** The Filters collection of the list operations: channel and account, plus `more` options. */
export function listingFilters(what: string, more: INodeProperties[] = []): INodeProperties {
	return filtersCollection([
		{ displayName: 'Account', name: 'account', type: 'string', default: '', placeholder: 'my-shop', description: `Only ${what} of this store account` },
		{ displayName: 'Channel', name: 'channel', type: 'string', default: '', placeholder: 'mercadolivre', description: `Only ${what} of this channel` },
		...more,
	]);
}

export function readListing(ctx: IExecuteFunctions, i: number): ListingKey {
	return {
		channel: requiredText(ctx, 'channel', 'Channel', i),
		account: requiredText(ctx, 'account', 'Account', i),
		listingId: requiredText(ctx, 'listingId', 'Listing ID', i),
		variantId: text(ctx, 'variantId', i),
	};
}
