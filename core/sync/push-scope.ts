import type { PublishRule } from '../catalog/publish-rules';
import type { OmsStore, VersionedLevel } from '../store/types';
import type { PushStockRequest } from './push-stock';
import { pushTargets, type SkuTargets } from './push-targets';

/**
 * What one push run publishes from: the warehouses the channel account sells (the store's setting, else the
 * node's Warehouse) and the value rules (the listing's and the SKU's overrides, the account's rule, the node's
 * parameters, the defaults, field by field: push-targets.ts). Selling several warehouses publishes their sum, under a push
 * key naming them all ("default+sp"), so its recorded values, leases and retries are its own.
 */
export class PushScope {
	private constructor(
		readonly warehouses: string[],
		private readonly store: OmsStore,
		private readonly channel: string,
		private readonly nodeRule: PublishRule,
	) {}

	static async of(req: PushStockRequest, nodeWarehouse: string): Promise<PushScope> {
		const [setting] = await req.store.listChannelWarehouses(req.channel);
		const warehouses = setting && setting.sells.length > 0 ? setting.sells : [nodeWarehouse];
		return new PushScope(warehouses, req.store, req.channel, { safetyStock: req.safetyStock, maxQuantity: req.maxQuantity });
	}

	/** The key the push state is kept under. */
	get label(): string {
		return this.warehouses.join('+');
	}

	sells(warehouse: string): boolean {
		return this.warehouses.includes(warehouse);
	}

	/** Levels summed over the warehouses sold (kits per warehouse, then summed: a kit ships from one warehouse). */
	async levels(skus: string[]): Promise<VersionedLevel[]> {
		if (this.warehouses.length === 1) return this.store.getVersionedLevels(skus, this.warehouses[0]);
		const per = await Promise.all(this.warehouses.map((w) => this.store.getVersionedLevels(skus, w)));
		const sum = new Map<string, VersionedLevel>();
		for (const level of per.flat()) {
			const seen = sum.get(level.sku);
			if (!seen) sum.set(level.sku, { ...level, warehouse: this.label });
			else
				sum.set(level.sku, {
					...seen,
					onHand: seen.onHand + level.onHand,
					reserved: seen.reserved + level.reserved,
					available: seen.available + level.available,
					stocked: seen.stocked || level.stocked,
					changeSeq: Math.max(seen.changeSeq, level.changeSeq),
				});
		}
		return [...sum.values()];
	}

	/** The account's listing rules, read once per run (not once per lease group and round). */
	private listingRules: Promise<Map<string, PublishRule>> | undefined;

	/** The targets of `skus` (push-targets.ts) with the node's fields as the last rule layer. */
	targets(skus: string[], ownRecorded: Set<string>): Promise<SkuTargets> {
		// A failed read is not kept: the next lease group reads again.
		this.listingRules ??= this.store.listingRulesFor(this.channel).catch((error) => {
			this.listingRules = undefined;
			throw error;
		});
		return pushTargets(this.store, this.channel, skus, this.nodeRule, ownRecorded, this.listingRules);
	}
}
