import { groupKey, validateDelivery, writeBack, WriteBackInputError } from '../../core/sync/write-back';
import { FakeWriter } from './fake-writer';

describe('Confirm Delivery write-back', () => {
	test('the order id is required; the delivery date is optional and must be a date', () => {
		expect(validateDelivery({ channelOrderId: ' 1001 ', deliveredAt: '2026-03-12T10:00:00-03:00' })).toEqual({
			channelOrderId: '1001',
			deliveredAt: '2026-03-12T10:00:00-03:00',
		});
		expect(validateDelivery({ channelOrderId: '1001', deliveredAt: '' })).toEqual({ channelOrderId: '1001' });
		expect(() => validateDelivery({ channelOrderId: '' })).toThrow(WriteBackInputError);
		expect(() => validateDelivery({ channelOrderId: '1', deliveredAt: 'yesterday' })).toThrow('Delivery date is not a date: "yesterday"');
	});

	test('calls the writer with the validated input; a writer without it does not support confirming deliveries', async () => {
		const writer = new FakeWriter();
		await writeBack(writer, 'Americanas', 'confirmDelivery', { channelOrderId: 'Lojas Americanas-1', deliveredAt: '2026-03-12T10:00:00Z' });
		expect(writer.deliveries).toEqual([{ channelOrderId: 'Lojas Americanas-1', deliveredAt: '2026-03-12T10:00:00Z' }]);
		writer.confirmDelivery = undefined;
		await expect(writeBack(writer, 'Shopify', 'confirmDelivery', { channelOrderId: '1' })).rejects.toThrow(
			'Shopify does not support confirming deliveries through its API',
		);
	});

	test('a delivery is per order, never skipped as a repeat of its group', () => {
		expect(groupKey('confirmDelivery', { channelOrderId: '1', groupId: 'pack-9' })).toBeUndefined();
	});
});
