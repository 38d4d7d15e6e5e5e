import { DEFAULT_WAREHOUSE } from '../../model/order';
import { optionPairs } from '../common/option-pairs';

/**
 * Mercado Livre depots (stores, "Mis depósitos") ↔ OMS warehouses, for multi-origin sellers: orders name the
 * store their stock came from (`order_items[].stock[].store_id`) and stock is written per store. The map is
 * the `depots` adapter option, "storeId=warehouse" pairs separated by commas, semicolons or new lines
 * (e.g. "54936888=sp, 54936889=rj"), set once on the credential so the triggers and Push Stock agree.
 * A store the map does not name is the OMS default warehouse.
 */
export interface DepotMap {
	/** The OMS warehouse of an ML store id. */
	warehouseOf(storeId: string | undefined): string;
	/** The ML store ids mapped to an OMS warehouse (several means the mapping cannot say which to write). */
	storesOf(warehouse: string): string[];
	/** True when the seller mapped no store at all. */
	readonly empty: boolean;
}

export function parseDepotMap(text: unknown): DepotMap {
	const pairs = new Map<string, string>();
	for (const [store, warehouse] of optionPairs(typeof text === 'string' ? text : '', 'Mercado Livre depots', 'storeId=warehouse (e.g. 54936888=sp)')) {
		if (pairs.has(store) && pairs.get(store) !== warehouse) throw new Error(`Mercado Livre depots: store ${store} is mapped twice`);
		pairs.set(store, warehouse);
	}
	return {
		empty: pairs.size === 0,
		warehouseOf: (storeId) => (storeId !== undefined && pairs.get(storeId)) || DEFAULT_WAREHOUSE,
		storesOf: (warehouse) => [...pairs].filter(([, w]) => w === warehouse).map(([s]) => s),
	};
}
