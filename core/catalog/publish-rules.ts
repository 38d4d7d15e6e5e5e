import { MAX_QUANTITY } from '../model/validate';

/**
 * What a channel account is offered, kept in the store so every workflow publishing to it shows the same
 * number. A rule is set per channel account and may be overridden per SKU (the SKU's listing on that
 * account); a field left unset falls back to the account's rule, then to the Push Stock node's parameters
 * (workflows saved before the rules existed), then to the default.
 *
 *   value = 0                                         when available < zeroBelow
 *         = max(0, min(cap, floor((available − safety) × share / 100)))   otherwise (cap 0 = none)
 */
export interface PublishRule {
	/** Share of the sellable units offered, 1–100 (%); default 100. */
	sharePercent?: number;
	/** Largest quantity shown; 0 = no cap (default). */
	maxQuantity?: number;
	/** Units held back from this channel (default 0). */
	safetyStock?: number;
	/** Publish 0 while the OMS has fewer than this many available for the channel (default 0 = never). */
	zeroBelow?: number;
}

export type ResolvedRule = Required<PublishRule>;

export const DEFAULT_RULE: ResolvedRule = { sharePercent: 100, maxQuantity: 0, safetyStock: 0, zeroBelow: 0 };

const FIELDS = ['sharePercent', 'maxQuantity', 'safetyStock', 'zeroBelow'] as const;
const BOUNDS: Record<(typeof FIELDS)[number], [number, number]> = {
	sharePercent: [1, 100],
	maxQuantity: [0, MAX_QUANTITY],
	safetyStock: [0, MAX_QUANTITY],
	zeroBelow: [0, MAX_QUANTITY],
};

export class PublishRuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PublishRuleError';
	}
}

/** Only the fields set, each a whole number in its bounds; `what` names the rule in errors. */
export function checkRule(rule: PublishRule, what: string): PublishRule {
	const out: PublishRule = {};
	for (const field of FIELDS) {
		const v = rule?.[field];
		if (v === undefined || v === null) continue;
		const [min, max] = BOUNDS[field];
		if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
			throw new PublishRuleError(`${what}: ${field} must be a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
		}
		out[field] = v;
	}
	return out;
}

/** Field by field: the SKU's override, else the account's rule, else the node's parameters, else the default. */
export function resolveRule(...layers: Array<PublishRule | undefined>): ResolvedRule {
	const out = { ...DEFAULT_RULE };
	for (const field of FIELDS) {
		const layer = layers.find((l) => l?.[field] !== undefined && l[field] !== null);
		if (layer) out[field] = layer[field]!;
	}
	return out;
}

/** The quantity a channel is offered from the OMS's available units (negative for an oversold SKU). */
export function publishedValue(available: number, rule: ResolvedRule): number {
	if (rule.zeroBelow > 0 && available < rule.zeroBelow) return 0;
	const sellable = available - rule.safetyStock;
	if (sellable <= 0) return 0;
	const shared = Math.floor((sellable * rule.sharePercent) / 100);
	return Math.max(0, rule.maxQuantity > 0 ? Math.min(rule.maxQuantity, shared) : shared);
}
