import type { ChannelId } from '../channels/types';

/** One HTTP delivery as the webhook node received it. */
export interface WebhookDelivery {
	/** The body exactly as sent: signatures are computed over these bytes, not over re-serialised JSON. */
	rawBody: Buffer;
	/** Header names in lower case (as Node gives them). */
	headers: Record<string, string | string[] | undefined>;
}

/** What a channel's deliveries are checked against: the channel credential's account and webhook secrets. */
export interface WebhookSecrets {
	/** The seller account of the credential (shop domain, store id, seller id, VTEX account name). */
	account: string;
	/** HMAC key: Shopify app client secret, WooCommerce webhook secret, Nuvemshop app secret. */
	secret?: string;
	/** VTEX: the header the hook was configured to send, and its value. */
	headerName?: string;
	headerValue?: string;
	/** The application deliveries must name: Mercado Livre's OAuth client id, VTEX's app key (Origin.Key). */
	appId?: string;
}

/** A delivery about one order. */
export interface DeliveredOrder {
	/**
	 * The channel's id of this event (its delivery or event id, or a key built from the event), for
	 * de-duplication; absent when the channel sends nothing that tells two events apart (Nuvemshop, Magalu).
	 */
	eventId?: string;
	channelOrderId: string;
	/** The full raw order when the body is one (Shopify, WooCommerce); pointer channels leave it out. */
	order?: unknown;
	/** The channel's event name (topic), for logs and items. */
	topic?: string;
}

/** A well-formed delivery that carries nothing to apply (another resource, a topic the OMS does not use). */
export interface IgnoredDelivery {
	ignore: string;
}

export type DeliveryRead = DeliveredOrder | IgnoredDelivery;

export const isIgnored = (read: DeliveryRead): read is IgnoredDelivery => 'ignore' in read;

/**
 * A channel's webhook deliveries. The node calls, in this order: handshake (an unsigned setup ping that
 * carries no data: answer 200, apply nothing), authenticate (in constant time, on the raw body; false → 401),
 * then read.
 */
export interface WebhookReader {
	readonly channel: ChannelId;
	/** The reason, when the delivery is the channel's unsigned setup ping (WooCommerce, VTEX). */
	handshake?(delivery: WebhookDelivery): string | undefined;
	authenticate(delivery: WebhookDelivery, secrets: WebhookSecrets): boolean;
	read(delivery: WebhookDelivery): DeliveryRead;
}

/**
 * Registration of the node's URL on the channel (n8n's checkExists / create / delete). `find` answers the ids
 * of this URL's live registrations and whether they cover every topic the node needs; a registration the
 * channel disabled does not count (WooCommerce disables a webhook after repeated failures).
 */
export interface WebhookRegistrar {
	find(url: string): Promise<{ complete: boolean; ids: string[] }>;
	create(url: string): Promise<string[]>;
	remove(ids: string[]): Promise<void>;
}
