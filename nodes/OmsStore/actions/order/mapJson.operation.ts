import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { parseMappingDefinition, tryMapOrder } from '../../../../core/channels/http';
import { EXAMPLE_DEFINITION } from '../../../../core/channels/http/example';
import { withFormattedMoney } from '../../../../core/model/money';
import { OrderValidationError } from '../../../../core/model/validate';
import { asJson, paired } from '../../../shared/items';

const { map, statusMap, paymentMethodMap, money, currency, timeZoneOffset } = EXAMPLE_DEFINITION;

const properties: INodeProperties[] = [
	{
		displayName:
			'Maps any order JSON (e.g. from an HTTP Request node) to an order in the OMS format, ready for Apply. An order without an ID, a change time or lines, or with a line without units or price, comes out as an error item naming the order and the field (with the JSON under "raw"), as the triggers emit it; the other items still go through.',
		name: 'mapNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Mapping',
		name: 'mapping',
		type: 'json',
		typeOptions: { rows: 10 },
		default: JSON.stringify({ map, statusMap, paymentMethodMap, money, currency, timeZoneOffset }, null, 2),
		description:
			'Where each OMS field is in the order JSON (paths like items[].sku), the status values and the money unit. The Channel Definition of the Configurable HTTP trigger works here as it is (its other settings are ignored).',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		default: 'http',
		description: 'The channel the orders are recorded under; "http" (the Configurable HTTP channel) lets OMS Status Sync write back to them',
	},
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'minhaloja',
		description: 'The store account the orders belong to, as the Configurable HTTP credential names it',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['mapJson'] } }, properties);

/** An order the mapping refuses: the triggers' error item (orderRef, field, message) with the input under raw. */
const errorItem = (error: OrderValidationError, raw: IDataObject): IDataObject => ({
	error: { orderRef: error.orderRef, field: error.field, message: error.message },
	raw,
});

/**
 * One output item per input: the mapped order, or its error item. Needs no store. A mapping that is not
 * usable (unknown field, missing required path) is the node's error, not the items'.
 */
export async function executeWithoutStore(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const def = parseMappingDefinition(this.getNodeParameter('mapping', i));
			const account = String(this.getNodeParameter('account', i, '')).trim();
			if (account === '') throw new Error('Account is required: the store account the orders belong to');
			const channel = String(this.getNodeParameter('channel', i, 'http')).trim() || 'http';
			const mapped = tryMapOrder(def, items[i].json, channel, account);
			out.push(paired('order' in mapped ? asJson(withFormattedMoney(mapped.order)) : errorItem(mapped.refused, items[i].json), i));
		} catch (error) {
			if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			out.push(paired({ error: { message: (error as Error).message } }, i));
		}
	}
	return out;
}
