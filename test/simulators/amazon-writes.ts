import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractErrors, loadContract } from '../contract/contracts';
import type { SimRequest, SimResponse } from './http-sim';
import { amazonTime, type AmazonRaw } from './amazon-orders';
import { json } from './sim-paging';

/**
 * The Amazon simulator's write routes: Orders v0 confirmShipment and Listings Items 2021-08-01
 * patchListingsItem. Each request is first checked against the stored contract
 * (test/fixtures/contracts/amazon, from amzn/selling-partner-api-models: ordersV0.json,
 * listingsItems_2021-08-01.json): what the model refuses (a shipDate that is not a date-time, say) is a
 * 400 here too, with SP-API's ErrorList body. Then what the model only describes:
 * - confirmShipment: carrierCode one of the accepted codes (`acceptedCarrierCodes`: Amazon's published
 *   list, test/fixtures/contracts/amazon/carrier-codes.json, plus what a test adds as the account's Seller
 *   Central list), "Other" only with a carrierName; packageReferenceId a positive number not used by
 *   another package of the order; marketplace, items and quantities of the order. Refusals are the
 *   sandbox example's 400 "Invalid Input".
 * - patchListingsItem: {sku, status ACCEPTED|INVALID, submissionId, issues}; [?] how Amazon answers a patch
 *   of a SKU the seller does not list is not in the model: INVALID here.
 */

export interface AmazonWriteState {
	readonly orders: Map<string, AmazonRaw>;
	readonly listings: Map<string, { quantity?: number }>;
	readonly shipments: Map<string, AmazonRaw[]>;
	readonly acceptedCarrierCodes: Set<string>;
	readonly log: SimRequest[];
}

const CONTRACTS = [loadContract('amazon/ordersV0.json'), loadContract('amazon/listingsItems_2021-08-01.json')];

/** Amazon's published carrier codes (amzn-base.xsd CarrierCode), as stored with the contracts. */
export const PUBLISHED_CARRIER_CODES: string[] = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'contracts', 'amazon', 'carrier-codes.json'), 'utf8')).codes;

export const spApiErrors = (status: number, code: string, message: string, details?: string): SimResponse =>
	json(status, { errors: [{ code, message, ...(details ? { details } : {}) }] });

function refusedByContract(req: SimRequest, code: string): SimResponse | undefined {
	const errors = contractErrors(CONTRACTS, req);
	return errors.length ? spApiErrors(400, code, code === 'Invalid Input' ? 'Invalid Input' : 'Invalid input', errors.join('; ')) : undefined;
}

export function confirmShipment(sim: AmazonWriteState, req: SimRequest, orderId: string): SimResponse {
	const refused = refusedByContract(req, 'Invalid Input');
	if (refused) return refused;
	const found = sim.orders.get(orderId);
	if (!found) return spApiErrors(404, 'NotFound', 'The requested order was not found.');
	const b = req.body as { marketplaceId: string; packageDetail: Record<string, unknown> };
	const p = b.packageDetail;
	const lines = p.orderItems as Array<{ orderItemId: string; quantity: number }>;
	const items = found.orderItems as AmazonRaw[];
	const packages = found.packages as AmazonRaw[];
	const fulfillmentOf = (id: unknown) => items.find((i) => i.orderItemId === id)?.fulfillment as { quantityFulfilled: number; quantityUnfulfilled: number } | undefined;
	const why = [
		b.marketplaceId !== (found.salesChannel as AmazonRaw).marketplaceId && 'marketplaceId is not the order\'s',
		!/^[1-9]\d*$/.test(String(p.packageReferenceId)) && 'packageReferenceId must be a positive number',
		packages.some((k) => k.packageReferenceId === p.packageReferenceId) && `packageReferenceId ${String(p.packageReferenceId)} is already a package of the order`,
		!sim.acceptedCarrierCodes.has(String(p.carrierCode)) && `carrierCode ${JSON.stringify(p.carrierCode)} is not an accepted carrier code`,
		p.carrierCode === 'Other' && !String(p.carrierName ?? '').trim() && 'carrierName is required when carrierCode is Other',
		(lines.length === 0 || !String(p.trackingNumber).trim()) && 'orderItems and trackingNumber are required',
		lines.some((l) => {
			const f = fulfillmentOf(l.orderItemId);
			return !f || l.quantity <= 0 || l.quantity > f.quantityUnfulfilled;
		}) && 'an item is not the order\'s or its quantity is not open',
	].filter((w): w is string => typeof w === 'string');
	if (why.length) return spApiErrors(400, 'Invalid Input', 'Invalid Input', why.join('; '));
	for (const l of lines) {
		const f = fulfillmentOf(l.orderItemId)!;
		f.quantityFulfilled += l.quantity;
		f.quantityUnfulfilled -= l.quantity;
	}
	const done = items.every((i) => (i.fulfillment as { quantityUnfulfilled: number }).quantityUnfulfilled === 0);
	(found.fulfillment as AmazonRaw).fulfillmentStatus = done ? 'SHIPPED' : 'PARTIALLY_SHIPPED';
	found.lastUpdatedTime = amazonTime(Date.now());
	// [?] The status of a package right after confirmation is not in the model's examples.
	packages.push({
		packageReferenceId: String(p.packageReferenceId), createdTime: found.lastUpdatedTime, packageStatus: { status: 'SHIPPED' },
		carrier: p.carrierCode === 'Other' ? p.carrierName : p.carrierCode, shipTime: p.shipDate, trackingNumber: p.trackingNumber,
		packageItems: lines.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity })),
	});
	sim.shipments.set(orderId, [...(sim.shipments.get(orderId) ?? []), p]);
	return { status: 204 };
}

export function patchListing(sim: AmazonWriteState, req: SimRequest, sellerId: string, sku: string): SimResponse {
	const refused = refusedByContract(req, 'InvalidInput');
	if (refused) return refused;
	const b = req.body as { productType: string; patches: Array<Record<string, unknown>> };
	const submissionId = `sim-submission-${sim.log.length}`;
	const invalid = (message: string, attribute?: string) => json(200, {
		sku, status: 'INVALID', submissionId,
		issues: [{ code: '90000900', message, severity: 'ERROR', ...(attribute ? { attributeNames: [attribute] } : {}), categories: ['INVALID_ATTRIBUTE'] }],
	});
	const listing = sim.listings.get(`${sellerId}/${sku}`);
	if (!listing) return invalid(`SKU ${sku} is not a listing of seller ${sellerId}.`);
	let quantity: number | undefined;
	for (const p of b.patches) {
		if (p.path !== '/attributes/fulfillment_availability') continue;
		const v = Array.isArray(p.value) ? (p.value[0] as Record<string, unknown> | undefined) : undefined;
		if (v?.fulfillment_channel_code !== 'DEFAULT' || !Number.isInteger(v.quantity) || (v.quantity as number) < 0) {
			return invalid('The attributes are invalid.', 'fulfillment_availability');
		}
		quantity = v.quantity as number;
	}
	if (quantity !== undefined) listing.quantity = quantity;
	return json(200, { sku, status: 'ACCEPTED', submissionId, issues: [] });
}
