import { DEFAULT_WAREHOUSE } from '../../model/order';

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
	const raw = typeof text === 'string' ? text : '';
	for (const entry of raw.split(/[,;\n]/)) {
		if (entry.trim() === '') continue;
		const m = /^\s*([^=\s]+)\s*=\s*(\S(?:.*\S)?)\s*$/.exec(entry);
		if (!m) throw new Error(`Mercado Livre depots: "${entry.trim()}" is not storeId=warehouse (e.g. 54936888=sp)`);
		if (pairs.has(m[1]) && pairs.get(m[1]) !== m[2]) throw new Error(`Mercado Livre depots: store ${m[1]} is mapped twice`);
		pairs.set(m[1], m[2]);
	}
	return {
		empty: pairs.size === 0,
		warehouseOf: (storeId) => (storeId !== undefined && pairs.get(storeId)) || DEFAULT_WAREHOUSE,
		storesOf: (warehouse) => [...pairs].filter(([, w]) => w === warehouse).map(([s]) => s),
	};
}
