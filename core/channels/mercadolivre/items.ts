import type { ListingRef } from '../types';

/** An item or variation attribute, as GET /items/{id} shows it. */
export interface MlAttribute {
	id?: string;
	value_name?: string | null;
}

export interface MlVariation {
	id: number | string;
	user_product_id?: string | null;
	seller_custom_field?: string | null;
	attributes?: MlAttribute[];
}

/** The fields of an item the write-back reads. */
export interface MlItemBody extends Omit<MlVariation, 'id'> {
	id: string | number;
	status?: string;
	variations?: MlVariation[];
}

export const attributeOf = (x: { attributes?: MlAttribute[] }, id: string): string | undefined =>
	(Array.isArray(x.attributes) ? x.attributes : []).find((a) => a?.id === id)?.value_name ?? undefined;

/** The SELLER_SKU attribute, else the older seller_custom_field: where ML keeps the seller's SKU. */
export const sellerSku = (v: MlVariation): string | undefined => attributeOf(v, 'SELLER_SKU') ?? v.seller_custom_field ?? undefined;

export const variationsOf = (item: MlItemBody): MlVariation[] => (Array.isArray(item.variations) ? item.variations : []);

/**
 * The listing the stock endpoints take: the item, or one of its variations. The user product (multi-origin
 * stock, stock.ts) is kept with it — the variation's when it has its own, else the item's — so pushes need
 * not read the item again.
 */
export function listingRef(item: MlItemBody, variation?: MlVariation): ListingRef {
	const up = (x: MlVariation | MlItemBody) => (typeof x.user_product_id === 'string' && x.user_product_id ? x.user_product_id : undefined);
	const inventoryItemId = (variation && up(variation)) ?? up(item);
	return {
		listingId: String(item.id),
		...(variation ? { variantId: String(variation.id) } : {}),
		...(inventoryItemId ? { inventoryItemId } : {}),
	};
}
