import type { MissedFactory, RegistrarFactory, WebhookReader } from '../webhooks/types';
import type { AdapterFactory, WriterFactory } from './types';

/**
 * How a channel's read endpoints wrap their orders, for taking a response exactly as the API returned it
 * (the CLI): `one` reaches a single order, `list` an array of orders (`node`: each element holds the order
 * there). A bare array is a list on every channel; a response that matches no shape is taken as one order.
 */
export type ResponseShape = { one: string[] } | { list: string[]; node?: string };

/** Write-back operations beyond stock (which every writer has). */
export type WriteOperation = 'invoice' | 'shipment' | 'cancel' | 'delivery';

/**
 * Listing look-up by barcode (GTIN/EAN), for SKUs the channel does not show by seller SKU: `field` names where
 * the channel's catalog keeps the barcode and how it is searched (the writer has resolveListingsByGtin), `none`
 * says why the channel has no such look-up. Every channel declares one; the README's barcode table shows them.
 */
export type BarcodeLookup = { readonly field: string } | { readonly none: string };

/** The channels whose stock endpoint takes the seller SKU itself (their writers resolve every SKU to itself). */
export const KEYED_BY_SELLER_SKU: { readonly none: string } = {
	none: 'stock is written by the seller SKU without a look-up (every SKU resolves to itself), so Push Stock never has an unlisted SKU for a barcode to find; a listing under another SKU is linked by hand',
};

/** What a channel can do; the writer conformance suite checks that `writes` matches the writer's methods. */
export interface ChannelCapabilities {
	/** The writer's optional operations; the others answer "not supported by <channel>". */
	readonly writes: readonly WriteOperation[];
	readonly barcodes: BarcodeLookup;
	/**
	 * HTTP webhooks: how a delivery is read, the registrar where the API registers them (not ML, Magalu,
	 * Shopee), and where the channel keeps the deliveries it could not hand over (ML's missed_feeds).
	 */
	readonly webhooks?: { readonly reader: WebhookReader; readonly registrar?: RegistrarFactory; readonly missed?: MissedFactory };
}

/**
 * Everything the core knows of one channel; each core/channels/<id>/index.ts exports one, and
 * core/channels/registry.ts lists them. `Id` is the channel id as a literal ('tray'): the registry derives
 * ChannelId from these, so an adapter or writer whose channel is not registered does not compile.
 */
export interface ChannelDescriptor<Id extends string = string> {
	readonly id: Id;
	/** Human name, as the nodes and the README show it ("Mercado Livre"). */
	readonly label: string;
	readonly createAdapter: AdapterFactory;
	readonly createWriter: WriterFactory;
	/** Wrappers of the read endpoints' responses, tried in order (empty: the order or a bare array). */
	readonly responseShapes: readonly ResponseShape[];
	readonly capabilities: ChannelCapabilities;
}
