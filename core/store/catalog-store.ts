import type { KitComponent } from '../catalog/kits';
import type { PublishRule } from '../catalog/publish-rules';
import type { StoreBackend } from './backend';
import type { ChannelWarehouses, PublishRuleEntry } from './channel-config-backend';
import { checkChannelAccount, removeRule, rulesFor, setRule, setWarehouses } from './channel-config-ops';
import { storeSku } from './inputs';
import { listingRulesFor, listListingRules, removeListingRule, setListingRule, type ListingRef } from './listing-rule-ops';
import type { ListingRuleEntry } from '../catalog/listing-rules';
import type { LinkQuery, ListingLink } from '../catalog/types';
import type { PushRetryInput, PushStatusEntry, PushStatusQuery } from './types';
import { kitsContainingIn, kitViews, saveKitInTx, type KitChangeResult, type KitView } from './kit-ops';

/**
 * The catalog part of the store (kits, publish rules and warehouses per channel account), over the same
 * driver and clock as LedgerStore, which extends it.
 */
export abstract class CatalogStore {
	constructor(
		protected readonly backend: StoreBackend,
		protected readonly clock: () => Date,
	) {}

	protected now(): string {
		return this.clock().toISOString();
	}

	abstract listLinks(query?: LinkQuery): Promise<ListingLink[]>;
	abstract pushStatus(query?: PushStatusQuery): Promise<PushStatusEntry[]>;
	abstract recordPushRetries(channel: string, entries: PushRetryInput[]): Promise<void>;

	private listingRuleDeps() {
		return { listLinks: (q?: LinkQuery) => this.listLinks(q), pushStatus: (q?: PushStatusQuery) => this.pushStatus(q), recordPushRetries: (c: string, e: PushRetryInput[]) => this.recordPushRetries(c, e), rules: this.backend.listingRules, now: this.now() };
	}

	async defineKit(sku: string, components: KitComponent[]): Promise<KitChangeResult> {
		const now = this.now();
		return this.backend.transaction((tx) => saveKitInTx(tx, sku, components, now));
	}

	async removeKit(sku: string): Promise<KitChangeResult> {
		const now = this.now();
		return this.backend.transaction((tx) => saveKitInTx(tx, sku, null, now));
	}

	async listKits(query: { skus?: string[]; afterSku?: string; limit?: number } = {}): Promise<KitView[]> {
		const reads = this.backend.kitReads;
		if (query.skus) {
			const found = await reads.kitDefinitions([...new Set(query.skus.map((s) => storeSku(s)))]);
			return kitViews(reads, [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, k]) => ({ sku, ...k })));
		}
		return kitViews(reads, await reads.listKits(query.afterSku ?? '', Math.min(Math.max(1, query.limit ?? 1000), 100_000)));
	}

	kitsContaining(skus: string[]): Promise<string[]> {
		return kitsContainingIn(this.backend.kitReads, [...new Set(skus.map((s) => storeSku(s)))]);
	}

	setPublishRule(channel: string, rule: PublishRule, sku?: string): Promise<PublishRuleEntry> {
		return setRule(this.backend.channelConfig, channel, rule, sku, this.now());
	}

	removePublishRule(channel: string, sku?: string): Promise<{ channel: string; sku: string | null; removed: boolean }> {
		return removeRule(this.backend.channelConfig, channel, sku);
	}

	listPublishRules(channel?: string): Promise<PublishRuleEntry[]> {
		return this.backend.channelConfig.selectRules(channel === undefined ? null : checkChannelAccount(channel));
	}

	publishRulesFor(channel: string, skus: string[]): Promise<{ account?: PublishRule; bySku: Map<string, PublishRule> }> {
		return rulesFor(this.backend.channelConfig, channel, skus.map((s) => storeSku(s)));
	}

	setListingRule(channel: string, listing: ListingRef, rule: PublishRule): Promise<ListingRuleEntry> {
		return setListingRule(this.listingRuleDeps(), channel, listing, rule);
	}

	removeListingRule(channel: string, listing: ListingRef): Promise<{ channel: string; listingId: string; variantId: string; skus: string[]; removed: boolean }> {
		return removeListingRule(this.listingRuleDeps(), channel, listing);
	}

	listListingRules(channel?: string): Promise<ListingRuleEntry[]> {
		return listListingRules(this.listingRuleDeps(), channel);
	}

	listingRulesFor(channel: string, listingIds?: string[]): Promise<Map<string, PublishRule>> {
		return listingRulesFor(this.backend.listingRules, checkChannelAccount(channel), listingIds);
	}

	setChannelWarehouses(channel: string, warehouses: { sells?: string[]; reservesIn?: string[] }): Promise<ChannelWarehouses> {
		return setWarehouses(this.backend.channelConfig, channel, warehouses, this.now());
	}

	async removeChannelWarehouses(channel: string): Promise<{ channel: string; removed: boolean }> {
		const account = checkChannelAccount(channel);
		return { channel: account, removed: await this.backend.channelConfig.deleteWarehouses(account) };
	}

	listChannelWarehouses(channel?: string): Promise<ChannelWarehouses[]> {
		return this.backend.channelConfig.selectWarehouses(channel === undefined ? null : [checkChannelAccount(channel)]);
	}
}
