import { checkRule, PublishRuleError, type PublishRule } from '../catalog/publish-rules';
import type { ChannelConfigBackend, ChannelWarehouses, PublishRuleEntry } from './channel-config-backend';
import { storeSku } from './inputs';

/** Checks and shapes of the per channel account settings (publish rules, warehouses). */

/** A channel account as Push Stock names it: "<channel>:<account>", e.g. "shopify:loja.myshopify.com". */
export function checkChannelAccount(channel: unknown): string {
	const value = typeof channel === 'string' ? channel.trim() : '';
	const at = value.indexOf(':');
	if (at <= 0 || at === value.length - 1) {
		throw new PublishRuleError(`Channel account must be "<channel>:<account>" as Push Stock and orders name it (e.g. shopify:loja.myshopify.com), got ${JSON.stringify(channel)}`);
	}
	return value;
}

function checkWarehouses(list: unknown, what: string): string[] {
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) throw new PublishRuleError(`${what} must be a list of warehouses`);
	const out: string[] = [];
	for (const w of list) {
		const name = typeof w === 'string' ? w.trim() : '';
		if (!name) throw new PublishRuleError(`${what}: a warehouse name is empty`);
		if (!out.includes(name)) out.push(name);
	}
	return out;
}

export async function setRule(config: ChannelConfigBackend, channel: string, rule: PublishRule, sku: string | undefined, at: string): Promise<PublishRuleEntry> {
	const account = checkChannelAccount(channel);
	const key = sku === undefined || sku === '' ? '' : storeSku(sku);
	const checked = checkRule(rule, key ? `Publish rule of ${account} for SKU ${key}` : `Publish rule of ${account}`);
	await config.upsertRule(account, key, checked, at);
	return { channel: account, sku: key || null, ...checked, updatedAt: at };
}

export async function removeRule(config: ChannelConfigBackend, channel: string, sku: string | undefined): Promise<{ channel: string; sku: string | null; removed: boolean }> {
	const account = checkChannelAccount(channel);
	const key = sku === undefined || sku === '' ? '' : storeSku(sku);
	return { channel: account, sku: key || null, removed: await config.deleteRule(account, key) };
}

/** The account's rule and the overrides of `skus` (keys as the store identities). */
export async function rulesFor(config: ChannelConfigBackend, channel: string, skus: string[]): Promise<{ account?: PublishRule; bySku: Map<string, PublishRule> }> {
	const rows = await config.selectRules(channel, [...new Set(skus)]);
	const account = rows.find((r) => r.sku === null);
	return { account, bySku: new Map(rows.filter((r) => r.sku !== null).map((r) => [r.sku!, r])) };
}

export async function setWarehouses(config: ChannelConfigBackend, channel: string, input: { sells?: string[]; reservesIn?: string[] }, at: string): Promise<ChannelWarehouses> {
	const account = checkChannelAccount(channel);
	const sells = checkWarehouses(input?.sells, `Warehouses ${account} sells`);
	const reservesIn = checkWarehouses(input?.reservesIn, `Warehouses ${account} reserves in`);
	if (sells.length === 0 && reservesIn.length === 0) throw new PublishRuleError(`Warehouses of ${account}: name the warehouses it sells, where its orders reserve, or both`);
	await config.upsertWarehouses(account, sells, reservesIn, at);
	return { channel: account, sells, reservesIn, updatedAt: at };
}
