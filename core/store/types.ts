import type { LinkStore } from '../catalog/types';
import type { LifecycleConfig } from '../lifecycle/config';
import type { AppliedEffect, EffectKind, OrderSource, Outcome, PlanFlag, Stage } from '../lifecycle/plan';
import type { RegisterReturnInput, RegisterReturnResult } from './returns';
import type { CanonicalOrder, CanonicalStatus } from '../model/order';
import type { ActivityQuery, OrderActivity } from './activity';
import type { ExpiryRulesInput } from './expiry';
import type { ClaimedDelivery, ClaimOptions, FailOptions, QueuedDeliveryInput, QueueStatus } from './queue-types';
import type { KitLineInfo } from './kit-stock';
import type { KitComponent } from '../catalog/kits';
import type { PublishRule } from '../catalog/publish-rules';
import type { ListingRuleEntry } from '../catalog/listing-rules';
import type { ChannelWarehouses, PublishRuleEntry } from './channel-config-backend';
import type { KitChangeResult, KitView } from './kit-ops';
import type { OrderPage, OrderQuery, PushStatusEntry, PushStatusQuery, StoredOrder } from './read-types';

export type { OrderPage, OrderQuery, PushStatusEntry, PushStatusQuery, StoredOrder } from './read-types';
export type { KitComponent } from '../catalog/kits';
export type { KitChangeResult, KitView } from './kit-ops';
export type { KitLineInfo } from './kit-stock';
export type { ClaimedDelivery, ClaimOptions, FailOptions, QueuedDeliveryInput, QueueStatus } from './queue-types';
export type { PublishRule } from '../catalog/publish-rules';
export type { ChannelWarehouses, PublishRuleEntry } from './channel-config-backend';

export interface StockLevel {
	sku: string;
	warehouse: string;
	onHand: number;
	reserved: number;
	available: number;
	/** False while the SKU was only ever seen on orders, never counted (set on hand / adjusted). */
	stocked: boolean;
	/** A kit's level, computed from its components (min over components of floor(level / quantity)). */
	kit?: true;
}

export interface ApplyOrderResult {
	orderKey: string;
	channel: string;
	account: string;
	channelOrderId: string;
	previousStatus: CanonicalStatus | null;
	newStatus: CanonicalStatus;
	outcome: Outcome;
	stage: Stage;
	effects: AppliedEffect[];
	/** Every SKU this order moved, with its levels after the order was applied. */
	affected: StockLevel[];
	/** SKUs on the order that the store has never counted: the order is accepted, the lines are flagged. */
	unknownSkus: string[];
	/** Counted SKUs whose availability this order pushed below zero (marketplace orders cannot be refused). */
	oversoldSkus: string[];
	flags: PlanFlag[];
	/**
	 * Lines that name no SKU (the channel's listing has no seller SKU): imported, holding no stock, waiting
	 * for the listing to be linked to a SKU. Empty when every line is mapped.
	 */
	unmappedLines: UnmappedLine[];
	/** The order's kit lines: the components per kit unit they move, and whether that is an earlier definition. */
	kitLines?: KitLineInfo[];
}

/** An order line the store could not tie to a SKU, as the channel identifies it. */
export interface UnmappedLine {
	/** Position of the line in the order's `lines`. */
	index: number;
	quantity: number;
	channelListingId?: string;
	channelVariantId?: string;
	channelLineId?: string;
	title?: string;
}

/** One order's outcome in applyOrdersSettled: applied, or refused alone while the others went through. */
export type SettledApply =
	| { ok: true; result: ApplyOrderResult }
	| {
			ok: false;
			/** The order as far as it can be identified ("channel:channelOrderId"), as validation errors name it. */
			orderRef: string;
			error: Error;
	  };

export interface StockCountInput {
	sku: string;
	warehouse?: string;
	/** Idempotency key of the count/adjustment (e.g. the ERP's document id): the same ref applies once. */
	ref?: string;
	reason?: string;
}

export interface SetOnHandInput extends StockCountInput {
	onHand: number;
}

export interface AdjustInput extends StockCountInput {
	delta: number;
}

export interface StockChangeResult extends StockLevel {
	/** What moved on hand; 0 when nothing changed or the ref was already applied. */
	deltaOnHand: number;
	duplicateRef: boolean;
}

export interface LedgerEntry {
	id: number;
	at: string;
	sku: string;
	warehouse: string;
	deltaOnHand: number;
	deltaReserved: number;
	reason: EffectKind | 'set_on_hand' | 'adjust';
	orderKey: string | null;
	effectKey: string | null;
	ref: string | null;
	note: string | null;
	/** The kit line a component's movement came from; null for a SKU's own line and for counts. */
	kit: string | null;
}

export interface LedgerQuery {
	sku?: string;
	orderKey?: string;
	/** Entries with id greater than this (paging forward). */
	afterId?: number;
	limit?: number;
}

export interface ReservationEntry {
	orderKey: string;
	status: CanonicalStatus | null;
	sku: string;
	warehouse: string;
	quantity: number;
	reservedAt: string | null;
	/** Set when the units are a component reserved for a kit line (quantity in component units). */
	kit?: string;
}

export interface ReservationQuery {
	sku?: string;
	orderKey?: string;
	limit?: number;
}

export interface ExpireResult {
	orderKey: string;
	reservedAt: string | null;
	released: Array<{ sku: string; quantity: number }>;
	affected: StockLevel[];
}

export interface DriftEntry {
	sku: string;
	warehouse: string;
	counterOnHand: number;
	ledgerOnHand: number;
	counterReserved: number;
	ledgerReserved: number;
	/** Sum of the open reservations held by orders. */
	openReservations: number;
}

export interface ReconcileReport {
	checkedSkus: number;
	drift: DriftEntry[];
	repaired: boolean;
}

export interface ChangedPage {
	levels: StockLevel[];
	/** Pass back to get what changed after this page. */
	cursor: string;
	/** True when `limit` cut the page: call again with the returned cursor. */
	more: boolean;
}

/** A level with its change number, as the store read it: what a pushed value is computed from. */
export interface VersionedLevel extends StockLevel {
	/**
	 * The change number of the level's last change (listChanged's cursor counts the same numbers): it only
	 * grows, so of two values computed from one SKU's levels, the one with the larger number is the newer.
	 */
	changeSeq: number;
}

export interface PushedValue {
	sku: string;
	warehouse?: string;
	/** The push target: '' (default) the SKU's listings; a listing with its own rule its key (listingTarget). */
	listing?: string;
	value: number;
	/**
	 * The change number of the level the value was computed from (VersionedLevel.changeSeq). A value is only
	 * recorded over one with the same or an older number; 0 (the default) means "unknown".
	 */
	changeSeq?: number;
}

/** The last value a channel accepted for a SKU, and the change number it was computed from. */
export interface PushState {
	value: number;
	changeSeq: number;
}

/** A push target's recorded value: the SKU's (listing '') or a listing's (PushedValue.listing). */
export interface ListingPushState extends PushState {
	sku: string;
	listing: string;
}

/**
 * Why a SKU goes to the push retry set: the channel refused it (an HTTP 4xx answer), the outcome of the write
 * is unknown (timeout, connection reset, 5xx: the channel may have applied it), or another push held the SKU.
 */
export type PushRetryReason = 'refused' | 'unknown' | 'deferred';

export interface PushRetryInput {
	sku: string;
	warehouse?: string;
	/** The push target ('' default: the SKU, or its listings without their own rule); see PushedValue.listing. */
	listing?: string;
	reason: PushRetryReason;
	/** The channel's error, kept as the entry's last error (not for 'deferred' when the entry exists). */
	message?: string;
	httpCode?: number;
}

/** A SKU waiting in the push retry set of one channel account. */
export interface PushRetryEntry {
	sku: string;
	warehouse: string;
	/** '' for the SKU; a listing's key (listingTarget) when that listing, pushed under its own rule, failed. */
	listing: string;
	/** Failed attempts in a row ('deferred' does not count). */
	attempts: number;
	/**
	 * A write with an unknown outcome happened: the channel may show a value the store never recorded, so the
	 * SKU is sent whatever the recorded value is, until a push begun after nextAt succeeds.
	 */
	uncertain: boolean;
	lastError: string | null;
	lastHttpCode: number | null;
	firstFailedAt: string;
	/** When the SKU is due again: 1 minute after the first failure, doubling up to 1 hour. */
	nextAt: string;
	/** Grows with every record of the entry: clearPushRetries takes it out only at the revision the caller read. */
	revision: number;
}

/** A retry entry as a push read it (its SKU and revision). */
export interface SeenRetry {
	sku: string;
	/** '' (default): the SKU's entry. */
	listing?: string;
	revision: number;
}

export interface PushRetryQuery {
	warehouse?: string;
	/** Only these SKUs. */
	skus?: string[];
	/** Only entries due now (nextAt ≤ the store's clock). */
	dueOnly?: boolean;
	/** At most this many, soonest due first (default 1000). */
	limit?: number;
}

export interface ListingMapping {
	sku: string;
	listingId: string;
	variantId?: string;
	inventoryItemId?: string;
}

/** One webhook delivery (or one version of an order read after it), for de-duplication. */
export interface DeliveryRecord {
	channel: string;
	account: string;
	/** The channel's event or delivery id, or a key built from the event; at most 512 characters. */
	eventId: string;
	/** Defaults to the store's clock. */
	receivedAt?: Date;
}

export type DeliveryOutcome = 'new' | 'duplicate';

export interface ApplyOptions {
	lifecycle?: Partial<LifecycleConfig>;
	/**
	 * Who posted the orders: their channel (default; a version of the order, older versions are stale) or the
	 * ERP (an event on the order: invoiced, shipped; its clock is never compared with the channel's).
	 */
	source?: OrderSource;
}

/** The reservation store: one interface, SQLite and PostgreSQL drivers, one conformance suite. */
export interface OmsStore extends LinkStore {
	readonly driver: 'sqlite' | 'postgres';
	/**
	 * Applies a batch of canonical orders in one transaction, all or nothing; results in input order. Each
	 * order is validated first (validateCanonicalOrder): a malformed one throws OrderValidationError.
	 */
	applyOrders(orders: CanonicalOrder[], options?: ApplyOptions): Promise<ApplyOrderResult[]>;
	/**
	 * Applies a batch so that one bad order cannot fail the others: each order is validated alone, the valid
	 * ones go in one transaction, and when the database refuses it the batch is split and retried until the
	 * refused orders are alone (the others commit, still in input order). Outcomes in input order.
	 */
	applyOrdersSettled(orders: CanonicalOrder[], options?: ApplyOptions): Promise<SettledApply[]>;
	/**
	 * Registers a return of a known order, per line: restocked, or booked into the quarantine warehouse with a
	 * reason; with `exchange`, also reserves the new line as an order of its own. The same ref registers once.
	 */
	registerReturn(input: RegisterReturnInput): Promise<RegisterReturnResult>;
	setOnHand(entries: SetOnHandInput[]): Promise<StockChangeResult[]>;
	adjustStock(entries: AdjustInput[]): Promise<StockChangeResult[]>;
	/** Levels of the given SKUs (all SKUs when omitted). SKUs are compared in their identity (skuIdentity). */
	getAvailability(skus?: string[], warehouse?: string): Promise<StockLevel[]>;
	/**
	 * Levels changed since a cursor (from the start when omitted). At-least-once: a level may repeat. Kits
	 * containing a changed component, and kits whose definition changed, come with the page (`kit: true`).
	 */
	listChanged(cursor?: string, limit?: number): Promise<ChangedPage>;
	/**
	 * Defines a kit (components: SKU × units per kit), or changes its definition. Refused: a cycle, a kit with
	 * on-hand stock of its own. Orders already holding the kit keep the definition they reserved under.
	 */
	defineKit(sku: string, components: KitComponent[]): Promise<KitChangeResult>;
	/** The SKU is no longer a kit (orders holding it keep their recorded components). */
	removeKit(sku: string): Promise<KitChangeResult>;
	/** Kits by SKU (those of `skus` that are kits), or every kit in SKU order after `afterSku`. */
	listKits(query?: { skus?: string[]; afterSku?: string; limit?: number }): Promise<KitView[]>;
	/** Kits that contain any of `skus`, directly or through other kits (to re-publish them). */
	kitsContaining(skus: string[]): Promise<string[]>;
	/**
	 * Sets (replaces) the publish rule of a channel account ("shopify:loja"), or its override for one SKU:
	 * fields left out fall back to the account's rule, then to the Push Stock node's parameters.
	 */
	setPublishRule(channel: string, rule: PublishRule, sku?: string): Promise<PublishRuleEntry>;
	removePublishRule(channel: string, sku?: string): Promise<{ channel: string; sku: string | null; removed: boolean }>;
	/** Rules of one channel account (every account when omitted): the account's (sku null) and per-SKU overrides. */
	listPublishRules(channel?: string): Promise<PublishRuleEntry[]>;
	/** The account's rule and the overrides of `skus` (keyed by the SKUs' store identities). */
	publishRulesFor(channel: string, skus: string[]): Promise<{ account?: PublishRule; bySku: Map<string, PublishRule> }>;
	/**
	 * Sets (replaces) the publish rule of one listing of a channel account (a variant, or the listing as a whole),
	 * over the SKU's and the account's rule field by field. The listing must be linked; its SKUs are queued
	 * (retry set, due at once) so the next push publishes the listing's new number. Refuses an empty rule.
	 */
	setListingRule(channel: string, listing: { listingId: string; variantId?: string }, rule: PublishRule): Promise<ListingRuleEntry>;
	removeListingRule(channel: string, listing: { listingId: string; variantId?: string }): Promise<{ channel: string; listingId: string; variantId: string; skus: string[]; removed: boolean }>;
	/** Listing rules of one channel account (every account when omitted), each with the SKUs it is linked to now. */
	listListingRules(channel?: string): Promise<ListingRuleEntry[]>;
	/** The rules of these listings (every variant; every listing's when omitted) on one account, keyed by listingTarget(listingId, variantId). */
	listingRulesFor(channel: string, listingIds?: string[]): Promise<Map<string, PublishRule>>;
	/** Which warehouses a channel account sells (sum published) and where its orders reserve (priority list). */
	setChannelWarehouses(channel: string, warehouses: { sells?: string[]; reservesIn?: string[] }): Promise<ChannelWarehouses>;
	removeChannelWarehouses(channel: string): Promise<{ channel: string; removed: boolean }>;
	listChannelWarehouses(channel?: string): Promise<ChannelWarehouses[]>;
	/**
	 * Releases reservations of orders still awaiting payment: reserved before `olderThan` (every method alike),
	 * or past their payment method's rule (see ExpiryRules; what is left out keeps DEFAULT_EXPIRY_RULES).
	 */
	expireReservations(rule: Date | ExpiryRulesInput): Promise<ExpireResult[]>;
	listReservations(query?: ReservationQuery): Promise<ReservationEntry[]>;
	listLedger(query?: LedgerQuery): Promise<LedgerEntry[]>;
	/** One order by its key ("channel:account:channelOrderId") or its identity; null when the store never saw it. */
	getOrder(ref: string | { channel: string; account: string; channelOrderId: string }): Promise<StoredOrder | null>;
	/** Orders matching every filter given, paged by order key. */
	listOrders(query?: OrderQuery): Promise<OrderPage>;
	/**
	 * For reports: orders first seen since `since` plus every open one, newest first, each with its total,
	 * ship-by deadline, unmapped lines and the first time it reached each status.
	 */
	orderActivity(query: ActivityQuery): Promise<OrderActivity[]>;
	/** Recomputes the counters from the ledger; reports drift; `repair` makes the counters match the ledger. */
	reconcile(repair: boolean): Promise<ReconcileReport>;
	/** Levels of the given SKUs of one warehouse with their change numbers (SKUs the store does not know are absent). */
	getVersionedLevels(skus: string[], warehouse?: string): Promise<VersionedLevel[]>;
	/**
	 * Records values a channel accepted, each only over a value with the same or an older change number (one
	 * conditional upsert per value). Answers the values NOT recorded because a newer one was there (superseded).
	 */
	recordPushed(channel: string, values: PushedValue[]): Promise<PushedValue[]>;
	/** Looked up by SKU identity; the map is keyed by the SKUs as passed. */
	getPushed(channel: string, skus: string[], warehouse?: string): Promise<Map<string, number>>;
	/** getPushed with the change numbers. */
	getPushState(channel: string, skus: string[], warehouse?: string): Promise<Map<string, PushState>>;
	/** The values recorded for listings pushed under their own rule (targets other than the SKU's ''). */
	getListingPushStates(channel: string, skus: string[], warehouse?: string): Promise<ListingPushState[]>;
	/** Both in one read, as pushes plan: the SKU's own value (listing '') and its listings' (store identities). */
	getTargetPushStates(channel: string, skus: string[], warehouse?: string): Promise<ListingPushState[]>;
	/**
	 * Takes the push leases of SKUs for `holder` until ttlMs from the store's clock, in one atomic statement:
	 * a SKU is taken when free, expired, or already this holder's (which renews it). Answers the SKUs taken
	 * (store identities); the others are held by another push. A SKU taken from another holder whose lease
	 * expired has its targets marked uncertain in the retry set by the same write (due now, no attempt counted).
	 */
	acquirePushLeases(channel: string, warehouse: string, skus: string[], holder: string, ttlMs: number): Promise<string[]>;
	/** Gives back this holder's leases (another holder's are left alone). */
	releasePushLeases(channel: string, warehouse: string, skus: string[], holder: string): Promise<void>;
	/**
	 * Puts SKUs in the push retry set: a failure counts an attempt and is due again after 1 min doubling up to
	 * 1 h ('unknown' also marks the entry uncertain); 'deferred' is due at once and counts nothing.
	 */
	recordPushRetries(channel: string, entries: PushRetryInput[]): Promise<void>;
	listPushRetries(channel: string, query?: PushRetryQuery): Promise<PushRetryEntry[]>;
	/** Per channel account and SKU: the value last published and when, the level now, how far behind, the retry entry. */
	pushStatus(query?: PushStatusQuery): Promise<PushStatusEntry[]>;
	/**
	 * Takes entries out of the retry set after a push made them right (accepted, or nothing to send), each only
	 * at the revision the push read: an entry recorded again since (a deferral, a failure) stays. An uncertain
	 * entry only leaves when the push began at or after it was due (`pushStartedAt`); without it, it leaves too.
	 */
	clearPushRetries(channel: string, warehouse: string, seen: SeenRetry[], pushStartedAt?: Date): Promise<void>;
	setListings(channel: string, mappings: ListingMapping[]): Promise<void>;
	/** Looked up by SKU identity; the map is keyed by the SKUs as passed. */
	getListings(channel: string, skus: string[]): Promise<Map<string, ListingMapping>>;
	/**
	 * The webhook inbox: records a delivery unless the same (channel, account, eventId) is already there, in one
	 * atomic insert (a unique key), so of two concurrent deliveries of one event exactly one is 'new'.
	 */
	recordDelivery(entry: DeliveryRecord): Promise<DeliveryOutcome>;
	/** Forgets deliveries received before `olderThan` (ids, and parked queue rows); answers how many. */
	pruneDeliveries(olderThan: Date): Promise<number>;
	/**
	 * Records the event id (when given) and queues the delivery in one atomic write: 'duplicate' (nothing
	 * queued) when the id was seen before. What it answers 'new' for is durable: a drain will emit it.
	 */
	acceptDelivery(entry: QueuedDeliveryInput): Promise<DeliveryOutcome>;
	/** Claims due rows of a queue for `holder` (one atomic statement: two drains never claim the same row). */
	claimDeliveries(queue: string, holder: string, options: ClaimOptions): Promise<ClaimedDelivery[]>;
	/** Extends this holder's claims (a drain whose execution is still running). */
	renewDeliveries(queue: string, holder: string, seqs: number[], ttlMs: number): Promise<void>;
	/** Done: deletes this holder's claimed rows (a row claimed again by another drain since stays); answers how many. */
	completeDeliveries(queue: string, holder: string, seqs: number[]): Promise<number>;
	/** Gives this holder's claims back after a failure: due again with backoff, parked after maxAttempts. */
	failDeliveries(queue: string, holder: string, seqs: number[], options: FailOptions): Promise<void>;
	queueStatus(queue: string): Promise<QueueStatus>;
	schemaVersion(): Promise<number>;
	close(): Promise<void>;
}
