import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { FakeWriter } from '../sync/fake-writer';
import { runSync } from '../harness/n8n-sync-harness';

/** Confirm Delivery through n8n's ExecuteContext, over a fake writer (the seam). */
let fake: FakeWriter;

function run(parameters: INodeParameters, items: IDataObject[], continueOnFail = false) {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ writerFactory: () => () => fake });
	return runSync({
		nodeType,
		parameters: { channel: 'americanas', operation: 'confirmDelivery', ...parameters },
		credentials: { americanasOmsApi: { email: 'loja@exemplo.com.br', apiKey: 'k', accountManagerKey: 'm' } },
		items,
		continueOnFail,
	});
}

beforeEach(() => {
	fake = new FakeWriter(new Map(), 1, 'americanas');
});

describe('OMS Status Sync: Confirm Delivery', () => {
	test('one delivery per item from expressions; a bad date is an error item naming the field', async () => {
		const out = await run(
			{ channelOrderId: '={{ $json.code }}', deliveredAt: '={{ $json.at }}' },
			[
				{ code: 'Lojas Americanas-1', at: '2026-03-12T10:00:00-03:00' },
				{ code: 'Lojas Americanas-2', at: 'ontem' },
			],
			true,
		);
		expect(out[0].json).toMatchObject({
			operation: 'confirmDelivery',
			status: 'done',
			channelOrderId: 'Lojas Americanas-1',
			deliveredAt: '2026-03-12T10:00:00-03:00',
		});
		expect(out[1].json).toEqual({ error: { message: 'Delivery date is not a date: "ontem"', field: 'deliveredAt' } });
		expect(fake.deliveries).toEqual([{ channelOrderId: 'Lojas Americanas-1', deliveredAt: '2026-03-12T10:00:00-03:00' }]);
	});

	test('the operation is offered, with its fields shown for it only', () => {
		const props = new OmsStatusSync().description.properties;
		const operation = props.find((p) => p.name === 'operation')!;
		expect(operation.options).toContainEqual(expect.objectContaining({ value: 'confirmDelivery', name: 'Confirm Delivery' }));
		expect(props.find((p) => p.name === 'deliveredAt')?.displayOptions?.show?.operation).toEqual(['confirmDelivery']);
	});
});
