import { ChannelHttpError } from '../../http/retry';
import type { OrderLine } from '../../model/order';
import { isJsonObject, type JsonObject } from '../common/raw-reader';
import type { MlOrder, MlReturn } from './types';

/**
 * Mercado Livre returns after delivery go through claims, not the order or its shipment ("Gestionar
 * reclamos", "Devoluciones", developers.mercadolibre.com.ve/es_ar, 06/05/2026 and 22/12/2025):
 * GET /post-purchase/v1/claims/search?resource=order&resource_id={order} lists the order's claims; one with
 * "return" in related_entities (or of type "return") has its return at GET /post-purchase/v2/claims/{id}/returns.
 * The return's `status` "delivered" is "devolución en manos del vendedor"; its `orders[]` give, per order and
 * item/variation, `return_quantity` ("1.0", a decimal string) and `context_type` (total, partial, or
 * incomplete: units never received, which cannot come back). A return without `orders[]` falls back to its
 * claim: `quantity_type` total (every unit of the order) or partial with `claimed_quantity`.
 */
type Get = (path: string, query?: Record<string, string | number>) => Promise<Record<string, unknown>>;

/** A claim notification is queued as `claim:<id>` (webhook.ts); getOrder reads the claim for its order. */
const CLAIM_REF_PREFIX = 'claim:';
export const claimRef = (claimId: string): string => `${CLAIM_REF_PREFIX}${claimId}`;
/** The claim id of a `claim:<id>` reference; undefined for an order id. */
export const claimIdOf = (ref: string): string | undefined => (ref.startsWith(CLAIM_REF_PREFIX) ? ref.slice(CLAIM_REF_PREFIX.length) : undefined);

/**
 * The order a claim is about (GET /post-purchase/v1/claims/{id}: `resource` "order" and `resource_id`), or
 * undefined for a claim about a payment or a shipment (the orders_v2 feed and the poll cover those orders).
 */
export async function orderIdOfClaim(get: Get, claimId: string): Promise<string | undefined> {
	const claim = await get(`/post-purchase/v1/claims/${encodeURIComponent(claimId)}`);
	const id = claim.resource_id;
	const digits = typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : typeof id === 'string' && /^\d+$/.test(id.trim()) ? id.trim() : undefined;
	return claim.resource === 'order' ? digits : undefined;
}

/** Claims of delivered orders (or orders listing mediations) are read; other orders cannot have returns yet. */
export function mayHaveReturns(order: MlOrder): boolean {
	const mediations = Array.isArray(order.mediations) ? order.mediations : [];
	return order.shipment?.status === 'delivered' || mediations.length > 0 || (order.tags ?? []).includes('delivered');
}

export async function readOrderReturns(get: Get, orderId: string): Promise<MlReturn[]> {
	const found = await get('/post-purchase/v1/claims/search', { resource: 'order', resource_id: orderId });
	const claims = (Array.isArray(found.data) ? found.data : []).filter(isJsonObject).filter(hasReturn);
	const out: MlReturn[] = [];
	for (const claim of claims) {
		const id = String(claim.id);
		const ret = await get(`/post-purchase/v2/claims/${encodeURIComponent(id)}/returns`).catch((error: unknown) => {
			// A claim whose return was never opened answers 404: nothing came back.
			if (error instanceof ChannelHttpError && error.httpCode === 404) return undefined;
			throw error;
		});
		if (ret) out.push(readReturn(id, claim, ret, orderId));
	}
	return out;
}

const hasReturn = (claim: JsonObject): boolean =>
	claim.type === 'return' || (Array.isArray(claim.related_entities) && claim.related_entities.includes('return'));

/** A decimal count ("1.0", 2) as whole units; anything else is absent. */
function units(v: unknown): number | undefined {
	const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : typeof v === 'number' ? v : NaN;
	return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

function readReturn(claimId: string, claim: JsonObject, ret: JsonObject, orderId: string): MlReturn {
	const entries = (Array.isArray(ret.orders) ? ret.orders : []).filter(isJsonObject);
	const items = entries
		.filter((e) => String(e.order_id) === orderId && e.context_type !== 'incomplete')
		.map((e) => ({
			itemId: typeof e.item_id === 'string' ? e.item_id : undefined,
			variationId: e.variation_id === null || e.variation_id === undefined ? undefined : String(e.variation_id),
			quantity: units(e.return_quantity) ?? 0,
		}));
	const claimed = units(claim.claimed_quantity);
	return {
		claimId,
		delivered: ret.status === 'delivered',
		inMeliWarehouse: backInMeliWarehouse(ret),
		quantityType: claim.quantity_type === 'partial' ? 'partial' : 'total',
		...(claimed !== undefined ? { claimedQuantity: claimed } : {}),
		...(entries.length > 0 ? { items } : {}),
	};
}

/**
 * Full (fulfilment) returns go to Mercado Livre's warehouse, not the seller's ("Devoluciones", same page:
 * `shipments[].destination.name` `warehouse` = "depósito de Mercado Libre"; `type` `return_from_triage` = "envío
 * desde warehouse para una revisión intermedia"; Mercado Libre's help "How do returns with review by Mercado
 * Libre work": a unit in excellent condition is restocked, one not fit for sale is sent to the seller). The units
 * are back in Full stock once the return leg reached the warehouse and no triage shipment carries them on.
 */
function backInMeliWarehouse(ret: JsonObject): boolean {
	const legs = (Array.isArray(ret.shipments) ? ret.shipments : []).filter(isJsonObject);
	const toWarehouse = legs.some((l) => l.type === 'return' && isJsonObject(l.destination) && l.destination.name === 'warehouse' && l.status === 'delivered');
	return toWarehouse && !legs.some((l) => l.type === 'return_from_triage');
}

/**
 * Units back per line from the returns in the seller's hands (`full`: back in Mercado Livre's warehouse): by the return's item (and variation) counts,
 * else by its claim (total: every unit; partial: claimed_quantity filled into the lines in order). Never more
 * than a line holds; undefined when nothing came back.
 */
export function returnedPerLine(lines: Array<Pick<OrderLine, 'quantity' | 'channelListingId' | 'channelVariantId'>>, returns: MlReturn[], full = false): number[] | undefined {
	const back = returns.filter((r) => (full ? r.inMeliWarehouse : r.delivered));
	if (back.length === 0) return undefined;
	const out = lines.map(() => 0);
	const add = (i: number, n: number) => (out[i] = Math.min(lines[i].quantity, out[i] + n));
	for (const r of back) {
		if (r.items) {
			for (const item of r.items) {
				const i = lines.findIndex((l) => l.channelListingId === item.itemId && (item.variationId === undefined || l.channelVariantId === item.variationId));
				if (i >= 0) add(i, item.quantity);
			}
		} else if (r.quantityType === 'total') lines.forEach((l, i) => add(i, l.quantity));
		else {
			let left = r.claimedQuantity ?? 0;
			lines.forEach((l, i) => {
				const n = Math.min(l.quantity - out[i], left);
				add(i, n);
				left -= n;
			});
		}
	}
	return out;
}
