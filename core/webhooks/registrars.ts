import { nuvemshopRegistrar } from '../channels/nuvemshop/webhook-register';
import { shopifyRegistrar } from '../channels/shopify/webhook-register';
import type { AdapterContext } from '../channels/types';
import { vtexRegistrar } from '../channels/vtex/webhook-register';
import { wooCommerceRegistrar } from '../channels/woocommerce/webhook-register';
import type { WebhookRegistrar, WebhookSecrets } from './types';

export type RegistrarFactory = (ctx: AdapterContext, secrets: WebhookSecrets) => WebhookRegistrar;

/**
 * Channels whose API registers webhooks. Mercado Livre and Magalu have none: their notification URL is a
 * setting of the seller's application.
 */
export const REGISTRARS: Record<'shopify' | 'woocommerce' | 'nuvemshop' | 'vtex', RegistrarFactory> = {
	shopify: shopifyRegistrar,
	woocommerce: wooCommerceRegistrar,
	nuvemshop: nuvemshopRegistrar,
	vtex: vtexRegistrar,
};
