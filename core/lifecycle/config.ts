import type { CanonicalStatus } from '../model/order';

export const COMMIT_POINTS = ['paid', 'invoiced', 'shipped'] as const;
export type CommitPoint = (typeof COMMIT_POINTS)[number];

/** How an order's status turns into stock movements. Defaults follow Tiny's OMS. */
export interface LifecycleConfig {
	/**
	 * Where on-hand is deducted for good: when the order is paid (the payment is confirmed), invoiced
	 * (default) or shipped (then only the units shipped so far, for orders shipped in parts).
	 */
	commitOn: CommitPoint;
	/** A cancellation after the commit point puts the units back on hand (default) or leaves them out. */
	restockOnCancelAfterCommit: boolean;
	/** A return puts the units back on hand (default) or not (damaged goods go through an adjustment). */
	restockOnReturn: boolean;
}

export const DEFAULT_LIFECYCLE: LifecycleConfig = {
	commitOn: 'invoiced',
	restockOnCancelAfterCommit: true,
	restockOnReturn: true,
};

/** Forward order of the non-terminal statuses; cancelled and returned are terminal. */
const RANK: Record<CanonicalStatus, number> = {
	pending_payment: 0,
	paid: 1,
	invoiced: 2,
	shipped: 3,
	delivered: 4,
	cancelled: 9,
	returned: 9,
};

export const statusRank = (s: CanonicalStatus): number => RANK[s];
export const isTerminal = (s: CanonicalStatus): boolean => s === 'cancelled' || s === 'returned';

/** Which side of the commit point a status is on. */
export function statusPhase(s: CanonicalStatus, config: LifecycleConfig): 'open' | 'committed' | 'cancelled' | 'returned' {
	if (s === 'cancelled' || s === 'returned') return s;
	return RANK[s] >= RANK[config.commitOn] ? 'committed' : 'open';
}

export function resolveLifecycle(partial?: Partial<LifecycleConfig>): LifecycleConfig {
	const merged = { ...DEFAULT_LIFECYCLE, ...(partial ?? {}) };
	if (!(COMMIT_POINTS as readonly string[]).includes(merged.commitOn)) {
		throw new Error(`commitOn must be "paid", "invoiced" or "shipped", got "${String(merged.commitOn)}"`);
	}
	return merged;
}
