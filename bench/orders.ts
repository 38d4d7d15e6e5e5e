import type { CanonicalOrder, CanonicalStatus } from '../core/model/order';

/** Benchmark orders: 3 distinct SKUs each, mostly reserving (paid), some committing on first sight (invoiced). */

/** Deterministic pseudo-random numbers (mulberry32): runs are reproducible from their seed. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function makeOrders(count: number, skus: string[], prefix: string, rnd: () => number): CanonicalOrder[] {
	const at = new Date(Date.UTC(2026, 10, 27, 0, 0)).toISOString();
	return Array.from({ length: count }, (_, i) => {
		const picked = new Set<string>();
		while (picked.size < 3) picked.add(skus[Math.floor(rnd() * skus.length)]);
		const status: CanonicalStatus = rnd() < 0.7 ? 'paid' : 'invoiced';
		return {
			channel: 'mercadolivre',
			account: 'bench',
			channelOrderId: `${prefix}-${i}`,
			createdAt: at,
			updatedAt: at,
			status,
			paymentStatus: 'paid',
			fulfillmentStatus: 'unfulfilled',
			channelStatusRaw: status,
			currency: 'BRL',
			totals: { itemsCents: 14970, shippingCents: 0, discountCents: 0, totalCents: 14970 },
			customer: { name: 'Cliente Bench' },
			lines: [...picked].map((sku) => ({ sku, quantity: 1 + Math.floor(rnd() * 3), unitPriceCents: 4990 })),
			shipments: [],
		};
	});
}
