import type { INodeProperties } from 'n8n-workflow';
import type { ChannelId } from '../../core/channels/types';
import { amazonTriggerConfig } from '../AmazonTrigger/AmazonTrigger.node';
import { magaluTriggerConfig } from '../MagaluTrigger/MagaluTrigger.node';
import { mercadoLivreTriggerConfig } from '../MercadoLivreTrigger/MercadoLivreTrigger.node';
import { nuvemshopTriggerConfig } from '../NuvemshopTrigger/NuvemshopTrigger.node';
import { shopifyTriggerConfig } from '../ShopifyTrigger/ShopifyTrigger.node';
import { vtexTriggerConfig } from '../VtexTrigger/VtexTrigger.node';
import { wooCommerceTriggerConfig } from '../WooCommerceTrigger/WooCommerceTrigger.node';
import type { OrderTriggerConfig } from '../shared/order-trigger';

/**
 * The trigger configs already say, per channel, which credential it uses and how that credential becomes an
 * AdapterContext (API root, seller account): the write-back reaches the same account the orders came from,
 * so it uses them as they are. Their extra node fields (Amazon seller and marketplaces, Magalu account name)
 * are shown here too, under the same names, for adapterContext to read.
 */
export const CHANNELS: Record<ChannelId, OrderTriggerConfig> = {
	mercadolivre: mercadoLivreTriggerConfig,
	shopify: shopifyTriggerConfig,
	woocommerce: wooCommerceTriggerConfig,
	vtex: vtexTriggerConfig,
	nuvemshop: nuvemshopTriggerConfig,
	magalu: magaluTriggerConfig,
	amazon: amazonTriggerConfig,
};

const ids = Object.keys(CHANNELS) as ChannelId[];

export const channelProperty: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	noDataExpression: true,
	options: ids.map((id) => ({ name: CHANNELS[id].channelLabel, value: id })).sort((a, b) => a.name.localeCompare(b.name)),
	default: 'mercadolivre',
};

/** The trigger's own fields of each channel (e.g. Amazon Seller ID), shown for that channel only. */
export const channelFields: INodeProperties[] = ids.flatMap((id) =>
	(CHANNELS[id].properties ?? []).map((p) => ({ ...p, displayOptions: { show: { channel: [id] } } })),
);
