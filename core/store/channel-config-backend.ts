import type { PublishRule } from '../catalog/publish-rules';

/** Per channel account settings kept in the store: publish rules and warehouses. */

export interface PublishRuleEntry extends PublishRule {
	/** The channel account ("shopify:loja.myshopify.com", as Push Stock names it). */
	channel: string;
	/** Null: the account's rule; a SKU: the override for that SKU's listing on the account. */
	sku: string | null;
	updatedAt: string;
}

export interface ChannelWarehouses {
	channel: string;
	/** Warehouses whose stock the account sells: their sum is published. Empty: the Push Stock node's Warehouse. */
	sells: string[];
	/**
	 * Where an order from the account that names no warehouse reserves: the first of these with enough
	 * available for every line, else the first. Empty: the default warehouse.
	 */
	reservesIn: string[];
	updatedAt: string;
}

/** Driver statements for the settings; each write is one statement (atomic on its own). */
export interface ChannelConfigBackend {
	upsertRule(channel: string, sku: string, rule: PublishRule, at: string): Promise<void>;
	deleteRule(channel: string, sku: string): Promise<boolean>;
	/** Rules of the channel account (all accounts when null): the account's rule (sku '') and the SKUs among `skus` (all when undefined). */
	selectRules(channel: string | null, skus?: string[]): Promise<PublishRuleEntry[]>;
	upsertWarehouses(channel: string, sells: string[], reservesIn: string[], at: string): Promise<void>;
	deleteWarehouses(channel: string): Promise<boolean>;
	selectWarehouses(channels: string[] | null): Promise<ChannelWarehouses[]>;
}

/** Inside an apply transaction: where an order reserves. */
export interface WarehouseChoiceTx {
	reserveWarehouses(channels: string[]): Promise<Map<string, string[]>>;
	/** Available (on hand − reserved) of existing counters, not locked; absent counters are absent. */
	peekAvailable(keys: Array<{ sku: string; warehouse: string }>): Promise<Map<string, number>>;
}
