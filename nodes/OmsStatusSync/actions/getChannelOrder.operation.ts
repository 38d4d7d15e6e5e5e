import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { isErrorItem } from '../../../core/channels/poll-items';
import { OrderByIdUnsupportedError, readOrderById } from '../../../core/channels/read-order';
import type { ChannelAdapter } from '../../../core/channels/types';
import { ChannelHttpError } from '../../../core/http/retry';
import { toNodeError } from '../../shared/errors';
import { recordExecutionData } from '../../shared/execution-data';
import { forEachItem, type ItemErrors } from '../../shared/items';
import { channelOrderIdField } from './fields';
import { noticeField } from '../../shared/fields';
import { withFormattedMoney } from '../../../core/model/money';

const show = { show: { operation: ['getChannelOrder'] } };

export const description: INodeProperties[] = [
	noticeField(
		'getChannelOrderNotice',
		'Reads one order from the channel by its ID and outputs it as the canonical order the trigger would emit (connect it to OMS Store → Apply). For channels whose notifications only name the order, such as Amazon ORDER_CHANGE messages in an SQS queue.',
		{ displayOptions: show },
	),
	{ ...channelOrderIdField, displayOptions: show },
	{
		displayName: 'Include Raw Payload',
		name: 'includeRawOrder',
		type: 'boolean',
		default: false,
		description: 'Whether to add the order exactly as the channel returned it, under "raw"',
		displayOptions: show,
	},
];

/** Error items carry the HTTP status where the channel answered one. */
const errors = (ctx: IExecuteFunctions): ItemErrors => ({
	toError(error, itemIndex) {
		if (error instanceof NodeOperationError) return error;
		if (error instanceof OrderByIdUnsupportedError) return new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
		const nodeError = toNodeError(ctx.getNode(), error);
		(nodeError as { context?: IDataObject }).context = { ...(nodeError as { context?: IDataObject }).context, itemIndex };
		return nodeError;
	},
	errorJson(error) {
		const httpCode = error instanceof ChannelHttpError && error.httpCode !== undefined ? { httpCode: error.httpCode } : {};
		return { error: { message: error instanceof Error ? error.message : String(error), ...httpCode } };
	},
});

/**
 * One channel read per item. A malformed order is an error item ({error: {orderRef, field, message}}), as the
 * triggers emit it, so OMS Store → Apply routes it; a channel failure (order not found, auth, 5xx after
 * retries) stops the run unless the node continues on fail, so a queue message whose order could not be read
 * is not deleted.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], adapter: ChannelAdapter): Promise<INodeExecutionData[]> {
	const includeRaw = this.getNodeParameter('includeRawOrder', 0, false) as boolean;
	const read: string[] = [];
	const out = await forEachItem(this, items, errors(this), async (i) => {
		const id = String(this.getNodeParameter('channelOrderId', i, '')).trim();
		if (id === '')
			throw new NodeOperationError(this.getNode(), 'The Channel Order ID is empty', {
				itemIndex: i,
				description: 'Map it from the notification, e.g. the AmazonOrderId of an ORDER_CHANGE message',
			});
		const item = await readOrderById(adapter, id, includeRaw);
		if (!isErrorItem(item)) read.push(`${item.channel}:${item.channelOrderId}`);
		return [withFormattedMoney(item)];
	});
	recordExecutionData(this, { channels: [adapter.id], orders: read });
	return out;
}
