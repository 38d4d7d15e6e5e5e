import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Magalu's own response examples, as far as the stored copies of its pages go (see
 * test/fixtures/published/magalu/SOURCES.md: both are excerpts, cut before the item price and quantity):
 * - get_order.excerpt.json: https://developers.magalu.com/docs/plataforma-do-seller-pedidos/get_order/
 * - get_delivery.excerpt.json: https://developers.magalu.com/docs/plataforma-do-seller-pedidos/get_delivery/
 */
export const publishedMagalu = (name: string): Record<string, any> =>
	JSON.parse(readFileSync(join(__dirname, '../../fixtures/published/magalu', name), 'utf8')) as Record<string, any>;

/**
 * The published order head with the published delivery as its only delivery. Added here, each because the
 * docs show a placeholder or the excerpt stops before it: the order and delivery statuses (one documented
 * value each) and the item quantity. The unit price is not in the excerpt either: the normaliser falls back
 * to the item's amounts.total / quantity.
 */
export function publishedMagaluOrder(): Record<string, any> {
	const delivery: Record<string, any> = { ...publishedMagalu('get_delivery.excerpt.json'), status: 'approved' };
	delivery.items = delivery.items.map((item: Record<string, any>) => ({ ...item, quantity: 1 }));
	return { ...publishedMagalu('get_order.excerpt.json'), status: 'approved', deliveries: [delivery] };
}
