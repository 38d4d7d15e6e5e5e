import { CHANNEL_IDS, CHANNELS, type ChannelId } from '../../core/channels/registry';
import { channelFields, channelProperty } from '../shared/channels';

/** The channels that deliver orders over HTTP webhooks (their descriptor's capabilities.webhooks). */
export const WEBHOOK_CHANNEL_IDS: ChannelId[] = CHANNEL_IDS.filter((id) => CHANNELS[id].capabilities.webhooks);

export const webhookChannelProperty = channelProperty(WEBHOOK_CHANNEL_IDS, 'shopify');

/** The channels' own fields (Magalu's Seller Account), shown for their channel. */
export const webhookChannelFields = channelFields(WEBHOOK_CHANNEL_IDS);
