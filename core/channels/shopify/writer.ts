import { randomUUID } from 'node:crypto';
import { joinUrl } from '../common/http';
import { answerOf, chunk, pushBatches, reasonFrom, rejected } from '../common/writer';
import type { AdapterContext, ChannelLocation, ChannelWriter, ListingRef, StockUpdate, WriteFailure } from '../types';
import { SHOPIFY_DEFAULT_API_VERSION } from './graphql';
import {
	cancelMutation, FULFILL, FULFILLMENT_ORDERS, LOCATIONS, PRIMARY_LOCATION, SET_METAFIELDS, VARIANTS_BY_SKU,
	quantityIndex, setStockMutation, shopifyWrite, throwOnUserErrors, userFailure, type UserError,
} from './writer-graphql';

/** inventorySetQuantities takes up to 250 quantities. */
const MAX_QUANTITIES = 250;
/** SKUs per productVariants search: keeps the query string short and one page enough. */
const SKUS_PER_SEARCH = 50;
const CANCEL_REASONS = ['CUSTOMER', 'DECLINED', 'FRAUD', 'INVENTORY', 'OTHER', 'STAFF'] as const;
const OPEN_FULFILLMENT = new Set(['OPEN', 'IN_PROGRESS']);

const orderGid = (id: string) => (id.startsWith('gid://') ? id : `gid://shopify/Order/${id}`);

/**
 * Shopify write-back over Admin GraphQL: stock via inventorySetQuantities at one location
 * (options.locationId, else the shop's first location), shipments via fulfillmentCreate on the order's
 * open fulfillment orders, cancellation via orderCancel, and the NF-e as order metafields
 * (namespace "nfe": key, number, series, url) since Shopify has no invoice object.
 */
export function createShopifyWriter(ctx: AdapterContext): ChannelWriter {
	const version = String(ctx.options?.apiVersion || SHOPIFY_DEFAULT_API_VERSION);
	const endpoint = joinUrl(ctx.baseUrl || `https://${ctx.account}`, `/admin/api/${version}/graphql.json`);
	const read = <T>(query: string, variables: Record<string, unknown> = {}) => shopifyWrite<T>(ctx, endpoint, query, variables, true);
	const mutate = <T>(query: string, variables: Record<string, unknown>, idempotent = false) => shopifyWrite<T>(ctx, endpoint, query, variables, idempotent);
	const compareFrom2026_04 = version >= '2026-04';

	let location: Promise<string> | undefined;
	/** Looked up once per writer; a failed look-up is forgotten so the next push asks again. */
	function locationId(): Promise<string> {
		if (ctx.options?.locationId) return Promise.resolve(String(ctx.options.locationId));
		location ??= read<{ locations: { nodes: Array<{ id: string }> } }>(PRIMARY_LOCATION).then((d) => {
			const id = d.locations.nodes[0]?.id;
			if (!id) throw new Error('The Shopify shop has no location to hold stock');
			return id;
		});
		return location.catch((error) => {
			location = undefined;
			throw error;
		});
	}

	/** One mutation; per-quantity userErrors by index, an unindexed one fails the whole call. */
	async function setOnce(batch: StockUpdate[], loc: string): Promise<{ byIndex: Map<number, WriteFailure>; whole?: WriteFailure }> {
		const quantities = batch.map((u) => ({
			inventoryItemId: u.listing.inventoryItemId,
			locationId: loc,
			quantity: u.quantity,
			...(compareFrom2026_04 ? { changeFromQuantity: null } : {}),
		}));
		const input = { name: 'available', reason: 'correction', quantities, ...(compareFrom2026_04 ? {} : { ignoreCompareQuantity: true }) };
		// One key per distinct request; sendWithRetry resends the same body, so retries reuse it.
		const data = await mutate<{ inventorySetQuantities: { userErrors: UserError[] } }>(setStockMutation(version), { input, key: randomUUID() }, true);
		const byIndex = new Map<number, WriteFailure>();
		for (const e of data.inventorySetQuantities.userErrors ?? []) {
			const i = quantityIndex(e);
			if (i === undefined || i >= batch.length) return { byIndex, whole: userFailure(e) };
			byIndex.set(i, userFailure(e));
		}
		return { byIndex };
	}

	/**
	 * The mutation is all-or-nothing: one refused quantity keeps the others from being set. The refused
	 * ones are marked and the rest sent again, so one bad SKU does not hold the batch back.
	 */
	async function setBatch(batch: StockUpdate[]): Promise<Map<number, WriteFailure>> {
		const loc = await locationId();
		const failures = new Map<number, WriteFailure>();
		let pending = batch.map((u, i) => ({ u, i })).filter(({ u, i }) => {
			if (!u.listing.inventoryItemId) failures.set(i, { message: `No Shopify inventory item id for ${u.sku}` });
			return !!u.listing.inventoryItemId;
		});
		while (pending.length > 0) {
			const { byIndex, whole } = await setOnce(pending.map((p) => p.u), loc);
			if (whole) pending.forEach((p) => failures.set(p.i, whole));
			if (whole || byIndex.size === 0) break;
			byIndex.forEach((f, k) => failures.set(pending[k].i, f));
			pending = pending.filter((_p, k) => !byIndex.has(k));
		}
		return failures;
	}

	/**
	 * Variants whose `field` (sku or barcode) is one of `values`, exactly: the search matches tokens, not whole
	 * values. One SKU may name several variants — Shopify's admin does not refuse a repeated SKU; only its
	 * Fulfillment Network asks for unique ones (help.shopify.com, "Adding SKUs", SFN) [?] —: all are kept.
	 */
	async function variantsBy(field: 'sku' | 'barcode', values: string[]): Promise<Map<string, ListingRef[]>> {
		const found = new Map<string, ListingRef[]>();
		for (const group of chunk([...new Set(values)], SKUS_PER_SEARCH)) {
			const query = group.map((s) => `${field}:${JSON.stringify(s)}`).join(' OR ');
			type Variant = { id: string; sku: string | null; barcode?: string | null; product: { id: string }; inventoryItem: { id: string } };
			const data = await read<{ productVariants: { nodes: Variant[] } }>(VARIANTS_BY_SKU, { first: MAX_QUANTITIES, query });
			for (const v of data.productVariants.nodes) {
				const key = v[field];
				if (!key || !group.includes(key) || found.get(key)?.some((r) => r.variantId === v.id)) continue;
				found.set(key, [...(found.get(key) ?? []), { listingId: v.product.id, variantId: v.id, inventoryItemId: v.inventoryItem.id }]);
			}
		}
		return found;
	}

	return {
		id: 'shopify',
		stockBatchSize: MAX_QUANTITIES,

		async listLocations() {
			type Page = { locations: { nodes: Array<{ id: string; name?: string | null; isActive?: boolean }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
			const out: ChannelLocation[] = [];
			let after: string | null = null;
			do {
				const page: Page = await read<Page>(LOCATIONS, { after });
				for (const l of page.locations.nodes) out.push({ id: l.id, name: l.name || l.id, ...(typeof l.isActive === 'boolean' ? { active: l.isActive } : {}) });
				after = page.locations.pageInfo.hasNextPage ? page.locations.pageInfo.endCursor : null;
			} while (after);
			return out;
		},

		resolveListings: async (skus) => new Map([...(await variantsBy('sku', skus))].map(([sku, refs]) => [sku, answerOf(refs)!])),
		/** The same search on the variants' barcode (GTIN/EAN): the first variant carrying it. */
		resolveListingsByGtin: async (gtins) => new Map([...(await variantsBy('barcode', gtins))].map(([gtin, refs]) => [gtin, refs[0]])),

		async pushStock(updates) {
			const results = await pushBatches(chunk(updates, MAX_QUANTITIES), setBatch);
			return updates.map((u) => results.get(u) ?? rejected(u.sku, { message: 'not pushed' }));
		},

		async pushInvoice(input) {
			const ownerId = orderGid(input.channelOrderId);
			const fields: Array<[string, string | undefined, string]> = [
				['key', input.nfeKey, 'single_line_text_field'],
				['number', input.number, 'single_line_text_field'],
				['series', input.series, 'single_line_text_field'],
				['url', input.url, 'url'],
			];
			const metafields = fields.filter(([, v]) => v).map(([key, value, type]) => ({ ownerId, namespace: 'nfe', key, type, value }));
			// metafieldsSet overwrites by namespace+key, so a resend is harmless.
			const data = await mutate<{ metafieldsSet: { userErrors: UserError[] } }>(SET_METAFIELDS, { metafields }, true);
			throwOnUserErrors('metafieldsSet', data.metafieldsSet.userErrors, endpoint);
		},

		async pushShipment(input) {
			type Fo = { id: string; status: string };
			const data = await read<{ order: { fulfillmentOrders: { nodes: Fo[] } } | null }>(FULFILLMENT_ORDERS, { id: orderGid(input.channelOrderId) });
			if (!data.order) throw new Error(`Shopify order ${input.channelOrderId} not found`);
			const open = data.order.fulfillmentOrders.nodes.filter((f) => OPEN_FULFILLMENT.has(f.status));
			if (open.length === 0) throw new Error(`Shopify order ${input.channelOrderId} has no open fulfillment order (already fulfilled or on hold)`);
			const fulfillment = {
				lineItemsByFulfillmentOrder: open.map((f) => ({ fulfillmentOrderId: f.id })),
				trackingInfo: { company: input.carrier, number: input.trackingCode, ...(input.trackingUrl ? { url: input.trackingUrl } : {}) },
				notifyCustomer: true,
			};
			const res = await mutate<{ fulfillmentCreate: { userErrors: UserError[] } }>(FULFILL, { fulfillment });
			throwOnUserErrors('fulfillmentCreate', res.fulfillmentCreate.userErrors, endpoint);
		},

		async cancelOrder(input) {
			const reason = reasonFrom(input.reason, CANCEL_REASONS, 'OTHER');
			const res = await mutate<{ orderCancel: { orderCancelUserErrors: UserError[] } }>(cancelMutation(version), {
				orderId: orderGid(input.channelOrderId),
				reason,
				staffNote: input.reason ?? null,
			});
			throwOnUserErrors('orderCancel', res.orderCancel.orderCancelUserErrors, endpoint);
		},
	};
}
