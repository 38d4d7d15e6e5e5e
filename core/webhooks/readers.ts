import { magaluWebhookReader } from '../channels/magalu/webhook';
import { mercadoLivreWebhookReader } from '../channels/mercadolivre/webhook';
import { nuvemshopWebhookReader } from '../channels/nuvemshop/webhook';
import { shopifyWebhookReader } from '../channels/shopify/webhook';
import type { ChannelId } from '../channels/types';
import { vtexWebhookReader } from '../channels/vtex/webhook';
import { wooCommerceWebhookReader } from '../channels/woocommerce/webhook';
import type { WebhookReader } from './types';

/** The channels that deliver orders over HTTP webhooks. Amazon is not one: ORDER_CHANGE goes to SQS. */
export const WEBHOOK_READERS: Partial<Record<ChannelId, WebhookReader>> = {
	shopify: shopifyWebhookReader,
	woocommerce: wooCommerceWebhookReader,
	nuvemshop: nuvemshopWebhookReader,
	vtex: vtexWebhookReader,
	mercadolivre: mercadoLivreWebhookReader,
	magalu: magaluWebhookReader,
};

export function webhookReader(channel: ChannelId): WebhookReader {
	const reader = WEBHOOK_READERS[channel];
	if (!reader) throw new Error(`${channel} has no HTTP webhooks`);
	return reader;
}
