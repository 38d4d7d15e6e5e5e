import type { KitComponent } from '../catalog/kits';

/** A kit's stored definition: its direct components and the change number of its last definition change. */
export interface StoredKit {
	components: KitComponent[];
	changeSeq: number;
	updatedAt: string;
}

/** Kit look-ups a driver answers, inside a transaction (StoreTx) and outside (StoreBackend.kitReads). */
export interface KitQueries {
	/** The definitions of those of `skus` that are kits. */
	kitDefinitions(skus: string[]): Promise<Map<string, StoredKit>>;
	/** Kits naming any of `skus` as a direct component. */
	kitsUsing(skus: string[]): Promise<string[]>;
	/** Kits whose definition changed with a change number in (after, upTo]. */
	kitsChangedBetween(after: number, upTo: number): Promise<Array<{ sku: string; changeSeq: number }>>;
	/** Every kit, in SKU order, after `afterSku`, at most `limit`. */
	listKits(afterSku: string, limit: number): Promise<Array<StoredKit & { sku: string }>>;
}

/** How many orders hold a SKU as a kit (under a stored definition) and as a plain SKU. */
export interface KitHolders {
	asKit: number;
	asPlainSku: number;
}

/** Kit writes, inside one driver transaction. */
export interface KitWrites {
	/** Serialises kit definition changes (a cycle check must see every other definition). */
	lockKits(): Promise<void>;
	/** Replaces a kit's components (none: the SKU is no longer a kit) under a new change number. */
	saveKit(kit: string, components: KitComponent[], at: string): Promise<number>;
	/**
	 * A kit no longer: its own counter in every warehouse where one of `formerComponents` has one, at change
	 * number `seq` and counted (on hand kept, 0 where it had none), so the changed feed re-publishes it.
	 */
	republishAsPlain(sku: string, formerComponents: string[], seq: number, at: string): Promise<void>;
	/** Open orders (reserved or committed stage) holding `sku`. */
	kitHolders(sku: string): Promise<KitHolders>;
	/** On hand of `sku`'s own counters, per warehouse, where not zero. */
	ownOnHand(sku: string): Promise<Array<{ warehouse: string; onHand: number }>>;
	/** Orders holding a reservation that follows a stored kit definition: their footprints and snapshots. */
	openKitReservations(): Promise<Array<{ warehouse: string; reserved: Record<string, number>; kits: Record<string, Record<string, number>> }>>;
}

export interface KitTx extends KitQueries, KitWrites {}
