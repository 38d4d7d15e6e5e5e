import { changedInWindow } from '../common/paging';
import type { JsonObject } from '../common/raw-reader';
import type { ChannelDescriptor } from '../descriptor';
import type { AdapterContext, ChannelAdapter, ListChangedRequest } from '../types';
import { HTTP_CHANNEL_ID, HTTP_CHANNEL_LABEL, definitionOf } from './context';
import { listPage, readOne, sincePrecisionMs } from './list';
import { identifyMapped, mapOrder } from './map';
import { channelSender } from './session';
import { createHttpChannelWriter } from './writer';

export { parseChannelDefinition, parseMappingDefinition, ChannelDefinitionError } from './parse';
export { mapOrder, tryMapOrder } from './map';
export type { HttpChannelDefinition, MappingDefinition } from './definition';

/**
 * The configurable HTTP channel: platforms without a published API this package could build an adapter
 * from (GenComm, GenHub, Xtech: see the README for what was searched). Everything platform-specific is the
 * channel definition (ctx.options.definition, JSON): list path, changed-since parameter, paging style, the
 * field mapping, the status map and the write requests. It runs through the same poll engine as every
 * channel (overlap, de-duplication by version, carried-over windows, retries in send()).
 *
 * The definition is checked when the adapter is built (see definitionOf); without one it can still be built
 * (registry checks), and fails on first use. Orders changed past the window's end are left to the next window; orders whose
 * change time cannot be read go on to identify() and become error items.
 */
export function createHttpChannelAdapter(ctx: AdapterContext): ChannelAdapter<JsonObject> {
	const def = definitionOf(ctx);
	const send = channelSender(ctx, def);
	const identify = (raw: JsonObject) => identifyMapped(def(), raw, HTTP_CHANNEL_ID);
	const changedMs = (raw: JsonObject) => {
		try {
			return Date.parse(identify(raw).updatedAt);
		} catch {
			return NaN;
		}
	};
	const idOf = (raw: JsonObject | undefined) => {
		try {
			return raw === undefined ? undefined : identify(raw).channelOrderId;
		} catch {
			return undefined;
		}
	};

	return {
		id: HTTP_CHANNEL_ID,
		get filterPrecisionMs() {
			return sincePrecisionMs(def().list.changedSince.format);
		},
		latestUntil: (now) => now,

		async listChanged(req: ListChangedRequest) {
			const page = await listPage({ ctx, send, def: def(), req, idOf });
			return { ...page, items: changedInWindow(page.items, changedMs, req.since, req.until) };
		},

		// Lists that hold summaries: the order read by id when the definition says so.
		getDetails: async (summary) => (def().order?.details ? readOne(ctx, send, def(), identify(summary).channelOrderId) : summary),
		getOrder: (id) => readOne(ctx, send, def(), id),
		identify,
		normalize: (raw) => mapOrder(def(), raw, HTTP_CHANNEL_ID, ctx.account),
	};
}

export const httpChannel: ChannelDescriptor<'http'> = {
	id: HTTP_CHANNEL_ID,
	label: HTTP_CHANNEL_LABEL,
	createAdapter: createHttpChannelAdapter,
	createWriter: createHttpChannelWriter,
	responseShapes: [],
	// Each write is a request of the definition; one it does not define answers "not configured".
	capabilities: { writes: ['invoice', 'shipment', 'cancel'], barcodes: { none: 'a definition has no barcode request (its look-up is by seller SKU)' } },
};
