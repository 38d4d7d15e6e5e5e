import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import { validateCanonicalOrder } from '../../core/model/validate';
import { runNode } from '../harness/n8n-store-harness';
import { httpOrder } from '../simulators/httpchan';
import { sqliteCredential } from './helpers/stores';

/** Order → Map JSON through n8n's ExecuteContext: any JSON → canonical orders, error items for the bad ones. */
const mapJson = (more: IDataObject = {}) => ({ resource: 'order', operation: 'mapJson', account: 'minhaloja', ...more });
const good = () => httpOrder({ id: 90, updatedAt: '2026-03-10T14:00:00Z' }) as IDataObject;

describe('OMS Store node, Order → Map JSON', () => {
	test('maps each item with the default (example) mapping: orders ready for Apply, money as text beside cents', async () => {
		const [item] = await runNode({ credentials: sqliteCredential(), parameters: mapJson(), items: [good()] });
		expect(item.pairedItem).toEqual({ item: 0 });
		const { totals, lines, ...order } = item.json as IDataObject;
		expect(order).toMatchObject({ channel: 'http', account: 'minhaloja', channelOrderId: '90', status: 'paid' });
		expect(totals).toMatchObject({ totalCents: 11480, total: 'R$ 114,80' });
		expect(lines).toEqual([expect.objectContaining({ sku: 'CAM-AZ-M', quantity: 2, unitPriceCents: 4990 })]);
		expect(validateCanonicalOrder(item.json)).toMatchObject({ channelOrderId: '90' });
	});

	test('an order without an id and one without lines are error items naming the order and the field; the others are mapped', async () => {
		const { id: _id, ...noId } = good();
		const noLines = { ...good(), id: 91, items: [] };
		const unmapped = { ...good(), id: 92, items: [{ quantity: '1', price: '5.00', name: 'sem SKU' }] };
		const out = await runNode({ credentials: sqliteCredential(), parameters: mapJson(), items: [noId, noLines, unmapped] });
		expect(out.map((i) => i.json.error)).toEqual([
			{ orderRef: 'http:(no id)', field: 'id', message: 'Order http:(no id): field "id" is required (the order id)' },
			{ orderRef: 'http:91', field: 'items', message: 'Order http:91: field "items" must have at least one line' },
			undefined,
		]);
		expect(out[0].json.raw).toEqual(noId);
		expect(out[2].json).toMatchObject({ channelOrderId: '92', flags: ['unmapped_lines'], lines: [{ unmapped: true, quantity: 1 }] });
	});

	test('a mapping of its own (another platform, another channel name), given as an object by an expression', async () => {
		const mapping = {
			map: {
				id: 'pedido.numero',
				updatedAt: 'pedido.alterado',
				status: 'pedido.situacao',
				'lines.sku': 'pedido.itens[].codigo',
				'lines.quantity': 'pedido.itens[].qtd',
				'lines.unitPrice': 'pedido.itens[].valor',
			},
			money: 'cents',
			statusMap: { '3': 'shipped' },
		};
		const raw = { pedido: { numero: 12, alterado: '2026-03-10T14:00:00-03:00', situacao: 3, itens: [{ codigo: 'A', qtd: '2', valor: 1000 }] }, mapping };
		const [item] = await runNode({
			credentials: sqliteCredential(),
			parameters: mapJson({ mapping: '={{ $json.mapping }}', channel: 'gencomm' }),
			items: [raw],
		});
		expect(item.json).toMatchObject({
			channel: 'gencomm',
			channelOrderId: '12',
			updatedAt: '2026-03-10T17:00:00.000Z',
			totals: { itemsCents: 2000 },
			status: 'shipped',
			channelStatusRaw: '3',
		});
		expect(item.json.flags).toBeUndefined();
	});

	test('needs no store: runs with a store credential that cannot be opened', async () => {
		const unreachable = { storeType: 'postgres', host: '127.0.0.1', port: 1, database: 'x', user: 'x', password: 'x', ssl: 'disable' };
		const out = await runNode({ credentials: unreachable, parameters: mapJson(), items: [good()] });
		expect(out[0].json.channelOrderId).toBe('90');
	});

	test('a mapping that is not usable stops the node, naming the setting; with continue on fail it is an error item', async () => {
		const bad = JSON.stringify({ ...EXAMPLE_DEFINITION, map: { ...EXAMPLE_DEFINITION.map, 'customer.cpf': 'x' } });
		const error = await runNode({ credentials: sqliteCredential(), parameters: mapJson({ mapping: bad }), items: [good()] }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('Channel definition: "map.customer.cpf" is not a canonical field');
		const [item] = await runNode({ credentials: sqliteCredential(), parameters: mapJson({ mapping: bad }), items: [good()], continueOnFail: true });
		expect(item.json.error).toEqual({ message: expect.stringContaining('"map.customer.cpf"') });
	});
});
