import type { CanonicalStatus } from '../../../core/model/order';
import type { Snapshot } from './model';

/**
 * Order histories for the multi-process tests: each order walks a forward status path, one snapshot per
 * minute. Lines may change while the order is open and are frozen from its first committed status on, so
 * the final footprint depends only on the latest snapshot, whatever order the processes apply them in.
 */

const PATHS: CanonicalStatus[][] = [
	['pending_payment', 'paid', 'invoiced', 'shipped', 'delivered'],
	['pending_payment', 'paid', 'cancelled'],
	['paid', 'invoiced', 'cancelled'],
	['pending_payment', 'paid'],
	['paid', 'shipped', 'returned'],
	['pending_payment', 'pending_payment', 'paid', 'invoiced'],
];
const OPEN = new Set<CanonicalStatus>(['pending_payment', 'paid']);

export function orderHistories(count: number, skus: string[], random: () => number, prefix = 'o'): Snapshot[][] {
	const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)];
	const randomLines = (): Array<[string, number]> => {
		const n = 1 + Math.floor(random() * 3);
		return [...new Set(Array.from({ length: n }, () => pick(skus)))].map((sku) => [sku, 1 + Math.floor(random() * 3)]);
	};
	return Array.from({ length: count }, (_, i) => {
		const path = pick(PATHS);
		const steps = path.slice(0, 1 + Math.floor(random() * path.length));
		let lines = randomLines();
		return steps.map((status, minute) => {
			if (OPEN.has(status) && minute > 0 && random() < 0.4) lines = randomLines(); // edited before commit
			return { id: `${prefix}${i}`, status, minute, lines, warehouse: 'default' };
		});
	});
}
