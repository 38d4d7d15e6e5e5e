import { formatMoney, formattedTotals, withFormattedMoney } from '../../core/model/money';
import { buildDashboard, renderDashboard } from '../../core/report';
import type { OrderActivity } from '../../core/store/activity';
import type { PushStatusEntry, StockLevel } from '../../core/store/types';

/** The dashboard's numbers (pure, from the store's reads) and its page (Portuguese, no scripts, no assets). */

const NOW = new Date('2026-11-20T15:00:00Z'); // 12:00 in Brasília
const h = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const level = (sku: string, onHand: number, reserved: number): StockLevel => ({ sku, warehouse: 'default', onHand, reserved, available: onHand - reserved, stocked: true });
const push = (channel: string, sku: string, pushedValue: number | null, extra: Partial<PushStatusEntry> = {}): PushStatusEntry => ({
	channel, sku, warehouse: 'default', listingId: null, variantId: null, pushedValue, pushedAt: pushedValue === null ? null : h(1), pushedChangeSeq: 1,
	onHand: null, reserved: null, available: null, changeSeq: 1, behind: false, movementsSincePush: 0, retry: null, ...extra,
});
let n = 0;
const act = (channel: string, status: OrderActivity['status'], seenHoursAgo: number, extra: Partial<OrderActivity> & { totalCents?: number; shipBy?: string } = {}): OrderActivity => {
	const { totalCents = 10000, shipBy, ...rest } = extra;
	n += 1;
	return {
		orderKey: `${channel}:acc:${n}`, channel, account: 'acc', channelOrderId: String(n), status, firstSeenAt: h(seenHoursAgo),
		summary: { totalCents, currency: 'BRL', shipBy: shipBy ?? null, unmappedLines: [] }, reachedAt: {}, ...rest,
	};
};

describe('formatMoney', () => {
	test('R$ with dot thousands and comma decimals; other currencies keep their code', () => {
		expect(formatMoney(123456)).toBe('R$ 1.234,56');
		expect(formatMoney(5)).toBe('R$ 0,05');
		expect(formatMoney(100000000)).toBe('R$ 1.000.000,00');
		expect(formatMoney(-1990)).toBe('-R$ 19,90');
		expect(formatMoney(150000, 'JPY')).toBe('JPY 1.500,00');
		expect(formattedTotals({ itemsCents: 9980, shippingCents: 1500, discountCents: 0, totalCents: 11480 }, 'BRL')).toEqual({
			items: 'R$ 99,80', shipping: 'R$ 15,00', discount: 'R$ 0,00', total: 'R$ 114,80',
		});
	});
});

describe('buildDashboard', () => {
	const levels = [level('B-2', 5, 7), level('A-1', 10, 3), level('C-3', 0, 0)];
	const pushes = [
		push('woocommerce:loja', 'A-1', 7), push('nuvemshop:1', 'A-1', 9, { behind: true }),
		push('woocommerce:loja', 'B-2', null, { retry: { sku: 'B-2', warehouse: 'default', listing: '', attempts: 2, uncertain: false, lastError: '400', lastHttpCode: 400, firstFailedAt: h(2), nextAt: h(0), revision: 1 } }),
	];
	const unmapped = act('nuvemshop', 'paid', 3);
	unmapped.summary!.unmappedLines = [{ index: 0, quantity: 2, channelListingId: 'L1', title: 'Caneca' }];
	const again = act('nuvemshop', 'cancelled', 5);
	again.summary!.unmappedLines = [{ index: 1, quantity: 1, channelListingId: 'L1', title: 'Caneca' }];
	const activity = [
		unmapped, again,
		act('woocommerce', 'pending_payment', 2),
		act('woocommerce', 'paid', 30, { reachedAt: { paid: h(30) } }), // paid 30 h ago, default handling 48 h: on time
		act('woocommerce', 'paid', 60, { reachedAt: { paid: h(60) } }), // past 48 h after payment
		act('woocommerce', 'invoiced', 100, { shipBy: h(10), reachedAt: { paid: h(100), invoiced: h(90) } }), // channel deadline passed
		act('woocommerce', 'shipped', 50, { totalCents: 5000, reachedAt: { paid: h(50), invoiced: h(44), shipped: h(20) } }),
		act('woocommerce', 'shipped', 26, { totalCents: 2500, reachedAt: { shipped: h(26) } }), // imported already shipped: left out of durations
		act('woocommerce', 'paid', 24 * 20, { reachedAt: { paid: h(24 * 20) } }), // open, older than the window
	];
	const r = buildDashboard({ levels, pushes, activity }, NOW);

	test('stock rows per SKU with the value each channel account was last told, behind and failing marked', () => {
		expect(r.channelAccounts).toEqual(['nuvemshop:1', 'woocommerce:loja']);
		expect(r.stock.map((s) => [s.sku, s.onHand, s.reserved, s.available])).toEqual([['A-1', 10, 3, 7], ['B-2', 5, 7, -2], ['C-3', 0, 0, 0]]);
		expect(r.stock[0].channels.map((c) => [c.value, c.behind, c.failing])).toEqual([[9, true, false], [7, false, false]]);
		expect(r.stock[1].channels.map((c) => [c.value, c.failing])).toEqual([[null, false], [null, true]]);
		expect(r.oversold.map((s) => s.sku)).toEqual(['B-2']);
	});

	test('open orders by status and age, with their value', () => {
		expect(r.openOrders.total).toBe(6);
		expect(r.openOrders.counts).toEqual({ pending_payment: [1, 0, 0, 0], paid: [1, 2, 0, 1], invoiced: [0, 0, 1, 0] });
		expect(r.openOrders.byAge).toEqual([2, 2, 1, 1]);
		expect(r.openOrders.valueCents).toBe(60000);
	});

	test('unlinked listings grouped by channel account and listing', () => {
		expect(r.unlinked).toEqual([{ channel: 'nuvemshop', account: 'acc', listingId: 'L1', variantId: null, title: 'Caneca', orders: 2, units: 3 }]);
	});

	test('KPIs: orders per channel per local day, durations, cancellation rate, late orders', () => {
		expect(r.kpis.days).toHaveLength(14);
		expect(r.kpis.days[13]).toBe('2026-11-20');
		expect(r.kpis.ordersInWindow).toBe(8); // all but the 20-day-old order
		expect(r.kpis.ordersPerDay.woocommerce.reduce((a, b) => a + b, 0)).toBe(6);
		expect(r.kpis.ordersPerDay.woocommerce[13]).toBe(1); // 2 h ago is today in Brasília; 26 h and 30 h ago are yesterday
		expect(r.kpis.salesCents).toEqual({ nuvemshop: 10000, woocommerce: 10000 * 4 + 5000 + 2500 });
		expect(r.kpis.cancelled).toBe(1);
		expect(r.kpis.cancellationRate).toBeCloseTo(1 / 8);
		expect(r.kpis.importToInvoiced).toEqual({ orders: 2, medianHours: 6, p90Hours: 10 });
		expect(r.kpis.importToShipped).toEqual({ orders: 1, medianHours: 30, p90Hours: 30 });
		expect(r.kpis.pastDeadline.map((o) => [o.orderKey.split(':')[0], o.status, o.fromChannel])).toEqual([
			['woocommerce', 'paid', false], ['woocommerce', 'paid', false], ['woocommerce', 'invoiced', true],
		]);
		expect(buildDashboard({ levels, pushes, activity }, NOW, { handlingHours: 0 }).kpis.pastDeadline).toHaveLength(1);
	});

	test('orders per channel split a hub by origin marketplace; orders without an origin stay under the hub', () => {
		const hub = (origin: string | undefined, totalCents: number) => {
			const a = act('anymarket', 'paid', 3, { totalCents });
			if (origin) a.summary!.originMarketplace = origin;
			return a;
		};
		const split = buildDashboard({ levels: [], pushes: [], activity: [hub('MERCADO_LIVRE', 100), hub('MERCADO_LIVRE', 200), hub('NETSHOES', 50), hub(undefined, 7)] }, NOW);
		expect(split.kpis.salesCents).toEqual({ 'anymarket/MERCADO_LIVRE': 300, 'anymarket/NETSHOES': 50, anymarket: 7 });
		expect(split.kpis.ordersPerDay['anymarket/MERCADO_LIVRE'].reduce((a, b) => a + b, 0)).toBe(2);
		expect(renderDashboard(split)).toContain('data-channel="anymarket/NETSHOES"');
	});
});

describe('renderDashboard', () => {
	const activity: OrderActivity[] = [act('woo<script>', 'paid', 1, { totalCents: 123456 })];
	const html = renderDashboard(buildDashboard({ levels: [level('<b>X</b>', 1, 2)], pushes: [], activity }, NOW));

	test('one self-contained page: no scripts, no external assets, text escaped', () => {
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i);
		expect(html).toContain('&lt;b&gt;X&lt;/b&gt;');
		expect(html).toContain('woo&lt;script&gt;');
		expect(html).toMatch(/<svg[^>]+role="img"/);
	});

	test('Portuguese labels and money as R$ with comma decimals', () => {
		for (const label of ['Painel do OMS', 'Estoque por SKU', 'Pedidos em aberto por situação e idade', 'Vendidos além do estoque', 'Anúncios sem SKU vinculado', 'Taxa de cancelamento', 'Pedidos com prazo de envio vencido']) {
			expect(html).toContain(label);
		}
		expect(html).toContain('R$ 1.234,56');
		expect(html).toMatch(/data-sku="&lt;b&gt;X&lt;\/b&gt;".*data-field="available" class="neg">-1</);
	});
});

describe('withFormattedMoney (order outputs)', () => {
	test('adds the text of every amount beside its cents; error items pass through', () => {
		const order = { currency: 'BRL', totals: { itemsCents: 123456, shippingCents: 1500, discountCents: 0, totalCents: 124956 }, lines: [{ sku: 'A', quantity: 1, unitPriceCents: 123456 }] };
		expect(withFormattedMoney(order)).toEqual({
			currency: 'BRL',
			totals: { itemsCents: 123456, items: 'R$ 1.234,56', shippingCents: 1500, shipping: 'R$ 15,00', discountCents: 0, discount: 'R$ 0,00', totalCents: 124956, total: 'R$ 1.249,56' },
			lines: [{ sku: 'A', quantity: 1, unitPriceCents: 123456, unitPrice: 'R$ 1.234,56' }],
		});
		const error = { error: { orderRef: 'x', field: 'id', message: 'm' }, raw: {} };
		expect(withFormattedMoney(error)).toBe(error);
	});
});
