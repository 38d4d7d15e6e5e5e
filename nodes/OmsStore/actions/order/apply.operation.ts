import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';
import type { LifecycleConfig } from '../../../../core/lifecycle/config';
import type { OrderSource } from '../../../../core/lifecycle/plan';
import { validateCanonicalOrder } from '../../../../core/model/validate';
import { recordExecutionData } from '../../../shared/execution-data';
import { inOneBatch, type OperationExecute } from '../shared/execute';
import { optionsField } from '../shared/fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each input item must be an order in the OMS format, as the OMS channel triggers output it. Run this for every order update: applying the same update twice changes nothing. An order the store refuses does not stop the others: they are applied, and with "continue on error" the refused one comes out as an error item. Lines without a SKU are listed in "unmappedLines" and reserve nothing until the listing is linked to a SKU.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	optionsField('Orders Come From', 'source', 'channel', [
		{ name: 'Their Channel', value: 'channel', description: 'Each order is a version of the order: one older than the version applied last is ignored' },
		{
			name: 'The ERP (Invoice or Shipment Event)',
			value: 'erp',
			description:
				"Each order is an event on the order (invoiced, shipped): its updatedAt is never compared with the channel's, it never moves the order back, and after a cancellation it changes nothing",
		},
	]),
	{
		displayName: 'Stock Rules',
		name: 'rules',
		type: 'collection',
		placeholder: 'Add Rule',
		default: {},
		description: 'Use the same rules in every workflow that applies orders, or stock will be counted inconsistently',
		options: [
			{
				...optionsField('Deduct (Baixa) Stock When', 'commitOn', 'invoiced', [
					{ name: 'Paid', value: 'paid', description: 'Deduct (baixa): units leave on-hand stock once the payment is confirmed' },
					{ name: 'Invoiced', value: 'invoiced', description: 'Deduct (baixa): units leave on-hand stock when the order is invoiced (NF-e issued)' },
					{
						name: 'Shipped',
						value: 'shipped',
						description: 'Deduct (baixa): units leave on-hand stock as they ship (for orders shipped in parts, the shipped units only)',
					},
				]),
				description: 'Until then the units are only reserved (not available for other orders, but still on hand)',
			},
			{
				displayName: 'Restock Cancelled Orders',
				name: 'restockOnCancelAfterCommit',
				type: 'boolean',
				default: true,
				description: 'Whether units go back on hand when an order is cancelled after its stock was deducted (baixa)',
			},
			{
				displayName: 'Restock Returns',
				name: 'restockOnReturn',
				type: 'boolean',
				default: true,
				description: 'Whether returned units go back on hand (turn off to book damaged returns by a stock adjustment instead)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['apply'] } }, properties);

/**
 * All valid orders of the run go to the store in ONE applyOrdersSettled call: one transaction, and the
 * orders of a batch see each other's stock movements in input order. When the database refuses one order,
 * the store retries without it, so that order alone becomes an error item.
 */
export const execute: OperationExecute = async function (items, oms) {
	// applyOrders takes one rule set per batch, so the rules are read once (they are not per-order settings).
	const rules = this.getNodeParameter('rules', 0, {}) as IDataObject;
	const source = this.getNodeParameter('source', 0, 'channel') as OrderSource;
	const lifecycle: Partial<LifecycleConfig> = {};
	if (rules.commitOn !== undefined) lifecycle.commitOn = rules.commitOn as LifecycleConfig['commitOn'];
	if (rules.restockOnCancelAfterCommit !== undefined) lifecycle.restockOnCancelAfterCommit = rules.restockOnCancelAfterCommit === true;
	if (rules.restockOnReturn !== undefined) lifecycle.restockOnReturn = rules.restockOnReturn === true;

	return await inOneBatch(
		this,
		items,
		oms,
		(i) => validateCanonicalOrder(items[i].json),
		async (orders) => {
			// The executions list can then be searched by order and SKU.
			recordExecutionData(this, {
				channels: orders.map((o) => o.channel),
				orders: orders.map((o) => `${o.channel}:${o.channelOrderId}`),
				skus: orders.flatMap((o) => o.lines.flatMap((l) => (l.sku === undefined ? [] : [l.sku]))),
			});
			return await oms.store.applyOrdersSettled(orders, { lifecycle, source });
		},
	);
};
