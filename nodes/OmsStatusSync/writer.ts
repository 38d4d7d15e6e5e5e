import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { adapterFactory, writerFactory } from '../../core/channels/registry';
import type { ChannelAdapter, ChannelId, ChannelWriter, WriterFactory } from '../../core/channels/types';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/http/retry';
import { createN8nTransport } from '../shared/transport';
import { CHANNELS } from './channels';

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

/** Channel settings from the node's Options collection; empty fields are left out so writers apply their defaults. */
function channelOptions(ctx: IExecuteFunctions): Record<string, string | number | boolean> {
	const raw = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const out: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
		else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
	}
	return out;
}

/**
 * The channel's writer over n8n's HTTP helper, so the channel credential's auth (API key, OAuth2 refresh)
 * is n8n's. Built once per execution: channel, credential and options cannot vary per item.
 */
export async function openChannel(ctx: IExecuteFunctions, deps: StatusSyncDeps): Promise<ChannelHandle> {
	const channel = ctx.getNodeParameter('channel', 0) as ChannelId;
	const config = CHANNELS[channel];
	const base = config.adapterContext(await ctx.getCredentials(config.credentialType), (name) => ctx.getNodeParameter(name, 0));
	const factory = (deps.writerFactory ?? writerFactory)(channel);
	const writer = factory({
		...base,
		transport: createN8nTransport(ctx, config.credentialType, config.tokenExpiredStatus),
		retry: deps.retry ?? DEFAULT_RETRY_POLICY,
		options: { ...base.options, ...channelOptions(ctx), ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) },
	});
	return { channel, label: config.channelLabel, storeKey: `${channel}:${base.account}`, writer };
}

/** The channel's order reader (the triggers' adapter), for re-importing orders; same credential and options. */
export async function openAdapter(ctx: IExecuteFunctions, deps: StatusSyncDeps): Promise<ChannelAdapter> {
	const channel = ctx.getNodeParameter('channel', 0) as ChannelId;
	const config = CHANNELS[channel];
	const base = config.adapterContext(await ctx.getCredentials(config.credentialType), (name) => ctx.getNodeParameter(name, 0));
	return adapterFactory(channel)({
		...base,
		transport: createN8nTransport(ctx, config.credentialType, config.tokenExpiredStatus),
		retry: deps.retry ?? DEFAULT_RETRY_POLICY,
		options: { ...base.options, ...channelOptions(ctx), ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) },
	}) as ChannelAdapter;
}
