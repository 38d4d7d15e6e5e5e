import { CHANNELS } from '../channels/registry';
import type { ChannelId } from '../channels/types';
import type { WebhookReader } from './types';

/** The reader of a channel that delivers orders over HTTP webhooks (its descriptor's capabilities.webhooks). */
export function webhookReader(channel: ChannelId): WebhookReader {
	const reader = CHANNELS[channel].capabilities.webhooks?.reader;
	if (!reader) throw new Error(`${channel} has no HTTP webhooks`);
	return reader;
}
