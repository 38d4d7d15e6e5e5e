import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { OmsWebhookTrigger } from '../../nodes/OmsWebhookTrigger/OmsWebhookTrigger.node';
import { credentialChoices, N8N_CHANNELS } from '../../nodes/shared/channels';
import { FakeWriter } from '../sync/fake-writer';
import { runSync } from '../harness/n8n-sync-harness';

/** Invoice, shipment and cancellation through n8n's ExecuteContext, over a fake writer (the seam). */

const KEY = '35260312345678000199550010000012341000012348';
let fake: FakeWriter;

function run(parameters: INodeParameters, items: IDataObject[], continueOnFail = false, channel = 'shopify') {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ writerFactory: () => () => fake });
	return runSync({
		nodeType,
		parameters: { channel, ...parameters },
		credentials: { shopifyOmsApi: { shopSubdomain: 'bob-norman', accessToken: 't' }, mercadoLivreOAuth2Api: { sellerId: '123' } },
		items,
		continueOnFail,
	});
}

const invoiceParams = {
	operation: 'pushInvoice',
	channelOrderId: '={{ $json.id }}',
	nfeKey: '={{ $json.key }}',
	number: '={{ $json.nNF }}',
	series: '1',
	issuedAt: '2026-03-10T14:20:00-03:00',
	totalCents: '={{ $json.total }}',
};

beforeEach(() => {
	fake = new FakeWriter();
});

describe('OMS Status Sync write-back', () => {
	test('invoices from expressions per item; a bad key is an error item naming the field, the next item still goes', async () => {
		const out = await run(invoiceParams, [
			{ id: '1001', key: KEY, nNF: '1234', total: 20900 },
			{ id: '1002', key: KEY.slice(0, 43) + '0', nNF: '1234', total: 100 },
			{ id: '1003', key: KEY, nNF: '1234', total: 0 },
		], true);
		expect(out[0]).toEqual({
			json: { channel: 'shopify:bob-norman.myshopify.com', operation: 'pushInvoice', status: 'done', channelOrderId: '1001', nfeKey: KEY, number: '1234', series: '1', issuedAt: '2026-03-10T14:20:00-03:00', totalCents: 20900 },
			pairedItem: { item: 0 },
		});
		expect(out[1]).toEqual({ json: { error: { message: 'NF-e key has a wrong check digit (typo in the key?)', field: 'nfeKey' } }, pairedItem: { item: 1 } });
		expect(fake.invoices.map((i) => [i.channelOrderId, i.totalCents])).toEqual([['1001', 20900], ['1003', undefined]]);
	});

	test('without continue on fail a bad item stops the run with a NodeOperationError for that item', async () => {
		await expect(run(invoiceParams, [{ id: '1', key: '123', nNF: '1' }])).rejects.toMatchObject({
			message: 'NF-e key must be 44 digits, got 3 characters',
			context: { itemIndex: 0 },
			description: 'Check the "NF-e Key" field',
		});
		expect(fake.invoices).toEqual([]);
	});

	test('a group (ML pack): one NF-e and one tracking code per group in a run, the other orders skipped; no group: each sent', async () => {
		const params = { ...invoiceParams, groupId: '={{ $json.pack }}' };
		const out = await run(params, [
			{ id: '2001', key: KEY, nNF: '1234', total: 100, pack: '900' },
			{ id: '2002', key: KEY, nNF: '1234', total: 100, pack: '900' },
			{ id: '2003', key: KEY, nNF: '1234', total: 100, pack: '' },
			{ id: '2004', key: KEY, nNF: '1234', total: 100, pack: '' },
		], false, 'mercadolivre');
		expect(out.map((o) => [o.json.channelOrderId, o.json.status, o.json.reason ?? null])).toEqual([
			['2001', 'done', null],
			['2002', 'skipped', 'already sent for group 900 (one per shipment)'],
			['2003', 'done', null],
			['2004', 'done', null],
		]);
		expect(fake.invoices.map((i) => [i.channelOrderId, i.groupId])).toEqual([['2001', '900'], ['2003', undefined], ['2004', undefined]]);
		const ship = await run({ operation: 'pushShipment', channelOrderId: '={{ $json.id }}', carrier: 'Correios', trackingCode: 'AA123456789BR', groupId: '900' }, [{ id: '2001' }, { id: '2002' }], false, 'mercadolivre');
		expect(ship.map((o) => o.json.status)).toEqual(['done', 'skipped']);
		expect(fake.shipments.map((x) => [x.channelOrderId, x.groupId])).toEqual([['2001', '900']]);
	});

	test('shipment and cancellation', async () => {
		const ship = await run({ operation: 'pushShipment', channelOrderId: '1001', carrier: 'Correios', trackingCode: '={{ $json.code }}' }, [{ code: 'AA123456789BR' }]);
		expect(ship[0].json).toMatchObject({ operation: 'pushShipment', status: 'done', trackingCode: 'AA123456789BR' });
		await run({ operation: 'cancelOrder', channelOrderId: '1001', reason: 'customer' }, [{}]);
		expect(fake.cancellations).toEqual([{ channelOrderId: '1001', reason: 'customer' }]);
	});

	test('"Skip Items Without …": an item without the document passes as skipped; a bad one still fails', async () => {
		const out = await run({ ...invoiceParams, skipWithoutDocument: true }, [
			{ id: '1001', key: '', nNF: '1234', total: 100 },
			{ id: '1002', key: KEY.slice(0, 43) + '0', nNF: '1234', total: 100 },
			{ id: '1003', key: KEY, nNF: '1234', total: 100 },
		], true);
		expect(out.map((o) => o.json.status ?? 'error')).toEqual(['skipped', 'error', 'done']);
		expect(out[0].json).toMatchObject({ operation: 'pushInvoice', reason: 'no NF-e Key', channelOrderId: '1001' });
		expect(fake.invoices.map((i) => i.channelOrderId)).toEqual(['1003']);
		const ship = await run({ operation: 'pushShipment', channelOrderId: '1001', carrier: 'Correios', trackingCode: '={{ $json.code }}', skipWithoutDocument: true }, [{ code: '' }]);
		expect(ship[0].json).toMatchObject({ status: 'skipped', reason: 'no Tracking Code' });
		// Without the option an empty document is still an error, as before.
		await expect(run({ ...invoiceParams }, [{ id: '1004', key: '', nNF: '1234', total: 100 }])).rejects.toThrow(/NF-e key is empty/);
	});

	test('an operation the channel API lacks: "<Channel> does not support …"', async () => {
		fake.cancelOrder = undefined;
		await expect(run({ operation: 'cancelOrder', channelOrderId: '1' }, [{}], false, 'mercadolivre')).rejects.toThrow(
			'Mercado Livre does not support cancelling orders through its API',
		);
	});

	test('an HTTP failure of the channel becomes NodeApiError with the code', async () => {
		fake.pushShipment = async () => {
			const { ChannelHttpError } = await import('../../core/http/retry');
			throw new ChannelHttpError(422, { method: 'POST', url: 'https://x.test/fulfillments?token=secret' }, 'HTTP 422 from POST /fulfillments');
		};
		const params = { operation: 'pushShipment', channelOrderId: '1', carrier: 'C', trackingCode: 'T' };
		await expect(run(params, [{}])).rejects.toMatchObject({ httpCode: '422', message: 'HTTP 422 from POST /fulfillments' });
		expect((await run(params, [{}], true))[0].json).toEqual({ error: { message: 'HTTP 422 from POST /fulfillments', httpCode: 422 } });
	});

	test('the node lists each channel\'s credentials, shown for that channel (and its Authentication option)', () => {
		const creds = new OmsStatusSync().description.credentials!;
		let count = 1;
		for (const [id, config] of Object.entries(N8N_CHANNELS)) {
			const choices = credentialChoices(config);
			count += choices.length;
			for (const c of choices) {
				const show = choices.length === 1 ? { '/channel': [id] } : { '/channel': [id], authentication: [c.credentialType] };
				expect(creds).toContainEqual({ name: c.credentialType, required: true, displayOptions: { show } });
			}
		}
		expect(creds).toHaveLength(count);
	});

	test('the Channel field stays a visible parameter: no credential is shown by the bare "channel" key', () => {
		// n8n's editor treats a field named in every credential's displayOptions as the authentication selector.
		for (const node of [new OmsStatusSync(), new OmsWebhookTrigger()]) {
			const keys = node.description.credentials!.flatMap((c) => Object.keys(c.displayOptions?.show ?? {}));
			expect(keys).not.toContain('channel');
			expect(keys).toContain('/channel');
		}
	});
});
