import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';
import type { ReturnCondition, ReturnLine, RegisterReturnInput } from '../../../../core/store/returns';
import { optionsField, orderKeyField, rowsField } from '../shared/fields';
import { forEachItem, type OperationExecute } from '../shared/execute';
import { optionalText, requiredText } from '../shared/params';

/** A list of lines (SKU, quantity and the given fields), one entry per line. */
function linesCollection(displayName: string, name: string, more: INodeProperties[]): INodeProperties {
	return rowsField(displayName, name, { displayName: 'Line', name: 'line', placeholder: 'Add Line' }, [
		{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
		{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
		...more,
	]);
}

const properties: INodeProperties[] = [
	{ ...orderKeyField, required: true },
	{
		displayName: 'Return ID',
		name: 'returnRef',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'RMA-1042',
		description: "The return's own ID (RMA, claim, ticket): registering the same ID again for the order changes nothing",
	},
	linesCollection('Returned Lines', 'returnLines', [
		optionsField('Condition', 'condition', 'restock', [
			{ name: 'Sellable (Restock)', value: 'restock', description: "Back on hand in the order's warehouse" },
			{ name: 'Damaged (Quarantine)', value: 'quarantine', description: 'Into the quarantine warehouse, not sellable' },
		]),
		{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why (kept on the ledger rows), e.g. damaged box' },
	]),
	{
		displayName: 'Quarantine Warehouse',
		name: 'quarantineWarehouse',
		type: 'string',
		default: 'quarantine',
		description: "Where damaged units go; it must differ from the order's warehouse",
	},
	{
		displayName: 'Exchange (Troca)',
		name: 'isExchange',
		type: 'boolean',
		default: false,
		description: 'Whether the buyer gets new items in exchange: they are reserved as an order of their own (channel "oms", account "exchange")',
	},
	{ ...linesCollection('New Lines', 'exchangeLines', []), displayOptions: { show: { isExchange: [true] } } },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['registerReturn'] } }, properties);

const linesOf = (value: unknown): IDataObject[] => ((value as IDataObject | undefined)?.line as IDataObject[] | undefined) ?? [];

/**
 * One return per input item (its own transaction). The output is the store's answer: effects, the levels
 * moved in both warehouses, and for an exchange the new order (apply it as shipped when the new items leave).
 */
export const execute: OperationExecute = async function (items, oms) {
	return await forEachItem(this, items, oms, async (i) => {
		const lines: ReturnLine[] = linesOf(this.getNodeParameter('returnLines', i, {})).map((l) => {
			const line: ReturnLine = { sku: String(l.sku ?? ''), quantity: Number(l.quantity), condition: l.condition as ReturnCondition };
			if (typeof l.reason === 'string' && l.reason.trim() !== '') line.reason = l.reason;
			return line;
		});
		const input: RegisterReturnInput = {
			order: requiredText(this, 'orderKey', 'Order Key', i),
			ref: requiredText(this, 'returnRef', 'Return ID', i),
			lines,
			quarantineWarehouse: optionalText(this, 'quarantineWarehouse', i),
		};
		if (this.getNodeParameter('isExchange', i, false) === true) {
			input.exchange = {
				lines: linesOf(this.getNodeParameter('exchangeLines', i, {})).map((l) => ({ sku: String(l.sku ?? ''), quantity: Number(l.quantity) })),
			};
		}
		return [await oms.store.registerReturn(input)];
	});
};
