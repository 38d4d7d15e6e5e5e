import { LinkOperations } from '../catalog/link-store';
import type { LinkInput, LinkQuery, LinkResult, ListingKey, ListingLink, UnlinkedListing, UnlinkedQuery, UnlinkResult } from '../catalog/types';
import { resolveLifecycle, type LifecycleConfig } from '../lifecycle/config';
import type { OrderSource } from '../lifecycle/plan';
import { DEFAULT_WAREHOUSE, orderKeyOf, type CanonicalOrder } from '../model/order';
import { describeOrderRef, validateCanonicalOrder } from '../model/validate';
import type { RetryBackoff, StoreBackend } from './backend';
import { applyOrdersInTx, changeStockInTx, expireInTx, reconcileInTx } from './engine';
import { expiryCutoffs, expiryRules, sameCutoffForAll, type ExpiryRulesInput } from './expiry';
import { byIdentity, checkAdjust, checkDelivery, checkLease, checkListings, checkPushed, checkRetries, checkSetOnHand, checkTarget, checkUnits, storeSku } from './inputs';
import { CatalogStore } from './catalog-store';
import { kitLevels, kitVersionedLevels, withChangedKits } from './kit-ops';
import { activityLimit, type ActivityQuery, type OrderActivity } from './activity';
import { orderFilter } from './order-view';
import { pushStatusFilter, withJointLevels } from './push-status';
import { checkReturn, registerReturnInTx, type RegisterReturnInput, type RegisterReturnResult } from './returns';
import { checkClaim, checkFail, checkQueued, checkSeqs, checkTtl } from './queue';
import { QUEUE_RETRY_BACKOFF, type ClaimedDelivery, type ClaimOptions, type FailOptions, type QueuedDeliveryInput, type QueueStatus } from './queue-types';
import type {
	AdjustInput,
	ApplyOptions,
	ApplyOrderResult,
	ChangedPage,
	DeliveryOutcome,
	DeliveryRecord,
	ExpireResult,
	LedgerEntry,
	LedgerQuery,
	ListingMapping,
	OmsStore,
	OrderPage,
	OrderQuery,
	StoredOrder,
	PushedValue,
	PushRetryEntry,
	PushRetryInput,
	PushRetryQuery,
	PushStatusEntry,
	PushStatusQuery,
	PushState,
	ListingPushState,
	ReconcileReport,
	ReservationEntry,
	ReservationQuery,
	SeenRetry,
	SetOnHandInput,
	SettledApply,
	StockChangeResult,
	StockLevel,
	VersionedLevel,
} from './types';

export type Clock = () => Date;

const SOURCES: ReadonlyArray<OrderSource> = ['channel', 'erp'];
function checkSource(source: OrderSource | undefined): OrderSource | undefined {
	if (source !== undefined && !SOURCES.includes(source)) throw new Error(`Apply orders: source must be "channel" or "erp", got ${JSON.stringify(source)}`);
	return source;
}

/** A failed push is due again 1 minute later, then 2, 4, … up to 1 hour between attempts. */
export const PUSH_RETRY_BACKOFF: RetryBackoff = { baseMs: 60_000, maxMs: 3_600_000 };

const checkDate = (d: unknown, what: string): Date => {
	if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new Error(`${what} needs a valid date`);
	return d;
};

/** Keeps the driver's error (its code, its message); an error from another realm is not `instanceof Error`. */
const asError = (error: unknown): Error =>
	error instanceof Error || typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as Error) : new Error(String(error));

interface Pending {
	index: number;
	order: CanonicalOrder;
}

/** OmsStore over any driver: mutations go through the engine inside a driver transaction. */
export class LedgerStore extends CatalogStore implements OmsStore {
	private readonly links: LinkOperations;

	constructor(backend: StoreBackend, clock: Clock = () => new Date()) {
		super(backend, clock);
		this.links = new LinkOperations(backend, () => this.now());
	}

	get driver(): 'sqlite' | 'postgres' {
		return this.backend.driver;
	}

	/** Validation (bounds, SKU identity) happens before the transaction, so a bad order never reaches the database. */
	async applyOrders(orders: CanonicalOrder[], options?: ApplyOptions): Promise<ApplyOrderResult[]> {
		const config = resolveLifecycle(options?.lifecycle);
		checkSource(options?.source);
		const valid = orders.map((o) => validateCanonicalOrder(o));
		if (valid.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => applyOrdersInTx(tx, valid, config, now, options?.source));
	}

	async registerReturn(input: RegisterReturnInput): Promise<RegisterReturnResult> {
		const checked = checkReturn(input);
		const now = this.now();
		return this.backend.transaction((tx) => registerReturnInTx(tx, checked, now));
	}

	async applyOrdersSettled(orders: CanonicalOrder[], options?: ApplyOptions): Promise<SettledApply[]> {
		const config = resolveLifecycle(options?.lifecycle); // a bad rule set is the caller's error, not an order's
		checkSource(options?.source);
		const out: SettledApply[] = new Array(orders.length);
		const pending: Pending[] = [];
		orders.forEach((order, index) => {
			try {
				pending.push({ index, order: validateCanonicalOrder(order) });
			} catch (error) {
				out[index] = { ok: false, orderRef: describeOrderRef(order), error: asError(error) };
			}
		});
		await this.applyIsolating(pending, config, out, options?.source);
		return out;
	}

	/**
	 * The whole batch in one transaction (the fast path). When the database refuses it, the halves are retried
	 * in input order, down to single orders: k refused orders among n cost about 2·k·log2(n) extra
	 * transactions, and every other order commits. A refusal that no smaller batch can avoid (busy, offline)
	 * fails the batch at once instead of retrying it order by order.
	 */
	private async applyIsolating(batch: Pending[], config: LifecycleConfig, out: SettledApply[], source?: OrderSource): Promise<void> {
		if (batch.length === 0) return;
		try {
			const now = this.now();
			const results = await this.backend.transaction((tx) => applyOrdersInTx(tx, batch.map((p) => p.order), config, now, source));
			results.forEach((result, k) => (out[batch[k].index] = { ok: true, result }));
		} catch (error) {
			if (batch.length === 1 || this.backend.failsEveryOrder(error)) {
				for (const p of batch) out[p.index] = { ok: false, orderRef: describeOrderRef(p.order), error: asError(error) };
				return;
			}
			const half = Math.ceil(batch.length / 2);
			await this.applyIsolating(batch.slice(0, half), config, out, source);
			await this.applyIsolating(batch.slice(half), config, out, source);
		}
	}

	async setOnHand(entries: SetOnHandInput[]): Promise<StockChangeResult[]> {
		const checked = checkSetOnHand(entries);
		if (checked.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => changeStockInTx(tx, 'set_on_hand', checked, now));
	}

	async adjustStock(entries: AdjustInput[]): Promise<StockChangeResult[]> {
		const checked = checkAdjust(entries);
		if (checked.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => changeStockInTx(tx, 'adjust', checked, now));
	}

	/** Counters, and the computed levels of the kits asked for (every kit when no SKU is named). */
	async getAvailability(skus?: string[], warehouse?: string): Promise<StockLevel[]> {
		const ids = skus?.map((s) => storeSku(s));
		const kits = ids ?? (await this.listKits({ limit: 100_000 })).map((k) => k.sku);
		const [levels, kitLevelsFound] = await Promise.all([this.backend.getAvailability(ids, warehouse), kitLevels(this.backend, kits, warehouse)]);
		return [...levels, ...kitLevelsFound];
	}

	async listChanged(cursor?: string, limit = 1000): Promise<ChangedPage> {
		if (cursor !== undefined && cursor !== '' && !/^\d+$/.test(cursor)) throw new Error(`Invalid change cursor "${cursor}"`);
		return withChangedKits(this.backend, Number(cursor || 0), await this.backend.listChanged(cursor || undefined, limit));
	}

	/** Expires in bounded rounds so one call never holds the write lock for long. */
	async expireReservations(rule: Date | ExpiryRulesInput): Promise<ExpireResult[]> {
		if (rule instanceof Date && Number.isNaN(rule.getTime())) throw new Error('Expire reservations: olderThan is not a valid date');
		const rules = rule instanceof Date ? undefined : expiryRules(rule); // fills the defaults, refuses bad values
		const all: ExpireResult[] = [];
		for (;;) {
			const now = this.now();
			// A Date is the single cutoff of old; rules give each payment method its own, measured from the store's clock.
			const cutoffs = rules ? expiryCutoffs(rules, Date.parse(now)) : sameCutoffForAll(rule as Date);
			const round = await this.backend.transaction((tx) => expireInTx(tx, cutoffs, now, 500));
			all.push(...round);
			if (round.length < 500) return all;
		}
	}

	async listReservations(query: ReservationQuery = {}): Promise<ReservationEntry[]> {
		return this.backend.listReservations(query.sku === undefined ? query : { ...query, sku: storeSku(query.sku) });
	}

	async listLedger(query: LedgerQuery = {}): Promise<LedgerEntry[]> {
		return this.backend.listLedger(query.sku === undefined ? query : { ...query, sku: storeSku(query.sku) });
	}

	async getOrder(ref: string | { channel: string; account: string; channelOrderId: string }): Promise<StoredOrder | null> {
		const key = typeof ref === 'string' ? ref : orderKeyOf(ref);
		if (typeof key !== 'string' || key === '') throw new Error('Get order: an order key or channel, account and channel order id are needed');
		return this.backend.getOrder(key);
	}

	async listOrders(query: OrderQuery = {}): Promise<OrderPage> {
		const filter = orderFilter(query, this.clock().getTime());
		const rows = await this.backend.listOrders(filter);
		const more = rows.length > filter.limit;
		const orders = more ? rows.slice(0, filter.limit) : rows;
		return { orders, nextAfterKey: more ? orders[orders.length - 1].orderKey : null };
	}

	async orderActivity(query: ActivityQuery): Promise<OrderActivity[]> {
		return this.backend.orderActivity(activityLimit(query));
	}

	reconcile(repair: boolean): Promise<ReconcileReport> {
		return this.backend.transaction((tx) => reconcileInTx(tx, repair));
	}

	/** A kit's level is computed from its components (its own counter, if an old order left one, is not shown). */
	async getVersionedLevels(skus: string[], warehouse = DEFAULT_WAREHOUSE): Promise<VersionedLevel[]> {
		const ids = [...new Set(skus.map((s) => storeSku(s)))];
		if (ids.length === 0) return [];
		const kits = await kitVersionedLevels(this.backend, ids, warehouse);
		const kitSkus = new Set(kits.map((k) => k.sku));
		const plain = ids.filter((s) => !kitSkus.has(s));
		return [...(plain.length ? await this.backend.getVersionedLevels(plain, warehouse) : []), ...kits];
	}

	async recordPushed(channel: string, values: PushedValue[]): Promise<PushedValue[]> {
		const checked = checkPushed(values);
		// The answer names a listing target only when there is one (the SKU's own value is listing '').
		const superseded = checked.length ? await this.backend.recordPushed(channel, checked, this.now()) : [];
		return superseded.map(({ listing, ...v }) => (listing ? { ...v, listing } : v));
	}

	async getPushed(channel: string, skus: string[], warehouse = DEFAULT_WAREHOUSE): Promise<Map<string, number>> {
		const state = await this.getPushState(channel, skus, warehouse);
		return new Map([...state].map(([sku, s]) => [sku, s.value]));
	}

	/** The SKU's own target (listing ''), read as getTargetPushStates reads every target. */
	getPushState(channel: string, skus: string[], warehouse = DEFAULT_WAREHOUSE): Promise<Map<string, PushState>> {
		return byIdentity(skus, async (ids) => {
			const own = (await this.backend.getTargetPushStates(channel, ids, warehouse)).filter((s) => s.listing === '');
			return new Map(own.map((s) => [s.sku, { value: s.value, changeSeq: s.changeSeq }]));
		});
	}

	/** The values recorded per listing target (listings pushed under their own rule) of these SKUs, store identities. */
	async getListingPushStates(channel: string, skus: string[], warehouse = DEFAULT_WAREHOUSE): Promise<ListingPushState[]> {
		const own = (await this.getTargetPushStates(channel, skus, warehouse)).filter((s) => s.listing !== '');
		return own.sort((a, b) => (a.sku === b.sku ? (a.listing < b.listing ? -1 : 1) : a.sku < b.sku ? -1 : 1));
	}

	/** Every target's recorded value of these SKUs (store identities): the SKU's (listing '') and its listings'. */
	getTargetPushStates(channel: string, skus: string[], warehouse = DEFAULT_WAREHOUSE): Promise<ListingPushState[]> {
		const ids = [...new Set(skus.map((s) => storeSku(s)))];
		return ids.length ? this.backend.getTargetPushStates(channel, ids, warehouse) : Promise.resolve([]);
	}

	async acquirePushLeases(channel: string, warehouse: string, skus: string[], holder: string, ttlMs: number): Promise<string[]> {
		checkLease(holder, ttlMs);
		const ids = [...new Set(skus.map((s) => storeSku(s)))].sort();
		if (ids.length === 0) return [];
		const now = this.clock().getTime();
		return this.backend.acquirePushLeases(channel, warehouse || DEFAULT_WAREHOUSE, ids, holder, now, now + ttlMs);
	}

	async releasePushLeases(channel: string, warehouse: string, skus: string[], holder: string): Promise<void> {
		const ids = [...new Set(skus.map((s) => storeSku(s)))];
		if (ids.length) await this.backend.releasePushLeases(channel, warehouse || DEFAULT_WAREHOUSE, ids, holder);
	}

	async recordPushRetries(channel: string, entries: PushRetryInput[]): Promise<void> {
		const checked = checkRetries(entries);
		if (checked.length) await this.backend.recordPushRetries(channel, checked, this.clock().getTime(), PUSH_RETRY_BACKOFF);
	}

	async listPushRetries(channel: string, query: PushRetryQuery = {}): Promise<PushRetryEntry[]> {
		const skus = query.skus && [...new Set(query.skus.map((s) => storeSku(s)))];
		if (skus && skus.length === 0) return [];
		return this.backend.listPushRetries(channel, {
			warehouse: query.warehouse,
			skus,
			dueBeforeMs: query.dueOnly ? this.clock().getTime() : undefined,
			limit: query.limit ?? 1000,
		});
	}

	async pushStatus(query: PushStatusQuery = {}): Promise<PushStatusEntry[]> {
		const rows = await this.backend.pushStatus(pushStatusFilter(query));
		return withJointLevels(rows, (skus, warehouse) => this.getVersionedLevels(skus, warehouse));
	}

	async clearPushRetries(channel: string, warehouse: string, seen: SeenRetry[], pushStartedAt?: Date): Promise<void> {
		const started = pushStartedAt === undefined ? null : checkDate(pushStartedAt, 'clearPushRetries').getTime();
		const checked = seen.map((e) => ({ sku: storeSku(e.sku), listing: checkTarget(e.listing, String(e.sku)), revision: checkUnits(e.revision, 'revision', String(e.sku), 1, Number.MAX_SAFE_INTEGER) }));
		if (checked.length) await this.backend.clearPushRetries(channel, warehouse || DEFAULT_WAREHOUSE, checked, started);
	}

	async setListings(channel: string, mappings: ListingMapping[]): Promise<void> {
		return this.backend.setListings(channel, checkListings(mappings), this.now());
	}

	getListings(channel: string, skus: string[]): Promise<Map<string, ListingMapping>> {
		return byIdentity(skus, (ids) => this.backend.getListings(channel, ids));
	}

	linkListings(links: LinkInput[]): Promise<LinkResult[]> {
		return this.links.linkListings(links);
	}

	unlinkListings(keys: Array<Omit<ListingKey, 'variantId'> & { variantId?: string }>): Promise<UnlinkResult[]> {
		return this.links.unlinkListings(keys);
	}

	listLinks(query?: LinkQuery): Promise<ListingLink[]> {
		return this.links.listLinks(query);
	}

	listUnlinked(query?: UnlinkedQuery): Promise<UnlinkedListing[]> {
		return this.links.listUnlinked(query);
	}

	linksOfSkus(channel: string, account: string, skus: string[]): Promise<Map<string, ListingLink[]>> {
		return this.links.linksOfSkus(channel, account, skus);
	}

	setBarcodes(entries: Array<{ sku: string; gtin: string }>): Promise<Array<{ sku: string; gtin: string }>> {
		return this.links.setBarcodes(entries);
	}

	barcodesOf(skus: string[]): Promise<Map<string, string[]>> {
		return this.links.barcodesOf(skus);
	}

	async recordDelivery(entry: DeliveryRecord): Promise<DeliveryOutcome> {
		const { channel, account, eventId, receivedAt } = checkDelivery(entry);
		const at = (receivedAt ?? this.clock()).toISOString();
		return (await this.backend.recordDelivery(channel, account, eventId, at)) ? 'new' : 'duplicate';
	}

	async pruneDeliveries(olderThan: Date): Promise<number> {
		return this.backend.pruneDeliveries(checkDate(olderThan, 'pruneDeliveries').toISOString());
	}

	async acceptDelivery(entry: QueuedDeliveryInput): Promise<DeliveryOutcome> {
		return (await this.backend.acceptDelivery(checkQueued(entry, this.clock()))) ? 'new' : 'duplicate';
	}

	async claimDeliveries(queue: string, holder: string, o: ClaimOptions): Promise<ClaimedDelivery[]> {
		checkClaim(queue, holder, o);
		const now = this.clock().getTime();
		return this.backend.claimDeliveries(queue, holder, now, now + o.ttlMs, o.limit, o.retried === true);
	}

	async renewDeliveries(queue: string, holder: string, seqs: number[], ttlMs: number): Promise<void> {
		checkTtl(ttlMs);
		const ids = checkSeqs(seqs);
		if (ids.length) await this.backend.renewDeliveries(queue, holder, ids, this.clock().getTime() + ttlMs);
	}

	async completeDeliveries(queue: string, holder: string, seqs: number[]): Promise<number> {
		const ids = checkSeqs(seqs);
		return ids.length ? this.backend.completeDeliveries(queue, holder, ids) : 0;
	}

	async failDeliveries(queue: string, holder: string, seqs: number[], o: FailOptions): Promise<void> {
		checkFail(o);
		const ids = checkSeqs(seqs);
		const error = String(o.error ?? '').slice(0, 2000);
		if (ids.length) await this.backend.failDeliveries(queue, holder, ids, { error, maxAttempts: o.maxAttempts, nowMs: this.clock().getTime(), backoff: QUEUE_RETRY_BACKOFF });
	}

	queueStatus(queue: string): Promise<QueueStatus> {
		return this.backend.queueStatus(queue, this.clock().getTime());
	}

	schemaVersion(): Promise<number> {
		return this.backend.schemaVersion();
	}

	close(): Promise<void> {
		return this.backend.close();
	}
}
