import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { DEFAULT_WAREHOUSE } from '../../model/order';
import { expectObject, joinUrl, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext, StockUpdate } from '../types';
import type { DepotMap } from './depots';

/**
 * Stock of multi-origin sellers (user tag `warehouse_management`; `multiwarehouse` when they have several
 * depots), for whom "updating available_quantity on /items is ignored or returns an error" (FAQ "Gestão de
 * estoque multiorigem / User Products", developers.mercadolivre.com.br/gestao-de-estoque-multiorigem-user-products,
 * 05/05/2026). What this follows ("Stock multi origen", developers.mercadolibre.com.ve/es_ar/stock-multi-origen,
 * 15/05/2026, read through a verbatim mirror; pt-BR twin developers.mercadolivre.com.br/pt-br/estoque-multi-origem):
 * - GET /user-products/{id}/stock → {locations:[{type, store_id, network_node_id, quantity}]} and an
 *   `x-version` header, "the current version of the stock";
 * - PUT /user-products/{id}/stock/type/seller_warehouse with that `x-version` and {locations:[{store_id,
 *   network_node_id, quantity}]} sets each named depot's quantity; 400 without the header, 409 "Version
 *   mismatch" when the stock changed since the GET: read again and retry.
 * Not confirmed by the pages: whether depots left out of the PUT keep their stock. The PUT therefore names
 * every seller_warehouse depot the GET returned, unchanged except the one written: with the version check
 * the outcome is the same either way. Nor what a first write to a user product whose stock was never
 * initialised takes (the GET answers "stock-locations not found" then): that SKU fails with that message.
 * `meli_facility` (Full) stock is never written: ML manages it.
 */

interface Location {
	type?: string;
	store_id?: string;
	network_node_id?: string;
	quantity?: number;
}

/** Conflicts (409) in a row before the SKU is failed; each try reads the stock again first. */
const MAX_VERSION_TRIES = 4;

export function createUserProductStock(ctx: AdapterContext, base: string, depots: DepotMap) {
	const enc = (id: string) => encodeURIComponent(id);

	/** The user product of the listing: the variation's when it has its own, else the item's. */
	async function userProductOf(update: StockUpdate): Promise<string> {
		if (update.listing.inventoryItemId) return update.listing.inventoryItemId;
		const req: HttpRequest = { method: 'GET', url: joinUrl(base, `/items/${enc(update.listing.listingId)}`) };
		const item = expectObject(await send(ctx, req), req);
		const variation = Array.isArray(item.variations) ? item.variations.find((v) => isJsonObject(v) && String(v.id) === update.listing.variantId) : undefined;
		const up = (isJsonObject(variation) ? variation.user_product_id : undefined) ?? item.user_product_id;
		if (typeof up !== 'string' || up === '') throw new Error(`Mercado Livre item ${update.listing.listingId} has no user_product_id: its stock cannot be written per depot`);
		return up;
	}

	async function read(up: string): Promise<{ version: string; depots: Location[] }> {
		const req: HttpRequest = { method: 'GET', url: joinUrl(base, `/user-products/${enc(up)}/stock`) };
		const res = await send(ctx, req).catch((error: unknown) => {
			throw withMlMessage(error, `the stock of user product ${up}`);
		});
		const body = expectObject(res, req);
		const version = res.headers['x-version'];
		if (!version) throw new ChannelHttpError(res.status, req, `Mercado Livre sent no x-version with the stock of user product ${up}`);
		const locations = (Array.isArray(body.locations) ? body.locations : []).filter(isJsonObject) as Location[];
		return { version, depots: locations.filter((l) => l.type === 'seller_warehouse') };
	}

	/** The ML store to write for the OMS warehouse being pushed. */
	function target(warehouse: string, current: Location[], up: string): string {
		const stores = depots.storesOf(warehouse);
		if (stores.length === 1) return stores[0];
		if (stores.length > 1) throw new Error(`OMS warehouse "${warehouse}" is mapped to several Mercado Livre depots (${stores.join(', ')}): map one depot per warehouse`);
		// A seller with one depot and no map: the default warehouse is that depot.
		if (depots.empty && warehouse === DEFAULT_WAREHOUSE && current.length === 1 && current[0].store_id) return String(current[0].store_id);
		throw new Error(
			`No Mercado Livre depot is mapped to OMS warehouse "${warehouse}" (user product ${up} has depots ${current.map((l) => l.store_id).join(', ') || 'none'}): add storeId=${warehouse} to the credential's Depots`,
		);
	}

	return async function pushUserProduct(update: StockUpdate): Promise<void> {
		const up = await userProductOf(update);
		const warehouse = update.warehouse || DEFAULT_WAREHOUSE;
		for (let attempt = 1; ; attempt++) {
			const { version, depots: current } = await read(up);
			const store = target(warehouse, current, up);
			const others = current.filter((l) => String(l.store_id) !== store).map((l) => location(String(l.store_id), l.network_node_id, Number(l.quantity ?? 0)));
			const mine = current.find((l) => String(l.store_id) === store);
			const body = { locations: [...others, location(store, mine?.network_node_id, update.quantity)] };
			const url = joinUrl(base, `/user-products/${enc(up)}/stock/type/seller_warehouse`);
			try {
				await send(ctx, { method: 'PUT', url, headers: { 'x-version': version, 'content-type': 'application/json' }, body });
				return;
			} catch (error) {
				// Someone (a sale, another push, the seller) changed the stock since the GET: read it again.
				if (error instanceof ChannelHttpError && error.httpCode === 409 && attempt < MAX_VERSION_TRIES) continue;
				throw withMlMessage(error, `the depot stock of user product ${up}`);
			}
		}
	};
}

/** network_node_id is "optional and not validated" per the page's example: sent when the GET gave it. */
function location(storeId: string, node: unknown, quantity: number): Location {
	return node === undefined || node === null || node === '' ? { store_id: storeId, quantity } : { store_id: storeId, network_node_id: String(node), quantity };
}

/** ML's own words ("store not found: 123", "Version mismatch") in the message, which the push records. */
function withMlMessage(error: unknown, what: string): unknown {
	if (!(error instanceof ChannelHttpError)) return error;
	const body = error.responseBody;
	const said = isJsonObject(body) && typeof body.message === 'string' ? body.message : undefined;
	if (!said) return error;
	return new ChannelHttpError(error.httpCode, error.request, `${error.message} (${what}): ${said}`, body, error.retryAfterMs);
}
