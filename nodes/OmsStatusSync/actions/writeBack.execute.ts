import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { ChannelHttpError } from '../../../core/http/retry';
import { groupKey, UnsupportedOperationError, WriteBackInputError, writeBack, type WriteBackOperation } from '../../../core/sync/write-back';
import { toNodeError } from '../../shared/errors';
import { recordExecutionData } from '../../shared/execution-data';
import { forEachItem } from '../../shared/items';
import type { ChannelHandle } from '../writer';

const FIELD_LABELS: Record<string, string> = { nfeKey: 'NF-e Key', issuedAt: 'Issue Date', totalCents: 'Total (Cents)', trackingCode: 'Tracking Code' };

/** The field whose absence means "nothing to send" rather than "bad input", per operation. */
const DOCUMENT_FIELD: Partial<Record<WriteBackOperation, string>> = { pushInvoice: 'nfeKey', pushShipment: 'trackingCode' };

/** Parameters of one item; a zero total means "not given" (no real invoice totals 0). */
function readInput(ctx: IExecuteFunctions, fields: string[], i: number): IDataObject {
	const raw: IDataObject = {};
	for (const name of fields) raw[name] = ctx.getNodeParameter(name, i, '') as IDataObject[string];
	if (raw.totalCents === 0) delete raw.totalCents;
	return raw;
}

function toError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof WriteBackInputError) {
		const label = FIELD_LABELS[error.field] ?? error.field;
		return new NodeOperationError(ctx.getNode(), error.message, { itemIndex, description: `Check the "${label}" field` });
	}
	if (error instanceof UnsupportedOperationError) return new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
	const nodeError = toNodeError(ctx.getNode(), error);
	(nodeError as { context?: IDataObject }).context = { ...(nodeError as { context?: IDataObject }).context, itemIndex };
	return nodeError;
}

function errorJson(error: unknown): IDataObject {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof WriteBackInputError) return { error: { message, field: error.field } };
	if (error instanceof ChannelHttpError && error.httpCode !== undefined) return { error: { message, httpCode: error.httpCode } };
	return { error: { message } };
}

/**
 * One channel call per item (the shared item loop): a failed item (bad input, channel refusal after retries)
 * is an error item with continue-on-fail and the next item still goes; without it the run stops there, and
 * the items before it stay done on the channel.
 */
export async function executeWriteBack(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	channel: ChannelHandle,
	operation: WriteBackOperation,
	fields: string[],
): Promise<INodeExecutionData[]> {
	const handled: string[] = [];
	const skipWithout = operation in DOCUMENT_FIELD && (ctx.getNodeParameter('skipWithoutDocument', 0, false) as boolean);
	const groupsSent = new Set<string>();
	const errors = { toError: (error: unknown, i: number) => toError(ctx, error, i), errorJson };
	const out = await forEachItem(ctx, items, errors, async (i) => {
		const raw = readInput(ctx, fields, i);
		const documentField = DOCUMENT_FIELD[operation];
		// An order posted with its invoice only (or its tracking only) is not a failure for the other step.
		if (skipWithout && documentField && String(raw[documentField] ?? '').trim() === '') {
			return [{ channel: channel.storeKey, operation, status: 'skipped', reason: `no ${FIELD_LABELS[documentField] ?? documentField}`, channelOrderId: raw.channelOrderId ?? null }];
		}
		// One NF-e / tracking code per shipment: a later order of the same pack or delivery is not sent again.
		const group = groupKey(operation, raw);
		if (group !== undefined && groupsSent.has(group)) {
			return [{ channel: channel.storeKey, operation, status: 'skipped', reason: `already sent for group ${String(raw.groupId)} (one per shipment)`, channelOrderId: raw.channelOrderId ?? null }];
		}
		const input = { ...(await writeBack(channel.writer, channel.label, operation, raw)) } as IDataObject;
		if (group !== undefined) groupsSent.add(group);
		handled.push(`${channel.channel}:${String(input.channelOrderId)}`);
		// The XML can be hundreds of kB: the output says it was sent, not what it was.
		if (input.xml !== undefined) input.xml = true;
		return [{ channel: channel.storeKey, operation, status: 'done', ...input }];
	});
	recordExecutionData(ctx, { channels: [channel.channel], orders: handled });
	return out;
}
