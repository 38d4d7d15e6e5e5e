import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { requiredText, text } from '../shared/params';
import { channelAccountField, ruleField } from './channelFields';
import { listingFields } from './listingFields';

/** Fields of Set / Remove Listing Rule: the account, the listing (as links name it) and, to set, the rule. */

const [, , listingIdField, variantIdField] = listingFields;

export const listingRuleFields: INodeProperties[] = [
	channelAccountField,
	{ ...listingIdField, description: 'The listing or product ID on the channel, as Catalog → List Links shows it. The listing must be linked to a SKU.' },
	{ ...variantIdField, description: 'One variation of the listing (as List Links shows it). Leave empty for the listing as a whole: every variant without a rule of its own follows it.' },
];

export const listingRuleField: INodeProperties = {
	...ruleField,
	description: "Fields not added fall back to the SKU's override, then the account's rule, then the Push Stock node's own Safety Stock and Max Quantity. Add at least one.",
};

export const readListingRef = (ctx: IExecuteFunctions, i: number) => ({ listingId: requiredText(ctx, 'listingId', 'Listing ID', i), variantId: text(ctx, 'variantId', i) });
