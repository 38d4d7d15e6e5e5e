import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { expectObject, send } from '../common/http';
import { isJsonObject } from '../common/raw-reader';
import type { AdapterContext, WriteFailure } from '../types';
import { throttleAsRateLimit } from './graphql';

/**
 * Admin GraphQL for write-back. Unlike the read side's shopifyGraphql, a mutation is retried after a 5xx
 * or timeout only when `idempotent` says so (keyed with @idempotent): a second fulfillmentCreate or
 * orderCancel is not harmless. Throttling still becomes a 429, which is always safe to retry.
 */
export async function shopifyWrite<T>(ctx: AdapterContext, endpoint: string, query: string, variables: Record<string, unknown>, idempotent: boolean): Promise<T> {
	const req: HttpRequest = { method: 'POST', url: endpoint, body: { query, variables }, idempotent };
	const res = await send({ ...ctx, transport: throttleAsRateLimit(ctx.transport) }, req);
	const body = expectObject(res, req);
	const errors = body.errors as Array<{ message?: string; extensions?: { code?: string } }> | undefined;
	if (Array.isArray(errors) && errors.length > 0) {
		const status = errors.some((e) => e?.extensions?.code === 'ACCESS_DENIED') ? 403 : res.status;
		throw new ChannelHttpError(status, req, `Shopify GraphQL error: ${errors.map((e) => e?.message ?? 'unknown error').join('; ')}`, body);
	}
	if (!isJsonObject(body.data)) throw new ChannelHttpError(res.status, req, 'Shopify GraphQL response without data', body);
	return body.data as T;
}

export interface UserError {
	field?: string[] | null;
	message: string;
	code?: string | null;
}

/** userErrors of a mutation that is all-or-nothing for the caller (fulfil, cancel, metafields): throw. */
export function throwOnUserErrors(what: string, errors: UserError[] | undefined, endpoint: string): void {
	if (errors && errors.length > 0) {
		// 422: Shopify accepted the request but refused its content, as REST would have said.
		throw new ChannelHttpError(422, { method: 'POST', url: endpoint }, `Shopify ${what}: ${errors.map((e) => e.message).join('; ')}`, errors);
	}
}

/** The index of `quantities[i]` a userError names (field ["input","quantities","3","quantity"]). */
export function quantityIndex(e: UserError): number | undefined {
	const f = e.field ?? [];
	const at = f.indexOf('quantities');
	const i = at >= 0 ? Number(f[at + 1]) : NaN;
	return Number.isInteger(i) ? i : undefined;
}

export const userFailure = (e: UserError): WriteFailure => ({ message: e.code ? `${e.code}: ${e.message}` : e.message, httpCode: 422 });

const USER_ERRORS = 'userErrors { field message code }';

export const VARIANTS_BY_SKU = `query OmsVariantsBySku($first: Int!, $query: String!) {
  productVariants(first: $first, query: $query) { nodes { id sku barcode product { id } inventoryItem { id } } }
}`;

export const PRIMARY_LOCATION = `query OmsPrimaryLocation { locations(first: 1) { nodes { id } } }`;
/** The shop's locations for the node's picker, a page of 250 (the connection's maximum) at a time. */
export const LOCATIONS = `query OmsLocations($after: String) {
  locations(first: 250, after: $after, includeInactive: true) { nodes { id name isActive } pageInfo { hasNextPage endCursor } }
}`;

/**
 * inventorySetQuantities by API version: from 2026-04 each quantity carries changeFromQuantity (null opts
 * out of compare-and-set) and the @idempotent key is mandatory; before, ignoreCompareQuantity opts out and
 * the key (2026-01+) is optional but still sent so retries cannot apply twice.
 */
export function setStockMutation(version: string): string {
	const keyed = version >= '2026-01';
	return `mutation OmsSetStock($input: InventorySetQuantitiesInput!${keyed ? ', $key: String!' : ''}) {
  inventorySetQuantities(input: $input)${keyed ? ' @idempotent(key: $key)' : ''} { ${USER_ERRORS} }
}`;
}

export const FULFILLMENT_ORDERS = `query OmsFulfillmentOrders($id: ID!) {
  order(id: $id) { fulfillmentOrders(first: 20) { nodes { id status } } }
}`;

export const FULFILL = `mutation OmsFulfill($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } }
}`;

/**
 * orderCancel by API version. From 2025-07 the refund choice is `refundMethod: OrderCancelRefundMethodInput`
 * ({originalPaymentMethodsRefund, storeCreditRefund}), which deprecated `refund: Boolean!` (shopify.dev
 * changelog "Order cancellation now supports refunds to store credit", effective 2025-07; the input object is
 * in the 2025-10 and 2026-07 references); before, `refund` is required. The OMS never refunds on
 * cancellation (the merchant decides how), nor restocks (the store holds the stock) or notifies.
 */
export function cancelMutation(version: string): string {
	const refund = version >= '2025-07' ? 'refundMethod: { originalPaymentMethodsRefund: false }' : 'refund: false';
	return `mutation OmsCancel($orderId: ID!, $reason: OrderCancelReason!, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, ${refund}, restock: false, notifyCustomer: false, staffNote: $staffNote) {
    job { id } orderCancelUserErrors { field message code }
  }
}`;
}

export const SET_METAFIELDS = `mutation OmsSetInvoice($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { key } ${USER_ERRORS} }
}`;
