import { createAmazonAdapter, LWA_TOKEN_PATH, LwaTokenProvider, withLwaAuth } from '../../core/channels/amazon';
import { createAmazonWriter } from '../../core/channels/amazon/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { tinyRetry } from '../channels/helpers/channel-test';
import { AmazonSpApiSimulator, amazonOrder } from '../simulators/amazon';
import { PUBLISHED_CARRIER_CODES } from '../simulators/amazon-writes';
import { citation, findOperation, loadContract, requestErrors, type WireRequest } from './contracts';

/**
 * Every SP-API request the Amazon writer and adapter send, checked against amzn/selling-partner-api-models
 * @34dc93fe: ordersV0.json confirmShipment, listingsItems_2021-08-01.json patchListingsItem,
 * orders_2026-01-01.json searchOrders and getOrder (test/fixtures/contracts/amazon, SOURCES.md). Then the
 * rules the models only describe: carrierCode from Amazon's list (amzn-base.xsd CarrierCode, plus the
 * account's Seller Central codes) or "Other" with carrierName, per the CarrierCode announcement
 * (https://developer-docs.amazon.com/sp-api/changelog/carriercode-value-required-in-shipment-confirmations-for-br-mx-ca-sg-au-in-jp-marketplaces);
 * packageReferenceId a positive number unique within the order (definition PackageReferenceId).
 */

const CONTRACTS = [loadContract('amazon/ordersV0.json'), loadContract('amazon/listingsItems_2021-08-01.json'), loadContract('amazon/orders_2026-01-01.json')];
/** Login with Amazon's token endpoint is OAuth, not an SP-API model. */
const UNCOVERED = [/^POST \/auth\/o2\/token$/];
const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const BR = 'A2Q3Y263D00KWC';

let sim: AmazonSpApiSimulator;
const ctx = (options: Record<string, string> = {}): AdapterContext => {
	const plain = createFetchTransport({}, 5000);
	const { retry } = tinyRetry(1);
	return { transport: withLwaAuth(plain, new LwaTokenProvider(lwa, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry })), baseUrl: sim.baseUrl, account: 'A3SELLER', retry, options: { marketplaceIds: BR, ...options } };
};

type PackageDetail = { packageReferenceId?: unknown; carrierCode?: unknown; carrierName?: unknown };

/** The described rules, for one confirmation; `packagesBefore` are the order's package ids when it was sent. */
function describedRuleErrors(detail: PackageDetail, packagesBefore: string[], accountCodes: string[] = []): string[] {
	const errors: string[] = [];
	const codes = new Set([...PUBLISHED_CARRIER_CODES, ...accountCodes]);
	if (!codes.has(String(detail.carrierCode))) errors.push(`carrierCode ${JSON.stringify(detail.carrierCode)} is not one of Amazon's carrier codes`);
	if (detail.carrierCode === 'Other' && !String(detail.carrierName ?? '').trim()) errors.push('carrierName is required with carrierCode Other');
	if (!/^[1-9]\d*$/.test(String(detail.packageReferenceId))) errors.push('packageReferenceId must be a positive number');
	if (packagesBefore.includes(String(detail.packageReferenceId))) errors.push(`packageReferenceId ${String(detail.packageReferenceId)} repeats a package of the order`);
	return errors;
}

function audit(requests: WireRequest[]) {
	return requests.map((req) => {
		const line = `${req.method} ${req.path}`;
		const found = findOperation(CONTRACTS, req);
		if (!found) return { line, operation: UNCOVERED.some((u) => u.test(line)) ? 'uncovered' : 'NO CONTRACT', errors: [] as string[] };
		return { line, operation: citation(found.contract, found.op), errors: requestErrors(found.contract, found.op, req) };
	});
}

beforeEach(async () => {
	sim = new AmazonSpApiSimulator(lwa);
	await sim.start();
	sim.listing('A3SELLER', 'SKU-1');
});
afterEach(() => sim.stop());

describe('Amazon requests against the published contract', () => {
	it('writer: stock patch, shipment confirmations (listed carrier, free text, account code, date alone, after earlier packages)', async () => {
		const orders = ['702-0000001-0000001', '702-0000002-0000002', '702-0000003-0000003', '702-0000004-0000004'];
		for (const id of orders) sim.put(amazonOrder({ id, lastUpdate: '2024-05-01T10:00:00Z', items: [{ sku: 'SKU-1', quantity: 2, unitPrice: '10.00' }] }));
		const fourth = sim.orders.get(orders[3]) as Record<string, any>;
		Object.assign(fourth.orderItems[0].fulfillment, { quantityFulfilled: 1, quantityUnfulfilled: 1 });
		fourth.packages.push({ packageReferenceId: '1' }, { packageReferenceId: '2' });
		const packagesBefore = orders.map((id) => (sim.orders.get(id) as Record<string, any>).packages.map((p: PackageDetail) => String(p.packageReferenceId)));
		sim.acceptedCarrierCodes.add('Correios');

		await createAmazonWriter(ctx()).pushStock([{ sku: 'SKU-1', quantity: 4, listing: { listingId: 'SKU-1' } }]);
		const ship = (n: number, carrier: string, shippedAt?: string, options: Record<string, string> = {}) =>
			createAmazonWriter(ctx(options)).pushShipment!({ channelOrderId: orders[n], carrier, trackingCode: `TRK${n}`, shippedAt });
		await ship(0, 'UPS', '2024-05-02T10:00:00-03:00');
		await ship(1, 'Loggi', '2024-05-02');
		await ship(2, 'correios', undefined, { carrierCodes: 'Correios' });
		await ship(3, 'Jadlog', '2024-05-02T10:00:00Z');

		const report = audit(sim.requests());
		expect(report.filter((r) => r.operation === 'NO CONTRACT' || r.errors.length > 0)).toEqual([]);
		expect(new Set(report.map((r) => r.operation.split(' ').pop()))).toEqual(new Set(['uncovered', 'patchListingsItem', 'getOrder', 'confirmShipment']));
		const confirms = sim.requests(/shipmentConfirmation$/);
		expect(confirms).toHaveLength(4);
		const details = confirms.map((r) => (r.body as { packageDetail: PackageDetail }).packageDetail);
		expect(details.map((d, i) => describedRuleErrors(d, packagesBefore[i], ['Correios']))).toEqual([[], [], [], []]);
		expect(details.map((d) => [d.carrierCode, d.packageReferenceId])).toEqual([['UPS', '1'], ['Other', '1'], ['Correios', '1'], ['Other', '3']]);
	});

	it('adapter: searchOrders pages and the test-step sample', async () => {
		const old = new Date(Date.now() - 3_600_000).toISOString();
		for (let i = 1; i <= 3; i++) sim.put(amazonOrder({ id: `702-000000${i}-0000001`, lastUpdate: old }));
		const adapter = createAmazonAdapter(ctx());
		const window = { since: new Date(Date.now() - 7_200_000).toISOString(), until: new Date(Date.now() - 600_000).toISOString(), pageSize: 2 };
		const first = await adapter.listChanged(window);
		await adapter.listChanged({ ...window, pageToken: first.nextPageToken });
		await adapter.sample!();
		const report = audit(sim.requests());
		expect(report.filter((r) => r.operation === 'NO CONTRACT' || r.errors.length > 0)).toEqual([]);
		expect(new Set(report.map((r) => r.operation.split(' ').pop()))).toEqual(new Set(['uncovered', 'searchOrders']));
		expect(sim.requests(/\/orders\/2026-01-01\/orders$/)).toHaveLength(3);
	});

	it('the confirmation the writer sent before (free-text carrier, a date alone, always package 1) breaks the contract', () => {
		const previous = {
			marketplaceId: BR,
			packageDetail: {
				packageReferenceId: '1', carrierCode: 'Correios', carrierName: 'Correios', trackingNumber: 'BR123456789BR', shipDate: '2024-05-02',
				orderItems: [{ orderItemId: '17198765432100', quantity: 1 }],
			},
		};
		const req: WireRequest = {
			method: 'POST', path: '/orders/v0/orders/702-0000001-0000001/shipmentConfirmation', query: new URLSearchParams(),
			headers: { accept: 'application/json', 'content-type': 'application/json' }, body: previous, rawBody: JSON.stringify(previous),
		};
		const found = findOperation(CONTRACTS, req)!;
		expect(requestErrors(found.contract, found.op, req)).toEqual(['body.packageDetail.shipDate: must be an RFC 3339 date-time, got "2024-05-02"']);
		// A second package of the order, after package 1 went out.
		expect(describedRuleErrors(previous.packageDetail, ['1'])).toEqual(['carrierCode "Correios" is not one of Amazon\'s carrier codes', 'packageReferenceId 1 repeats a package of the order']);
	});
});
