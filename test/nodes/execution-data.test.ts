import type { IExecuteFunctions } from 'n8n-workflow';
import { recordExecutionData } from '../../nodes/shared/execution-data';

/** A context whose customData behaves like n8n's: string values, kept per key. */
function context(): { ctx: IExecuteFunctions; data: Map<string, string> } {
	const data = new Map<string, string>();
	const customData = { get: (k: string) => data.get(k) as string, set: (k: string, v: string) => void data.set(k, v), setAll: () => undefined, getAll: () => Object.fromEntries(data) };
	return { ctx: { customData } as unknown as IExecuteFunctions, data };
}

describe('custom execution data (searchable executions)', () => {
	it('records orders and SKUs, merging what earlier nodes of the run set, without repeats', () => {
		const { ctx, data } = context();
		recordExecutionData(ctx, { orders: ['woocommerce:9101', 'nuvemshop:450789300'], skus: ['SHIRT-M', 'SHIRT-M'] });
		recordExecutionData(ctx, { orders: ['woocommerce:9101', 'woocommerce:9102'], skus: [] });
		expect(data.get('orders')).toBe('woocommerce:9101 nuvemshop:450789300 woocommerce:9102');
		expect(data.get('skus')).toBe('SHIRT-M');
	});

	it('keeps a value within n8n\'s 255 characters, saying how many more there were', () => {
		const { ctx, data } = context();
		const orders = Array.from({ length: 40 }, (_, i) => `mercadolivre:20000080000${String(i).padStart(5, '0')}`);
		recordExecutionData(ctx, { orders });
		const value = data.get('orders')!;
		expect(value.length).toBeLessThanOrEqual(255);
		const shown = value.split(' ').filter((v) => v.startsWith('mercadolivre:'));
		expect(value.endsWith(` +${40 - shown.length} more`)).toBe(true);
		expect(shown).toEqual(orders.slice(0, shown.length));
	});

	it('does nothing where the context has no execution behind it', () => {
		const ctx = { get customData(): never { throw new Error('no run data') } } as unknown as IExecuteFunctions;
		expect(() => recordExecutionData(ctx, { orders: ['x:1'] })).not.toThrow();
	});
});
