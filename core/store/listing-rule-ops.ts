import { listingTarget, type ListingRuleEntry } from '../catalog/listing-rules';
import { checkListingKey } from '../catalog/links';
import { checkRule, PublishRuleError, type PublishRule } from '../catalog/publish-rules';
import type { ListingLink } from '../catalog/types';
import { splitChannelKey } from '../sync/listings';
import { checkChannelAccount } from './channel-config-ops';
import type { ListingRuleBackend, ListingRuleRow } from './listing-rule-backend';
import type { OmsStore } from './types';

/** Checks and effects of per-listing publish rules (Catalog → Set / Remove / List Listing Rules). */

export interface ListingRef {
	listingId: string;
	/** Absent or '': the listing as a whole (every variant without its own rule). */
	variantId?: string;
}

type Deps = Pick<OmsStore, 'listLinks' | 'pushStatus' | 'recordPushRetries'> & { rules: ListingRuleBackend; now: string };

/** The account and listing checked; errors name them. */
function checkListing(channel: string, ref: ListingRef): { account: string; listingId: string; variantId: string } {
	const account = checkChannelAccount(channel);
	const { channel: ch, account: acct } = splitChannelKey(account);
	const key = checkListingKey({ channel: ch, account: acct, listingId: ref?.listingId, variantId: ref?.variantId }, `Listing rule of ${account}`);
	return { account, listingId: key.listingId, variantId: key.variantId };
}

/** The links the rule applies to: the variant's (or the whole listing's), or every link of the listing for a listing rule. */
async function linksOf(deps: Deps, account: string, listingId: string, variantId: string): Promise<ListingLink[]> {
	const { channel, account: acct } = splitChannelKey(account);
	const all = await deps.listLinks({ channel, account: acct, listingId, limit: 10_000 });
	const mine = all.filter((l) => l.listingId === listingId);
	return variantId ? mine.filter((l) => l.variantId === variantId || l.variantId === '') : mine;
}

/**
 * A changed rule changes what the listing should show although no level moved: its SKUs go to the retry set
 * (due at once, under every warehouse key they were pushed under), so the next Push Stock run publishes it.
 */
async function publishAgain(deps: Deps, account: string, skus: string[]): Promise<void> {
	for (const sku of skus) {
		const pushed = await deps.pushStatus({ channel: account, sku, limit: 10_000 });
		const keys = [...new Set(pushed.filter((p) => p.channel === account).map((p) => p.warehouse))];
		if (keys.length > 0) await deps.recordPushRetries(account, keys.map((warehouse) => ({ sku, warehouse, reason: 'deferred', message: 'its listing rule changed' })));
	}
}

export async function setListingRule(deps: Deps, channel: string, ref: ListingRef, rule: PublishRule): Promise<ListingRuleEntry> {
	const { account, listingId, variantId } = checkListing(channel, ref);
	const what = `Publish rule of ${account} listing ${listingId}${variantId ? ` variant ${variantId}` : ''}`;
	const checked = checkRule(rule, what);
	if (Object.keys(checked).length === 0) throw new PublishRuleError(`${what}: set at least one field (Share Of Available, Max Quantity, Safety Stock, Publish 0 Below)`);
	const links = await linksOf(deps, account, listingId, variantId);
	if (links.length === 0) throw new PublishRuleError(`${what}: the listing is not linked to a SKU on ${account}; link it first (Catalog → Link Listing)`);
	await deps.rules.upsertListingRule(account, listingId, variantId, checked, deps.now);
	const skus = [...new Set(links.map((l) => l.sku))];
	await publishAgain(deps, account, skus);
	return { channel: account, listingId, variantId, skus, ...checked, updatedAt: deps.now };
}

export async function removeListingRule(deps: Deps, channel: string, ref: ListingRef): Promise<{ channel: string; listingId: string; variantId: string; skus: string[]; removed: boolean }> {
	const { account, listingId, variantId } = checkListing(channel, ref);
	const removed = await deps.rules.deleteListingRule(account, listingId, variantId);
	const skus = [...new Set((await linksOf(deps, account, listingId, variantId)).map((l) => l.sku))];
	if (removed) await publishAgain(deps, account, skus);
	return { channel: account, listingId, variantId, skus, removed };
}

/** Rules of one account (every account when omitted), each with the SKUs its listing is linked to now. */
export async function listListingRules(deps: Pick<Deps, 'listLinks' | 'rules'>, channel?: string): Promise<ListingRuleEntry[]> {
	const rows = await deps.rules.selectListingRules(channel === undefined ? null : checkChannelAccount(channel));
	const out: ListingRuleEntry[] = [];
	for (const row of rows) out.push({ ...row, skus: [...new Set((await linksOf(deps as Deps, row.channel, row.listingId, row.variantId)).map((l) => l.sku))] });
	return out;
}

const ruleOf = (r: PublishRule): PublishRule => {
	const out: PublishRule = {};
	for (const k of ['sharePercent', 'maxQuantity', 'safetyStock', 'zeroBelow'] as const) if (r[k] !== undefined) out[k] = r[k];
	return out;
};

/** The rules of these listings (all their variants; every listing's when omitted) on one account, keyed by listingTarget(listingId, variantId). */
export async function listingRulesFor(rules: ListingRuleBackend, account: string, listingIds?: string[]): Promise<Map<string, PublishRule>> {
	if (listingIds?.length === 0) return new Map();
	const rows: ListingRuleRow[] = await rules.selectListingRules(account, listingIds && [...new Set(listingIds)]);
	return new Map(rows.map((r) => [listingTarget(r.listingId, r.variantId), ruleOf(r)]));
}
