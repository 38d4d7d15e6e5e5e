import type { INodeProperties } from 'n8n-workflow';
import * as defineKit from './defineKit.operation';
import * as linkListing from './linkListing.operation';
import * as listChannelWarehouses from './listChannelWarehouses.operation';
import * as listKits from './listKits.operation';
import * as listListingRules from './listListingRules.operation';
import * as listLinks from './listLinks.operation';
import * as listPublishRules from './listPublishRules.operation';
import * as listUnlinked from './listUnlinked.operation';
import * as removeChannelWarehouses from './removeChannelWarehouses.operation';
import * as removeKit from './removeKit.operation';
import * as removeListingRule from './removeListingRule.operation';
import * as removePublishRule from './removePublishRule.operation';
import * as setBarcodes from './setBarcodes.operation';
import * as setChannelWarehouses from './setChannelWarehouses.operation';
import * as setListingRule from './setListingRule.operation';
import * as setPublishRule from './setPublishRule.operation';
import * as unlinkListing from './unlinkListing.operation';

export {
	defineKit,
	linkListing,
	listChannelWarehouses,
	listKits,
	listListingRules,
	listLinks,
	listPublishRules,
	listUnlinked,
	removeChannelWarehouses,
	removeKit,
	removeListingRule,
	removePublishRule,
	setBarcodes,
	setChannelWarehouses,
	setListingRule,
	setPublishRule,
	unlinkListing,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['catalog'] } },
		options: [
			{
				name: 'Define Kit',
				value: 'defineKit',
				description:
					'Make a SKU a kit of other SKUs (e.g. 1 shampoo + 2 conditioners), or change its components: selling one kit reserves and deducts its components, and channels are shown how many whole kits the components allow',
				action: 'Define a kit',
			},
			{
				name: 'Link Listing',
				value: 'linkListing',
				description:
					'Say which SKU a channel listing sells (one link per input item, e.g. rows of a sheet). Order lines naming the listing then reserve that SKU, open orders that were waiting for it reserve it now, and Push Stock publishes the SKU to the listing.',
				action: 'Link a listing to a SKU',
			},
			{
				name: 'List Channel Warehouses',
				value: 'listChannelWarehouses',
				description: 'Show which warehouses each channel account sells and where its orders reserve (changes nothing)',
				action: 'List channel warehouses',
			},
			{
				name: 'List Kits',
				value: 'listKits',
				description: 'List kits with their components and how many of each can be sold now (changes nothing)',
				action: 'List kits',
			},
			{
				name: 'List Links',
				value: 'listLinks',
				description: 'List which listings sell which SKU on each channel (changes nothing), made by a person, a sheet or found by Push Stock on the channel',
				action: 'List listing links',
			},
			{
				name: 'List Listing Rules',
				value: 'listListingRules',
				description: 'Show the listings that have a publish rule of their own, with the SKUs they are linked to (changes nothing)',
				action: 'List listing rules',
			},
			{
				name: 'List Publish Rules',
				value: 'listPublishRules',
				description: 'Show the publish rules of each channel account and their per-SKU overrides (changes nothing)',
				action: 'List publish rules',
			},
			{
				name: 'List Unlinked',
				value: 'listUnlinked',
				description:
					'List the channel listings that orders name but no link ties to a SKU (changes nothing): title, units waiting and the orders waiting, so a person can link them. Their units are not reserved until then.',
				action: 'List unlinked listings',
			},
			{
				name: 'Remove Channel Warehouses',
				value: 'removeChannelWarehouses',
				description: "Forget a channel account's warehouses: Push Stock sells its node's Warehouse again and orders reserve in the default warehouse",
				action: 'Remove channel warehouses',
			},
			{
				name: 'Remove Kit',
				value: 'removeKit',
				description: 'Stop treating a SKU as a kit; orders already holding it keep the components they reserved',
				action: 'Remove a kit',
			},
			{
				name: 'Remove Listing Rule',
				value: 'removeListingRule',
				description: "Remove one listing's own rule: the listing shows its SKU's number again from the next Push Stock run",
				action: 'Remove a listing rule',
			},
			{
				name: 'Remove Publish Rule',
				value: 'removePublishRule',
				description: "Remove a channel account's rule (or one SKU's override): what it set falls back to the account's rule, then to the Push Stock node's parameters",
				action: 'Remove a publish rule',
			},
			{
				name: 'Set Barcodes',
				value: 'setBarcodes',
				description:
					"Record your SKUs' barcodes (GTIN/EAN, one SKU and barcode per input item): Push Stock then finds, by barcode, the channel listings that do not carry your SKU, links them and publishes to them",
				action: 'Set barcodes',
			},
			{
				name: 'Set Channel Warehouses',
				value: 'setChannelWarehouses',
				description:
					'Say which warehouses a channel account sells (their stock is added up and published) and where its orders reserve: the first warehouse of a priority list with enough stock for the whole order',
				action: 'Set channel warehouses',
			},
			{
				name: 'Set Listing Rule',
				value: 'setListingRule',
				description:
					'Give one linked listing (or one variant) its own publish rule — e.g. only half the stock on a second listing of the same product. That listing then shows its own number; the SKU\'s other listings keep theirs. The next Push Stock run publishes it.',
				action: 'Set a listing rule',
			},
			{
				name: 'Set Publish Rule',
				value: 'setPublishRule',
				description:
					'Set what a channel account is offered, for all its listings or one SKU: a share of the available stock, a cap, a safety stock, and 0 below a minimum. Every workflow publishing to the account then shows the same number.',
				action: 'Set a publish rule',
			},
			{
				name: 'Unlink Listing',
				value: 'unlinkListing',
				description: "Remove a listing's link. Stock already reserved through it stays until the order's next update, which finds the line unlinked and releases it.",
				action: 'Unlink a listing',
			},
		],
		default: 'listUnlinked',
	},
	...linkListing.description,
	...unlinkListing.description,
	...listLinks.description,
	...listUnlinked.description,
	...defineKit.description,
	...removeKit.description,
	...listKits.description,
	...setPublishRule.description,
	...removePublishRule.description,
	...listPublishRules.description,
	...setListingRule.description,
	...removeListingRule.description,
	...listListingRules.description,
	...setChannelWarehouses.description,
	...removeChannelWarehouses.description,
	...listChannelWarehouses.description,
	...setBarcodes.description,
];
