import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { closeSharedStores } from '../../core/store/open';
import { description as orderOperations } from '../../nodes/OmsStore/actions/order/Order.resource';
import { description as stockOperations } from '../../nodes/OmsStore/actions/stock/Stock.resource';
import { order } from '../fixtures/orders';
import { runNode } from '../harness/n8n-store-harness';
import { freshCredential, rawSql, type DriverName } from './helpers/stores';

/**
 * The read operations (Order → Get, Order → List, Stock → Push Status) through n8n's ExecuteContext, on both
 * drivers. An AI Agent calling them as tools runs these same executions, so the outputs tested here are what it reads.
 */

const DRIVERS: DriverName[] = ['sqlite', 'postgres'];
const asItems = (...orders: object[]) => orders.map((o) => o as unknown as IDataObject);

afterAll(() => closeSharedStores());

test('the read operations say what they return and that they change nothing (what an AI Agent reads to pick a tool)', () => {
	const ops = [...orderOperations, ...stockOperations].flatMap((p) => (p.name === 'operation' ? ((p.options ?? []) as Array<{ value: string; description?: string }>) : []));
	for (const value of ['get', 'list', 'pushStatus']) {
		const op = ops.find((o) => o.value === value)!;
		expect(op.description).toMatch(/changes nothing/);
	}
	const get = ops.find((o) => o.value === 'get')!.description!;
	expect(get).toMatch(/status/);
	expect(get).toMatch(/found: false/);
	expect(ops.find((o) => o.value === 'pushStatus')!.description).toMatch(/behind/);
	const listFilters = orderOperations.find((p) => p.name === 'filters') as INodeProperties;
	expect(((listFilters.options ?? []) as INodeProperties[]).map((o) => o.name).sort()).toEqual(['account', 'channel', 'flagged', 'olderThanHours', 'since', 'status']);
});

describe.each(DRIVERS)('OMS Store node, read operations on %s', (driver) => {
	let credentials: ICredentialDataDecryptedObject;
	const run = async (parameters: INodeParameters, items?: IDataObject[], continueOnFail?: boolean) =>
		(await runNode({ credentials, parameters, items, continueOnFail })).map((o) => o.json);

	beforeEach(async () => {
		credentials = await freshCredential(driver);
		await run({ resource: 'stock', operation: 'setOnHand', sku: '={{ $json.sku }}', onHand: 10 }, [{ sku: 'A' }, { sku: 'B' }]);
		await run(
			{ resource: 'order', operation: 'apply' },
			asItems(
				order('1', 'pending_payment', [['A', 2]], { paymentMethod: 'pix' }),
				order('2', 'paid', [['A', 1], ['B', 3]]),
				order('3', 'shipped', [['B', 1]], { channel: 'woocommerce', account: 'loja-b' }),
			),
		);
	});

	test('Order → Get by order key or by channel, account and order ID, one item per input; unknown orders say found: false', async () => {
		const [one] = await run({ resource: 'order', operation: 'get', orderKey: 'shopify:loja-teste:1' });
		expect(one).toMatchObject({ found: true, orderKey: 'shopify:loja-teste:1', status: 'pending_payment', stage: 'reserved', reserved: { A: 2 }, paymentMethod: 'pix', flagged: false });
		const byIdentity = await run(
			{ resource: 'order', operation: 'get', findBy: 'identity', channel: '={{ $json.c }}', account: '={{ $json.a }}', channelOrderId: '={{ $json.id }}' },
			[{ c: 'woocommerce', a: 'loja-b', id: '3' }, { c: 'shopify', a: 'loja-teste', id: '404' }],
		);
		expect(byIdentity[0]).toMatchObject({ found: true, status: 'shipped', stage: 'committed', committed: { B: 1 } });
		expect(byIdentity[1]).toEqual({ found: false, orderKey: 'shopify:loja-teste:404' });
		const [empty] = await run({ resource: 'order', operation: 'get', orderKey: '' }, undefined, true);
		expect(empty).toEqual({ error: { message: 'Order Key is empty' } });
	});

	test('Order → List with channel, status, age and flagged filters, a limit and the next page', async () => {
		const ids = (rows: IDataObject[]) => rows.map((r) => r.channelOrderId);
		expect(ids(await run({ resource: 'order', operation: 'list' }))).toEqual(['1', '2', '3']);
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { channel: 'shopify' } }))).toEqual(['1', '2']);
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { status: ['paid', 'shipped'] } }))).toEqual(['2', '3']);
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { olderThanHours: 1 } }))).toEqual([]); // all first seen just now
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { since: '2020-01-01T00:00:00Z' } }))).toEqual(['1', '2', '3']);
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { flagged: 'yes' } }))).toEqual([]);
		// An older snapshot of order 2 is refused as stale: the order is flagged.
		await run({ resource: 'order', operation: 'apply' }, asItems(order('2', 'paid', [['A', 1], ['B', 3]], { updatedAt: '2026-11-20T11:00:00.000Z' })));
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { flagged: 'yes' } }))).toEqual(['2']);
		expect(ids(await run({ resource: 'order', operation: 'list', filters: { flagged: 'no' } }))).toEqual(['1', '3']);
		const first = await run({ resource: 'order', operation: 'list', limit: 2 });
		expect(ids(first)).toEqual(['1', '2']);
		expect(ids(await run({ resource: 'order', operation: 'list', limit: 2, afterKey: String(first[1].orderKey) }))).toEqual(['3']);
		const [bad] = await run({ resource: 'order', operation: 'list', filters: { since: 'yesterday-ish' } }, undefined, true);
		expect(bad).toEqual({ error: { message: 'First Seen Since is not a date: "yesterday-ish"' } });
	});

	test('Stock → Push Status: the value published, the available now, behind or not, and the retry entry', async () => {
		await rawSql(credentials, "INSERT INTO oms_channel_stock (channel, warehouse, sku, pushed_value, pushed_seq, pushed_at) VALUES ('shopify:loja', 'default', 'A', 10, 0, '2026-01-01T00:00:00.000Z')");
		await rawSql(
			credentials,
			"INSERT INTO oms_push_retry (channel, warehouse, sku, attempts, last_error, last_http_code, first_failed_ms, next_ms) VALUES ('shopify:loja', 'default', 'B', 2, 'quantity invalid', 422, 1000, 61000)",
		);
		const rows = await run({ resource: 'stock', operation: 'pushStatus' });
		expect(rows).toHaveLength(2);
		// A: 10 on hand, 3 reserved (orders 1 and 2): 7 available against the 10 the channel shows.
		// B: 9 on hand (order 3 shipped 1), 3 reserved (order 2): 6, never published.
		expect(rows[0]).toMatchObject({ channel: 'shopify:loja', sku: 'A', pushedValue: 10, available: 7, behind: true, retry: null });
		expect(rows[1]).toMatchObject({ sku: 'B', pushedValue: null, onHand: 9, reserved: 3, available: 6, behind: true, retry: { attempts: 2, lastError: 'quantity invalid', lastHttpCode: 422 } });
		expect((await run({ resource: 'stock', operation: 'pushStatus', filters: { sku: 'B' } })).map((r) => r.sku)).toEqual(['B']);
		expect(await run({ resource: 'stock', operation: 'pushStatus', filters: { channel: 'woocommerce' } })).toEqual([]);
	});
});
