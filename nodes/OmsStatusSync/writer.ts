import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { CHANNELS, writerFactory } from '../../core/channels/registry';
import type { ChannelAdapter, ChannelId, ChannelWriter, WriterFactory } from '../../core/channels/types';
import type { RetryPolicy } from '../../core/http/retry';
import { openChannelContext } from '../shared/channels';

/** Seams for tests (a fake writer, tiny retry sleeps); production uses the defaults. */
export interface StatusSyncDeps {
	writerFactory?: (channel: ChannelId) => WriterFactory;
	retry?: RetryPolicy;
	timeoutMs?: number;
	now?: () => Date;
}

export interface ChannelHandle {
	channel: ChannelId;
	label: string;
	/** The store's key of the channel account ("shopify:loja.myshopify.com"): pushed values and listings live under it. */
	storeKey: string;
	writer: ChannelWriter;
}

/**
 * Channel settings from the node's Options collection; empty fields are left out so writers apply their
 * defaults. A picker (resource locator) holds { __rl, mode, value }: its value is the setting; a plain
 * string (workflows saved before the pickers) is taken as it is.
 */
export function channelOptions(ctx: IExecuteFunctions): Record<string, string | number | boolean> {
	const raw = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const out: Record<string, string | number | boolean> = {};
	for (const [key, held] of Object.entries(raw)) {
		const value = isLocator(held) ? held.value : held;
		if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
		else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
	}
	return out;
}

const isLocator = (v: unknown): v is { value: unknown } => typeof v === 'object' && v !== null && (v as IDataObject).__rl === true;

/** The channel of the node with its credential, Options and the test seams. */
function open(ctx: IExecuteFunctions, deps: StatusSyncDeps) {
	const channel = ctx.getNodeParameter('channel', 0) as ChannelId;
	return openChannelContext(ctx, channel, { ...deps, parameter: (name) => ctx.getNodeParameter(name, 0), options: channelOptions(ctx) });
}

/**
 * The channel's writer over n8n's HTTP helper, so the channel credential's auth (API key, OAuth2 refresh)
 * is n8n's. Built once per execution: channel, credential and options cannot vary per item.
 */
export async function openChannel(ctx: IExecuteFunctions, deps: StatusSyncDeps): Promise<ChannelHandle> {
	const { channel, context } = await open(ctx, deps);
	const writer = (deps.writerFactory ?? writerFactory)(channel)(context);
	return { channel, label: CHANNELS[channel].label, storeKey: `${channel}:${context.account}`, writer };
}

/** The channel's order reader (the triggers' adapter), for re-importing orders; same credential and options. */
export async function openAdapter(ctx: IExecuteFunctions, deps: StatusSyncDeps): Promise<ChannelAdapter> {
	const { channel, context } = await open(ctx, deps);
	return CHANNELS[channel].createAdapter(context) as ChannelAdapter;
}
