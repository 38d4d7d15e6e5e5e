import { amazonChannel } from './amazon';
import { americanasChannel } from './americanas';
import { anyMarketChannel } from './anymarket';
import { pluggToChannel } from './pluggto';
import type { ChannelDescriptor } from './descriptor';
import { httpChannel } from './http';
import { lojaIntegradaChannel } from './lojaintegrada';
import { madeiraMadeiraChannel } from './madeiramadeira';
import { olistChannel } from './olist';
import { magaluChannel } from './magalu';
import { magentoChannel } from './magento';
import { miraklChannel } from './mirakl';
import { mercadoLivreChannel } from './mercadolivre';
import { nuvemshopChannel } from './nuvemshop';
import { prestaShopChannel } from './prestashop';
import { wakeChannel } from './wake';
import { shopeeChannel } from './shopee';
import { shopifyChannel } from './shopify';
import { trayChannel } from './tray';
import type { AdapterFactory, WriterFactory } from './types';
import { vtexChannel } from './vtex';
import { viaChannel } from './via';
import { wooCommerceChannel } from './woocommerce';

/** Descriptors keyed by their own id, so an id is written once (in the descriptor). */
function byId<const D extends readonly ChannelDescriptor[]>(list: D): { readonly [K in D[number]['id']]: Extract<D[number], { id: K }> } {
	return Object.fromEntries(list.map((d) => [d.id, d])) as { [K in D[number]['id']]: Extract<D[number], { id: K }> };
}

/**
 * Every channel: the one list (order = the order the CLI and the nodes' pickers show). ChannelId is derived
 * from it, so a channel folder whose descriptor is not here does not compile (its adapter's id is no
 * ChannelId), and every Record<ChannelId, …> elsewhere (the n8n side) fails to compile until it has the
 * new channel. Adding a channel: docs/CONTRIBUTING-NOTES.md, "Adding a channel".
 */
export const CHANNELS = byId([mercadoLivreChannel, shopifyChannel, wooCommerceChannel, vtexChannel, nuvemshopChannel, magaluChannel, amazonChannel, trayChannel, lojaIntegradaChannel, shopeeChannel, magentoChannel, miraklChannel, americanasChannel, httpChannel, madeiraMadeiraChannel, prestaShopChannel, viaChannel, anyMarketChannel, wakeChannel, pluggToChannel, olistChannel] as const);

/** Channel ids as used in canonical orders, the CLI and the README. */
export type ChannelId = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as ChannelId[];

export function isChannelId(value: string): value is ChannelId {
	return Object.prototype.hasOwnProperty.call(CHANNELS, value);
}

/** The descriptor of a channel id; throws a message naming the registered channels otherwise. */
export function channelDescriptor(id: string): ChannelDescriptor<ChannelId> {
	if (!isChannelId(id)) throw new Error(`Unknown channel "${id}" (available: ${CHANNEL_IDS.join(', ')})`);
	return CHANNELS[id];
}

export const adapterFactory = (id: string): AdapterFactory => channelDescriptor(id).createAdapter;
export const writerFactory = (id: string): WriterFactory => channelDescriptor(id).createWriter;
