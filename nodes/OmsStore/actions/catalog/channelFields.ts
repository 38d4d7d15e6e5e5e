import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { PublishRule } from '../../../../core/store/types';
import { commaList, integer, text } from '../shared/params';

/** Fields of the per channel account settings: the account, the rule's fields, warehouse lists. */

export const channelAccountField: INodeProperties = {
	displayName: 'Channel Account',
	name: 'channelAccount',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'shopify:loja.myshopify.com',
	description: 'The sales channel and account joined by a colon (channel:account), the way Push Stock and the orders name it: the "channel" field of Push Stock results',
};

const RULE_FIELDS: Array<{ name: keyof PublishRule; label: string; min: number; max: number; description: string }> = [
	{ name: 'sharePercent', label: 'Share Of Available (%)', min: 1, max: 100, description: 'Offer only this share of what is available (after the safety stock), rounded down' },
	{ name: 'maxQuantity', label: 'Max Quantity', min: 0, max: 1_000_000_000, description: 'Never show more than this (0 = no cap)' },
	{ name: 'safetyStock', label: 'Safety Stock', min: 0, max: 1_000_000_000, description: 'Units held back from this channel account' },
	{ name: 'zeroBelow', label: 'Publish 0 Below', min: 0, max: 1_000_000_000, description: 'Show 0 while fewer than this many units are available (0 = never)' },
];

export const ruleField: INodeProperties = {
	displayName: 'Rule',
	name: 'rule',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: "Fields not added fall back to the account's rule (for a SKU), then to the Push Stock node's own Safety Stock and Max Quantity",
	options: [
		{ displayName: 'Max Quantity', name: 'maxQuantity', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Never show more than this (0 = no cap)' },
		{ displayName: 'Publish 0 Below', name: 'zeroBelow', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Show 0 while fewer than this many units are available (0 = never)' },
		{ displayName: 'Safety Stock', name: 'safetyStock', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Units held back from this channel account' },
		{
			displayName: 'Share Of Available (%)',
			name: 'sharePercent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description: 'Offer only this share of what is available (after the safety stock), rounded down',
		},
	],
};

export const ruleSkuField: INodeProperties = {
	displayName: 'SKU',
	name: 'sku',
	type: 'string',
	default: '',
	placeholder: 'SHIRT-M',
	description: "Leave empty for the account's rule; a SKU sets the override for that SKU's listing on the account",
};

export function readRule(ctx: IExecuteFunctions, i: number): PublishRule {
	const added = (ctx.getNodeParameter('rule', i, {}) ?? {}) as Record<string, unknown>;
	const rule: PublishRule = {};
	for (const f of RULE_FIELDS) if (added[f.name] !== undefined && added[f.name] !== '') rule[f.name] = integer(ctx, `rule.${f.name}`, f.label, i, { min: f.min, max: f.max });
	return rule;
}

export const warehouseListFields: INodeProperties[] = [
	{
		displayName: 'Sells Warehouses',
		name: 'sells',
		type: 'string',
		default: '',
		placeholder: 'default, sp',
		description: 'Warehouses whose stock this account sells, separated by commas: their sum is published. Empty: the Push Stock node\'s Warehouse. Do not list fulfilment warehouses (Amazon FBA, Mercado Livre Full, Magalu Fulfillment): the marketplace keeps that stock.',
	},
	{
		displayName: 'Reserves In Warehouses',
		name: 'reservesIn',
		type: 'string',
		default: '',
		placeholder: 'sp, rj',
		description: 'Where an order from this account reserves when it names no warehouse: the first of these (in order) with enough available for every line, else the first. Empty: the default warehouse.',
	},
];

export const readWarehouses = (ctx: IExecuteFunctions, i: number) => ({ sells: commaList(text(ctx, 'sells', i)), reservesIn: commaList(text(ctx, 'reservesIn', i)) });
