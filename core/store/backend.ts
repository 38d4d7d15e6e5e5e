import type { OrderStockState } from '../lifecycle/plan';
import type { KitQueries, KitTx } from './kit-backend';
import type { ChannelConfigBackend, WarehouseChoiceTx } from './channel-config-backend';
import type { ListingRuleBackend } from './listing-rule-backend';
import type { PaymentMethod } from '../model/order';
import type { LinkBackend, LinkTx } from './link-backend';
import type { OrderActivity, OrderSummary } from './activity';
import type { OrderFilter } from './order-view';
import type { PushStatusFilter } from './push-status';
import type { ClaimedDelivery, QueueStatus } from './queue-types';
import type {
	ChangedPage,
	LedgerEntry,
	LedgerQuery,
	StoredOrder,
	ListingMapping,
	PushedValue,
	PushRetryEntry,
	PushStatusEntry,
	PushRetryInput,
	ListingPushState,
	ReservationEntry,
	ReservationQuery,
	StockLevel,
	VersionedLevel,
} from './types';

/**
 * What a driver provides. The stock rules live once, in engine.ts, over this interface; drivers only know
 * how to lock, read and write rows in their database.
 */

export interface CounterKey {
	sku: string;
	warehouse: string;
}

export interface CounterRow extends CounterKey {
	onHand: number;
	reserved: number;
	stocked: boolean;
}

export interface LedgerInsert extends CounterKey {
	deltaOnHand: number;
	deltaReserved: number;
	reason: string;
	orderKey: string | null;
	effectKey: string | null;
	ref: string | null;
	note: string | null;
	at: string;
	/** The kit line of an order a component movement came from. */
	kit?: string;
}

export interface OrderIdentity {
	channel: string;
	account: string;
	channelOrderId: string;
}

export interface OrderSave {
	state: OrderStockState;
	/** Present for orders that may not exist yet (upsert). */
	identity?: OrderIdentity;
	/** Set by apply (the snapshot's method, 'unknown' when absent); other saves keep the stored one. */
	paymentMethod?: PaymentMethod;
	/** Set by apply (the snapshot's intake flags and the plan's flags); other saves keep the stored ones. */
	flags?: string[];
	/** Set by apply (the snapshot's total, ship-by, unmapped lines); other saves keep the stored one. */
	summary?: OrderSummary;
	at: string;
}

export interface OrderEventInsert {
	orderKey: string;
	at: string;
	previousStatus: string | null;
	newStatus: string;
	outcome: string;
	effects: unknown;
}

export interface LedgerTotal extends CounterKey {
	onHand: number;
	reserved: number;
}

export interface StoreTx extends LinkTx, KitTx, WarehouseChoiceTx {
	/**
	 * Serialises concurrent writers of the same orders (row or advisory locks in key order) and returns the
	 * states of the orders the store already knows.
	 */
	lockOrders(orderKeys: string[]): Promise<Map<string, OrderStockState>>;
	/** Creates the missing counters at zero, not stocked, without locking (or waiting on) the existing ones. */
	createCounters(keys: CounterKey[]): Promise<void>;
	/** Locks the counters (created before) in (warehouse, sku) order and reads them. */
	lockCounters(keys: CounterKey[]): Promise<Map<string, CounterRow>>;
	/** Which (ref, sku, warehouse) were already written to the ledger, as appliedRefKey strings. */
	appliedRefs(entries: Array<CounterKey & { ref: string }>): Promise<Set<string>>;
	/** Writes counters (locked before) with the next change number; that number's row is held to commit. */
	saveCounters(rows: CounterRow[]): Promise<void>;
	/** Ledger rows and saveCounters at once (one statement where the driver can): the last writes under the counter locks. */
	writeStock(ledger: LedgerInsert[], counters: CounterRow[]): Promise<void>;
	saveOrders(rows: OrderSave[]): Promise<void>;
	appendOrderEvents(rows: OrderEventInsert[]): Promise<void>;
	/** Orders holding a reservation while awaiting payment, reserved before their payment method's cutoff. Not locked. */
	findExpirable(cutoffs: Record<PaymentMethod, string>, limit: number): Promise<string[]>;
	/** The stored payment method of each known order. */
	paymentMethodsOf(orderKeys: string[]): Promise<Map<string, PaymentMethod>>;
	ledgerTotals(): Promise<LedgerTotal[]>;
	/** Every counter, locked. */
	allCounters(): Promise<CounterRow[]>;
	openReservationTotals(): Promise<LedgerTotal[]>;
}

export interface StoreBackend extends LinkBackend {
	readonly driver: 'sqlite' | 'postgres';
	transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
	/**
	 * True when a failed transaction says nothing about its content (database busy, unreachable, read-only,
	 * full): retrying a smaller batch cannot succeed, so applyOrdersSettled stops splitting.
	 */
	failsEveryOrder(error: unknown): boolean;
	getAvailability(skus?: string[], warehouse?: string): Promise<StockLevel[]>;
	/** Kit look-ups outside a transaction (reads). */
	readonly kitReads: KitQueries;
	/** Publish rules and warehouses per channel account. */
	readonly channelConfig: ChannelConfigBackend;
	/** Publish rules per listing. */
	readonly listingRules: ListingRuleBackend;
	listChanged(cursor: string | undefined, limit: number): Promise<ChangedPage>;
	listReservations(query: ReservationQuery): Promise<ReservationEntry[]>;
	listLedger(query: LedgerQuery): Promise<LedgerEntry[]>;
	getOrder(orderKey: string): Promise<StoredOrder | null>;
	/** Up to filter.limit + 1 orders after filter.afterKey, in order key order (the extra one says more exist). */
	listOrders(filter: OrderFilter): Promise<StoredOrder[]>;
	/** Orders first seen since `since` or still open, newest first, and the first time each reached each status. */
	orderActivity(q: { since: string; limit: number }): Promise<OrderActivity[]>;
	getVersionedLevels(skus: string[], warehouse: string): Promise<VersionedLevel[]>;
	/** Conditional upserts (never over a newer change number); answers the values not recorded. */
	recordPushed(channel: string, values: Array<Required<PushedValue>>, at: string): Promise<PushedValue[]>;
	/** Every target's recorded value of these SKUs: listing '' (the SKU's) and listings pushed under their own rule. */
	getTargetPushStates(channel: string, skus: string[], warehouse: string): Promise<ListingPushState[]>;
	/** Push leases and the retry set; times are epoch milliseconds of the store's clock. */
	acquirePushLeases(channel: string, warehouse: string, skus: string[], holder: string, nowMs: number, expiresMs: number): Promise<string[]>;
	releasePushLeases(channel: string, warehouse: string, skus: string[], holder: string): Promise<void>;
	recordPushRetries(channel: string, entries: Array<PushRetryInput & { warehouse: string; listing: string }>, nowMs: number, backoff: RetryBackoff): Promise<void>;
	listPushRetries(channel: string, q: { warehouse?: string; skus?: string[]; dueBeforeMs?: number; limit: number }): Promise<PushRetryEntry[]>;
	pushStatus(filter: PushStatusFilter): Promise<PushStatusEntry[]>;
	clearPushRetries(channel: string, warehouse: string, seen: Array<{ sku: string; listing: string; revision: number }>, startedMs: number | null): Promise<void>;
	setListings(channel: string, mappings: ListingMapping[], at: string): Promise<void>;
	getListings(channel: string, skus: string[]): Promise<Map<string, ListingMapping>>;
	/** INSERT … ON CONFLICT DO NOTHING on the inbox's unique key: true when this call inserted the row. */
	recordDelivery(channel: string, account: string, eventId: string, receivedAt: string): Promise<boolean>;
	pruneDeliveries(cutoff: string): Promise<number>;
	/** Queue rows: times are epoch milliseconds of the store's clock; eventId null = no de-duplication. */
	acceptDelivery(row: QueueInsert): Promise<boolean>;
	claimDeliveries(queue: string, holder: string, nowMs: number, untilMs: number, limit: number, retried: boolean): Promise<ClaimedDelivery[]>;
	renewDeliveries(queue: string, holder: string, seqs: number[], untilMs: number): Promise<void>;
	completeDeliveries(queue: string, holder: string, seqs: number[]): Promise<number>;
	failDeliveries(queue: string, holder: string, seqs: number[], f: QueueFailure): Promise<void>;
	queueStatus(queue: string, nowMs: number): Promise<QueueStatus>;
	schemaVersion(): Promise<number>;
	close(): Promise<void>;
}

export interface QueueInsert {
	queue: string;
	channel: string;
	account: string;
	eventId: string | null;
	channelOrderId: string;
	topic: string | null;
	body: string | null;
	receivedAt: string;
	receivedMs: number;
}

/** A failure's effect on the rows: attempts + 1, due at nowMs + backoff(attempts), parked at maxAttempts. */
export interface QueueFailure {
	error: string;
	maxAttempts: number;
	nowMs: number;
	backoff: RetryBackoff;
}

/**
 * Why taking over an expired push lease marks the SKU uncertain (both drivers, in the write that takes it):
 * the lease ran out in another holder's hands, so that run died or stalled — possibly after its request
 * reached the channel and before it was recorded; if the level came back to the recorded value meanwhile,
 * "unchanged" would leave the dead run's value on the channel. Marked here rather than before every send
 * (a write-ahead "in flight" entry): only a take-over pays, a normal push writes nothing more. Every target
 * recorded for the SKU is marked ('' and its listings), due now, counting no attempt.
 */
export const TAKE_OVER_MESSAGE = "the push holding this SKU's lease stopped without giving it back (a killed worker?): its last write may have reached the channel unrecorded";

/** A failed push is due again after baseMs · 2^(attempts − 1), at most maxMs. */
export interface RetryBackoff {
	baseMs: number;
	maxMs: number;
}

export const counterKey = (sku: string, warehouse: string): string => `${warehouse}\u0000${sku}`;

export const appliedRefKey = (ref: string, sku: string, warehouse: string): string => `${ref}\u0000${warehouse}\u0000${sku}`;

export const compareCounterKeys = (a: CounterKey, b: CounterKey): number =>
	a.warehouse < b.warehouse ? -1 : a.warehouse > b.warehouse ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;

/** Distinct keys in lock order. */
export function sortedCounterKeys(keys: Iterable<CounterKey>): CounterKey[] {
	const seen = new Map<string, CounterKey>();
	for (const k of keys) seen.set(counterKey(k.sku, k.warehouse), { sku: k.sku, warehouse: k.warehouse });
	return [...seen.values()].sort(compareCounterKeys);
}

export const toLevel = (c: CounterRow): StockLevel => ({
	sku: c.sku,
	warehouse: c.warehouse,
	onHand: c.onHand,
	reserved: c.reserved,
	available: c.onHand - c.reserved,
	stocked: c.stocked,
});
