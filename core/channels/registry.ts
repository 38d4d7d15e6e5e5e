import { createAmazonAdapter } from './amazon';
import { createMagaluAdapter } from './magalu';
import { createMercadoLivreAdapter } from './mercadolivre';
import { createNuvemshopAdapter } from './nuvemshop';
import { createShopifyAdapter } from './shopify';
import { createVtexAdapter } from './vtex';
import { createWooCommerceAdapter } from './woocommerce';
import { CHANNEL_IDS, type AdapterFactory, type ChannelId } from './types';

/**
 * Channel id → adapter factory: the one place that knows which channels exist (the CLI and the trigger
 * nodes look adapters up here). Each channel lives in core/channels/<id>/index.ts and exports
 * create<Name>Adapter; adding a channel is one import and one entry below.
 */
const FACTORIES: Partial<Record<ChannelId, AdapterFactory>> = {
	mercadolivre: createMercadoLivreAdapter,
	shopify: createShopifyAdapter,
	woocommerce: createWooCommerceAdapter,
	vtex: createVtexAdapter,
	nuvemshop: createNuvemshopAdapter,
	magalu: createMagaluAdapter,
	amazon: createAmazonAdapter,
};

export function isChannelId(value: string): value is ChannelId {
	return (CHANNEL_IDS as readonly string[]).includes(value);
}

export function registeredChannels(): ChannelId[] {
	return CHANNEL_IDS.filter((id) => FACTORIES[id] !== undefined);
}

/** The factory for a channel id; throws a message naming the registered channels otherwise. */
export function adapterFactory(id: string): AdapterFactory {
	const factory = isChannelId(id) ? FACTORIES[id] : undefined;
	if (!factory) throw new Error(`Unknown channel "${id}" (available: ${registeredChannels().join(', ')})`);
	return factory;
}
