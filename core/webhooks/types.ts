import type { AdapterContext, ChannelId } from '../channels/types';

/** One HTTP delivery as the webhook node received it. */
export interface WebhookDelivery {
	/** The body exactly as sent: signatures are computed over these bytes, not over re-serialised JSON. */
	rawBody: Buffer;
	/** Header names in lower case (as Node gives them). */
	headers: Record<string, string | string[] | undefined>;
	/**
	 * The URLs the channel may have called, for channels that sign the URL with the body (Shopee): the node's
	 * production URL, plus its test URL for the editor's test deliveries.
	 */
	urls?: string[];
}

/** What a channel's deliveries are checked against: the channel credential's account and webhook secrets. */
export interface WebhookSecrets {
	/** The seller account of the credential (shop domain, store id, seller id, VTEX account name). */
	account: string;
	/** HMAC key: Shopify app client secret, WooCommerce webhook secret, Nuvemshop app secret, Shopee partner key. */
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

/** This URL's registrations on the channel. */
export interface FoundRegistrations {
	/** Live registrations of this URL. */
	ids: string[];
	/** True when the live ones cover every topic the node needs (and carry the current secret, where visible). */
	complete: boolean;
	/** Registrations of this URL the channel no longer delivers to (WooCommerce disables one after repeated failures). */
	stale: string[];
}

/** Registration of the node's URL on the channel, behind n8n's checkExists / create / delete. */
export interface WebhookRegistrar {
	find(url: string): Promise<FoundRegistrations>;
	/** Registers the URL for every topic; answers the new registrations' ids. */
	create(url: string): Promise<string[]>;
	/** Removes registrations; one already gone is not an error. */
	remove(ids: string[], url: string): Promise<void>;
}

export type RegistrarFactory = (ctx: AdapterContext, secrets: WebhookSecrets) => WebhookRegistrar;

/**
 * Deliveries the channel kept because they were not acknowledged (Mercado Livre's missed_feeds), rebuilt as
 * the channel sent them, page by page: they go through the same authenticate → read → inbox path as live ones.
 */
export interface MissedDeliveries {
	pages(): AsyncIterable<WebhookDelivery[]>;
}

export type MissedFactory = (ctx: AdapterContext, secrets: WebhookSecrets) => MissedDeliveries;
