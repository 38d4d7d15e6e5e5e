import type { SimRequest, SimResponse } from './http-sim';
import { MercadoLivreSimulator, mlError } from './mercadolivre';
import { json } from './sim-paging';

/**
 * A multi-origin Mercado Livre seller, as "Stock multi origen" (developers.mercadolibre.com.ve/es_ar/stock-multi-origen,
 * 15/05/2026; pt-BR twin developers.mercadolivre.com.br/pt-br/estoque-multi-origem) documents it:
 * - GET /users/{id} carries `warehouse_management` (+ `multiwarehouse` when the seller may have several depots);
 * - GET /user-products/{id}/stock answers the locations and an `x-version` header (a long); a user product
 *   whose stock was never written answers "stock-locations not found" (FAQ, 05/05/2026);
 * - PUT /user-products/{id}/stock/type/seller_warehouse: 400 "Missing X-Version header", 409 "Version
 *   mismatch" when the version is not the current one, 400 for a store that is empty, unknown or not the
 *   seller's, and for a single-depot seller naming more than one network node.
 * - PUT /items/{id} with available_quantity "is ignored or returns an error" (FAQ): here it answers 200 and
 *   changes nothing, the silent case, unless `itemsQuantity` is 'refused'.
 * Depots the PUT leaves out keep their quantity here (the page does not say; the writer names them all).
 * Every accepted PUT and every sale moves the version on.
 */

export interface UpLocation {
	type: 'seller_warehouse' | 'meli_facility' | 'selling_address';
	store_id?: string;
	network_node_id?: string;
	quantity: number;
}

interface UpStock {
	locations: UpLocation[];
	version: number;
}

export class MercadoLivreMultiOriginSimulator extends MercadoLivreSimulator {
	/** The seller's depots ("Mis depósitos"): store id → network node id. */
	readonly stores = new Map<string, string>();
	readonly userProducts = new Map<string, UpStock>();
	itemsQuantity: 'ignored' | 'refused' = 'ignored';

	constructor(accessToken: string, sellerId?: number, multiwarehouse = true) {
		super(accessToken, sellerId);
		this.userTags = ['normal', 'user_product_seller', 'warehouse_management', ...(multiwarehouse ? ['multiwarehouse'] : [])];
		this.route('GET', '/user-products/:id/stock', (req, p) => this.guard(req) ?? this.readStock(p.id));
		this.route('PUT', '/user-products/:id/stock/type/seller_warehouse', (req, p) => this.guard(req) ?? this.writeStock(req, p.id));
	}

	putUserProduct(id: string, locations: UpLocation[], version = 1): this {
		this.userProducts.set(id, { locations: locations.map((l) => ({ ...l })), version });
		return this;
	}

	quantityAt(up: string, storeId: string): number | undefined {
		return this.userProducts.get(up)?.locations.find((l) => l.store_id === storeId)?.quantity;
	}

	/** A sale ML takes from one depot: the quantity drops and the version moves on. */
	sell(up: string, storeId: string, units: number): void {
		const stock = this.userProducts.get(up)!;
		const at = stock.locations.find((l) => l.store_id === storeId)!;
		at.quantity -= units;
		stock.version++;
	}

	private readStock(id: string): SimResponse {
		const stock = this.userProducts.get(id);
		if (!stock) return mlError(404, 'not_found', 'stock-locations not found');
		return { ...json(200, { locations: stock.locations, user_id: this.sellerId, id }), headers: { 'x-version': String(stock.version) } };
	}

	private writeStock(req: SimRequest, id: string): SimResponse {
		const header = req.headers['x-version'];
		if (header === undefined || header === '') return mlError(400, 'bad_request', 'Missing X-Version header');
		const stock = this.userProducts.get(id);
		if (!stock) return mlError(404, 'not_found', 'stock-locations not found');
		if (String(header) !== String(stock.version)) return mlError(409, 'conflict', 'Version mismatch');
		const locations = (req.body as { locations?: unknown } | undefined)?.locations;
		if (!Array.isArray(locations) || locations.length === 0) return mlError(400, 'bad_request', 'store cannot be null or empty');
		for (const l of locations as Array<Record<string, unknown>>) {
			const store = typeof l.store_id === 'string' ? l.store_id : '';
			if (store === '') return mlError(400, 'bad_request', 'store cannot be null or empty');
			if (!this.stores.has(store)) return mlError(400, 'bad_request', `store not found: ${store}`);
			if (!Number.isInteger(l.quantity) || (l.quantity as number) < 0) return mlError(400, 'bad_request', 'quantity must be a non-negative integer');
		}
		const named = locations as Array<{ store_id: string; quantity: number }>;
		if (!this.userTags.includes('multiwarehouse')) {
			const nodes = new Set([...named.map((l) => this.stores.get(l.store_id)), ...stock.locations.filter((l) => l.type === 'seller_warehouse').map((l) => l.network_node_id)]);
			if (nodes.size > 1) return mlError(400, 'bad_request', 'seller with a single warehouse cannot update stock across multiple network nodes');
		}
		for (const l of named) {
			const at = stock.locations.find((x) => x.type === 'seller_warehouse' && x.store_id === l.store_id);
			if (at) at.quantity = l.quantity;
			else stock.locations.push({ type: 'seller_warehouse', store_id: l.store_id, network_node_id: this.stores.get(l.store_id), quantity: l.quantity });
		}
		stock.version++;
		return json(200, { user_id: this.sellerId, product_release_date: null, id, locations: stock.locations });
	}

	protected override updateItem(req: SimRequest, id: string): SimResponse {
		const body = req.body as { available_quantity?: unknown } | undefined;
		if (body?.available_quantity === undefined) return super.updateItem(req, id);
		const item = this.items.get(id);
		if (!item) return mlError(404, 'not_found', `Item with id ${id} not found`);
		if (this.itemsQuantity === 'refused') return mlError(400, 'validation_error', 'the fields [available_quantity] are invalid for requested call');
		return json(200, item);
	}
}
