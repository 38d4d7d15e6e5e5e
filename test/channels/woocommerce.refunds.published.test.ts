import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWooCommerceAdapter } from '../../core/channels/woocommerce';
import { normalizeWooOrder } from '../../core/channels/woocommerce/normalize';
import { WOO_REFUNDS_KEY } from '../../core/channels/woocommerce/refunds';
import { createFetchTransport } from '../../core/http/transport';
import { WooCommerceSimulator } from '../simulators/woocommerce';

/**
 * Refunds with line items, from WooCommerce's REST API docs (woocommerce/woocommerce-rest-api-docs):
 * - wp-api-v3-list-orders.json: @13d61967911cb312a27be2dc57b12d5949f40016 source/includes/wp-api-v3/_orders.md,
 *   "List all orders" (order 723, completed, refunds 726 and 724).
 * - wp-api-v3-list-refunds-723.json: @03ae850550aeddab4a72bbd2ab1f97f6a7b8f121 source/includes/wp-api-v3/_order-refunds.md,
 *   "List all refunds" of order 723 (refund 724 refunds one unit of line 311: quantity -1, meta _refunded_item_id).
 */
type Json = Record<string, any>;
const load = (name: string): any => JSON.parse(readFileSync(join(__dirname, '../fixtures/published/woocommerce', name), 'utf8'));
const order723 = (load('wp-api-v3-list-orders.json') as Json[])[1];
const refunds723 = load('wp-api-v3-list-refunds-723.json') as Json[];
const normalize = (raw: unknown) => normalizeWooOrder(raw, 'example.com');
const lineProgress = (raw: unknown) => normalize(raw).lines.map((l) => [l.channelLineId, l.quantity, l.returnedQuantity]);

describe('WooCommerce refunds with line items (published)', () => {
	it('order 723 completed: the refunded unit of line 311 came back after shipping (returned), the other line untouched', () => {
		expect(lineProgress({ ...order723, [WOO_REFUNDS_KEY]: refunds723 })).toEqual([
			['311', 1, 1],
			['313', 1, undefined],
		]);
		// Without the refunds' line items (a payload read before this version): the lines as before.
		expect(lineProgress(order723)).toEqual([
			['311', 1, undefined],
			['313', 1, undefined],
		]);
	});

	it('derived: the same refund while the order is still processing cancels the unit (the line leaves the order)', () => {
		expect(lineProgress({ ...order723, status: 'processing', [WOO_REFUNDS_KEY]: refunds723 })).toEqual([['313', 1, undefined]]);
	});

	it('the adapter reads GET /orders/{id}/refunds for an order that has refunds, and only then', async () => {
		const sim = new WooCommerceSimulator({ consumerKey: 'ck', consumerSecret: 'cs' });
		await sim.start();
		try {
			sim.orders.set(723, order723 as never);
			sim.orders.set(727, (load('wp-api-v3-list-orders.json') as Json[])[0] as never);
			sim.refunds.set(723, refunds723);
			const auth = `Basic ${Buffer.from('ck:cs').toString('base64')}`;
			const adapter = createWooCommerceAdapter({ transport: createFetchTransport({ authorization: auth }, 5000), baseUrl: sim.baseUrl, account: 'example.com' });
			const withRefunds = await adapter.getOrder!('723');
			expect(lineProgress(withRefunds)).toEqual([['311', 1, 1], ['313', 1, undefined]]);
			await adapter.getOrder!('727');
			expect(sim.requests(/\/refunds$/).map((r) => r.path)).toEqual(['/wp-json/wc/v3/orders/723/refunds']);
		} finally {
			await sim.stop();
		}
	});
});
