import { adapterFactory, CHANNEL_IDS, CHANNELS, channelDescriptor, isChannelId, writerFactory } from '../../core/channels/registry';
import type { WriteOperation } from '../../core/channels/descriptor';
import { TransportError, type HttpTransport } from '../../core/http/transport';

const offline: HttpTransport = async (req) => {
	throw new TransportError(`offline: ${req.url}`, 'network');
};
const ctx = { transport: offline, baseUrl: 'https://example.invalid', account: 'acct' };

const METHOD: Record<WriteOperation, 'pushInvoice' | 'pushShipment' | 'cancelOrder' | 'confirmDelivery'> = {
	invoice: 'pushInvoice',
	shipment: 'pushShipment',
	cancel: 'cancelOrder',
	delivery: 'confirmDelivery',
};

describe('channel registry', () => {
	test('lists the seven wave-1 channels, then wave 2, in the order the CLI shows them', () => {
		expect(CHANNEL_IDS).toEqual(['mercadolivre', 'shopify', 'woocommerce', 'vtex', 'nuvemshop', 'magalu', 'amazon', 'tray', 'lojaintegrada', 'shopee', 'magento', 'mirakl', 'americanas', 'http', 'madeiramadeira', 'prestashop', 'via', 'anymarket', 'wake', 'pluggto', 'olist']);
	});

	test.each(CHANNEL_IDS)('%s: its key is its descriptor id, and its adapter and writer say the same id', (id) => {
		const d = CHANNELS[id];
		expect(d.id).toBe(id);
		expect(d.label.trim()).not.toBe('');
		expect(adapterFactory(id)(ctx).id).toBe(id);
		expect(writerFactory(id)(ctx).id).toBe(id);
	});

	test.each(CHANNEL_IDS)('%s: capabilities.writes names exactly the writer operations it has', (id) => {
		const writer = CHANNELS[id].createWriter(ctx);
		const has = (Object.keys(METHOD) as WriteOperation[]).filter((op) => typeof writer[METHOD[op]] === 'function');
		expect([...CHANNELS[id].capabilities.writes].sort()).toEqual(has.sort());
	});

	test.each(CHANNEL_IDS)('%s: capabilities.barcodes names a field exactly when the writer looks listings up by barcode', (id) => {
		const barcodes = CHANNELS[id].capabilities.barcodes;
		expect('field' in barcodes).toBe(typeof CHANNELS[id].createWriter(ctx).resolveListingsByGtin === 'function');
		expect(('field' in barcodes ? barcodes.field : barcodes.none).trim()).not.toBe('');
	});

	test('webhook capabilities: the channels with HTTP webhooks read deliveries; a registrar only where the API registers', () => {
		const withReader = CHANNEL_IDS.filter((id) => CHANNELS[id].capabilities.webhooks?.reader.channel === id);
		const withRegistrar = CHANNEL_IDS.filter((id) => CHANNELS[id].capabilities.webhooks?.registrar);
		expect(withReader).toEqual(['mercadolivre', 'shopify', 'woocommerce', 'vtex', 'nuvemshop', 'magalu', 'shopee']);
		expect(withRegistrar).toEqual(['shopify', 'woocommerce', 'vtex', 'nuvemshop']);
	});

	test('an unknown id is refused with the list of channels', () => {
		expect(isChannelId('ebay')).toBe(false);
		expect(isChannelId('toString')).toBe(false);
		expect(() => channelDescriptor('ebay')).toThrow('Unknown channel "ebay" (available: mercadolivre, shopify, woocommerce, vtex, nuvemshop, magalu, amazon, tray, lojaintegrada, shopee, magento, mirakl, americanas, http, madeiramadeira, prestashop, via, anymarket, wake, pluggto, olist)');
	});
});
