import { DEFAULT_WAREHOUSE, type CanonicalOrder } from '../model/order';
import type { StoreBackend } from './backend';
import { applyOrdersInTx, changeStockInTx, expireInTx, reconcileInTx } from './engine';
import type {
	AdjustInput,
	ApplyOptions,
	ApplyOrderResult,
	ChangedPage,
	ExpireResult,
	LedgerEntry,
	LedgerQuery,
	ListingMapping,
	OmsStore,
	PushedValue,
	ReconcileReport,
	ReservationEntry,
	ReservationQuery,
	SetOnHandInput,
	StockChangeResult,
	StockLevel,
} from './types';

export type Clock = () => Date;

function assertQuantity(value: number, field: string, sku: string): void {
	if (!Number.isInteger(value)) throw new Error(`SKU ${sku}: ${field} must be an integer, got ${value}`);
}

/** OmsStore over any driver: mutations go through the engine inside a driver transaction. */
export class LedgerStore implements OmsStore {
	constructor(
		private readonly backend: StoreBackend,
		private readonly clock: Clock = () => new Date(),
	) {}

	get driver(): 'sqlite' | 'postgres' {
		return this.backend.driver;
	}

	private now(): string {
		return this.clock().toISOString();
	}

	async applyOrders(orders: CanonicalOrder[], options?: ApplyOptions): Promise<ApplyOrderResult[]> {
		if (orders.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => applyOrdersInTx(tx, orders, options?.lifecycle, now));
	}

	async setOnHand(entries: SetOnHandInput[]): Promise<StockChangeResult[]> {
		for (const e of entries) {
			assertQuantity(e.onHand, 'onHand', e.sku);
			if (e.onHand < 0) throw new Error(`SKU ${e.sku}: onHand must be >= 0, got ${e.onHand}`);
		}
		if (entries.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => changeStockInTx(tx, 'set_on_hand', entries, now));
	}

	async adjustStock(entries: AdjustInput[]): Promise<StockChangeResult[]> {
		for (const e of entries) assertQuantity(e.delta, 'delta', e.sku);
		if (entries.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => changeStockInTx(tx, 'adjust', entries, now));
	}

	getAvailability(skus?: string[], warehouse?: string): Promise<StockLevel[]> {
		return this.backend.getAvailability(skus, warehouse);
	}

	async listChanged(cursor?: string, limit = 1000): Promise<ChangedPage> {
		if (cursor !== undefined && cursor !== '' && !/^\d+$/.test(cursor)) throw new Error(`Invalid change cursor "${cursor}"`);
		return this.backend.listChanged(cursor || undefined, limit);
	}

	/** Expires in bounded rounds so one call never holds the write lock for long. */
	async expireReservations(olderThan: Date): Promise<ExpireResult[]> {
		const cutoff = olderThan.toISOString();
		const all: ExpireResult[] = [];
		for (;;) {
			const now = this.now();
			const round = await this.backend.transaction((tx) => expireInTx(tx, cutoff, now, 500));
			all.push(...round);
			if (round.length < 500) return all;
		}
	}

	listReservations(query: ReservationQuery = {}): Promise<ReservationEntry[]> {
		return this.backend.listReservations(query);
	}

	listLedger(query: LedgerQuery = {}): Promise<LedgerEntry[]> {
		return this.backend.listLedger(query);
	}

	reconcile(repair: boolean): Promise<ReconcileReport> {
		return this.backend.transaction((tx) => reconcileInTx(tx, repair));
	}

	recordPushed(channel: string, values: PushedValue[]): Promise<void> {
		return this.backend.recordPushed(channel, values, this.now());
	}

	getPushed(channel: string, skus: string[], warehouse = DEFAULT_WAREHOUSE): Promise<Map<string, number>> {
		return this.backend.getPushed(channel, skus, warehouse);
	}

	setListings(channel: string, mappings: ListingMapping[]): Promise<void> {
		return this.backend.setListings(channel, mappings, this.now());
	}

	getListings(channel: string, skus: string[]): Promise<Map<string, ListingMapping>> {
		return this.backend.getListings(channel, skus);
	}

	schemaVersion(): Promise<number> {
		return this.backend.schemaVersion();
	}

	close(): Promise<void> {
		return this.backend.close();
	}
}
