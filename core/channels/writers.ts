import { createAmazonWriter } from './amazon/writer';
import { createMagaluWriter } from './magalu/writer';
import { createMercadoLivreWriter } from './mercadolivre/writer';
import { createNuvemshopWriter } from './nuvemshop/writer';
import { isChannelId } from './registry';
import { createShopifyWriter } from './shopify/writer';
import type { ChannelId, WriterFactory } from './types';
import { createVtexWriter } from './vtex/writer';
import { createWooCommerceWriter } from './woocommerce/writer';

/**
 * Channel id → write-back factory, as registry.ts is for adapters. Each channel's writer lives in
 * core/channels/<id>/writer.ts and exports create<Name>Writer; adding one is one import and one entry.
 */
const FACTORIES: Partial<Record<ChannelId, WriterFactory>> = {
	mercadolivre: createMercadoLivreWriter,
	shopify: createShopifyWriter,
	woocommerce: createWooCommerceWriter,
	vtex: createVtexWriter,
	nuvemshop: createNuvemshopWriter,
	magalu: createMagaluWriter,
	amazon: createAmazonWriter,
};

export function writerChannels(): ChannelId[] {
	return (Object.keys(FACTORIES) as ChannelId[]).filter((id) => FACTORIES[id] !== undefined);
}

/** The factory for a channel id; throws a message naming the channels that have one otherwise. */
export function writerFactory(id: string): WriterFactory {
	const factory = isChannelId(id) ? FACTORIES[id] : undefined;
	if (!factory) throw new Error(`No write-back for channel "${id}" (available: ${writerChannels().join(', ') || 'none'})`);
	return factory;
}
