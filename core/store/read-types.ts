import type { AppliedEffect, Outcome, Stage } from '../lifecycle/plan';
import type { CanonicalStatus, PaymentMethod } from '../model/order';
import type { PushRetryEntry } from './types';

/** What the store's read operations answer (orders, push status): the views the OMS Store node and reports show. */

/** An order as the store knows it: what it holds, since when, and its last recorded apply. */
export interface StoredOrder {
	orderKey: string;
	channel: string;
	account: string;
	channelOrderId: string;
	status: CanonicalStatus | null;
	stage: Stage;
	warehouse: string;
	/** Units held per SKU while the order is open. */
	reserved: Record<string, number>;
	/** Units taken off on hand per SKU (shipped or invoiced). */
	committed: Record<string, number>;
	paymentMethod: PaymentMethod;
	/** The channel's own last-update time of the snapshot applied last. */
	channelUpdatedAt: string | null;
	/** The furthest status the ERP posted (Apply with source ERP), kept apart from the channel's; null when none. */
	erpStatus: CanonicalStatus | null;
	/** Units back per SKU through returns (the channel's restocked ones or registered ones). */
	returned: Record<string, number>;
	/** Units per SKU registered by Register Return, and the return IDs used. */
	registeredReturns: { units: Record<string, number>; refs: string[] };
	reservedAt: string | null;
	/** When the store first saw the order (its age counts from here). */
	firstSeenAt: string;
	updatedAt: string;
	/** The last apply that changed something or was refused (stale, regression); null when none was recorded. */
	lastEvent: {
		at: string;
		previousStatus: CanonicalStatus | null;
		newStatus: CanonicalStatus;
		/** An apply's outcome; 'expired' for Expire, 'linked' for a link that resolved waiting lines. */
		outcome: Outcome | 'expired' | 'linked';
		effects: AppliedEffect[];
	} | null;
	/**
	 * Flags of the snapshot applied last: its intake flags (unmapped_lines, currency_from_account,
	 * time_zone_assumed) and the plan's (lines_changed_after_commit, …). Empty for orders last applied before
	 * the store kept them (schema 6).
	 */
	flags: string[];
	/** The order has flags, or its last recorded apply was refused as stale or as a status regression. */
	flagged: boolean;
}

export interface OrderQuery {
	channel?: string;
	account?: string;
	status?: CanonicalStatus | CanonicalStatus[];
	/** First seen more than this many hours ago (the store's clock). */
	olderThanHours?: number;
	/** First seen at or after this time. */
	since?: Date;
	flagged?: boolean;
	/** Page size, 1 to 10000 (default 100). */
	limit?: number;
	/** Orders whose key sorts after this one: the previous page's nextAfterKey. */
	afterKey?: string;
}

/** A page of orders by order key; nextAfterKey is null on the last page. */
export interface OrderPage {
	orders: StoredOrder[];
	nextAfterKey: string | null;
}

export interface PushStatusQuery {
	/** A channel ("shopify": all its accounts) or one channel account ("shopify:loja.myshopify.com"). */
	channel?: string;
	sku?: string;
	warehouse?: string;
	/** At most this many rows, by channel account, warehouse and SKU (default 1000, at most 10000). */
	limit?: number;
}

/** What one channel account was last told about one SKU, against the store's level now. */
export interface PushStatusEntry {
	/** The channel account, as pushes record it ("shopify:loja.myshopify.com"). */
	channel: string;
	warehouse: string;
	sku: string;
	/**
	 * Set on a listing pushed under its own rule (Catalog → Set Listing Rule), whose value may differ from the
	 * SKU's other listings; null on the row of the SKU's value, which every other listing shows.
	 */
	listingId: string | null;
	variantId: string | null;
	/** The value the channel last accepted; null when no push of this SKU was ever accepted (retry set only). */
	pushedValue: number | null;
	pushedAt: string | null;
	/** The change number of the level that value was computed from (0: recorded before change numbers). */
	pushedChangeSeq: number | null;
	/** The store's level now; null when the store has no level for the SKU in this warehouse. */
	onHand: number | null;
	reserved: number | null;
	available: number | null;
	changeSeq: number | null;
	/** The level changed after the change the published value came from (or nothing was ever published). */
	behind: boolean;
	/** Ledger movements of the SKU recorded after the value was published; null when nothing was published. */
	movementsSincePush: number | null;
	/** The SKU's entry in the push retry set, null when it is not there. */
	retry: PushRetryEntry | null;
}
