import { createVtexAdapter } from '../../core/channels/vtex';
import { createVtexWriter } from '../../core/channels/vtex/writer';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { oneListing, tinyRetry } from '../channels/helpers/channel-test';
import { VtexSimulator, vtexOrder } from '../simulators/vtex';
import { citation, findOperation, loadContract, requestErrors, type WireRequest } from './contracts';

/**
 * Every request the VTEX writer and adapter send, checked against VTEX's published request schemas:
 * vtex/openapi-schemas@0d207e53 "VTEX - Orders API.json" (InvoiceNotification,
 * Updatepartialinvoice.SendTrackingNumber, CancelOrder, GetOrder, ListOrders, Getfeedorderstatus1,
 * Commititemfeedorderstatus) and "VTEX - Logistics API.json" (PATCH …/warehouses/{warehouseId}/quantity),
 * stored in test/fixtures/contracts/vtex (SOURCES.md).
 */

const CONTRACTS = [loadContract('vtex/orders-api.json'), loadContract('vtex/logistics-api.json')];
/** Requests no stored contract describes (the Catalog API is not stored): named, so a new one is noticed. */
const UNCOVERED = [/^GET \/api\/catalog_system\/pvt\/sku\/stockkeepingunitidbyrefid\//];
const creds = { appKey: 'vtexappkey-luxstore-ABCDEF', appToken: 'secret-token' };
const ORDER = '1172452900788-01';
const NFE_KEY = '35240512345678000190550010000012341000012345';

let sim: VtexSimulator;
const ctx = (): AdapterContext => ({
	transport: createFetchTransport({ 'x-vtex-api-appkey': creds.appKey, 'x-vtex-api-apptoken': creds.appToken }, 5000),
	baseUrl: sim.baseUrl,
	account: 'luxstore',
	retry: tinyRetry(1).retry,
	options: { warehouseId: '1_1' },
});

/** Each logged request with the operation it was checked against and what the contract found wrong. */
function audit(requests: WireRequest[]) {
	return requests.map((req) => {
		const line = `${req.method} ${req.path}`;
		const found = findOperation(CONTRACTS, req);
		if (!found) return { line, operation: UNCOVERED.some((u) => u.test(line)) ? 'uncovered' : 'NO CONTRACT', errors: [] as string[] };
		return { line, operation: citation(found.contract, found.op), errors: requestErrors(found.contract, found.op, req) };
	});
}

beforeEach(async () => {
	sim = new VtexSimulator(creds);
	await sim.start();
	sim.catalog.set('BIGBML', '18').set('SMLBML', '19');
	sim.setOrder(
		vtexOrder({ orderId: ORDER, status: 'ready-for-handling', lastChange: '2024-05-01T10:00:00Z', items: [{ refId: 'BIGBML', quantity: 2, price: 990, skuId: '18' }] }),
		true,
	);
});
afterEach(() => sim.stop());

describe('VTEX requests against the published contract', () => {
	it('writer: stock, invoice (with and without its optional fields), tracking (with and without URL and date), cancel', async () => {
		const w = createVtexWriter(ctx());
		const refs = await w.resolveListings(['BIGBML', 'SMLBML']);
		await w.pushStock([{ sku: 'BIGBML', quantity: 3, listing: oneListing(refs.get('BIGBML')) }, { sku: 'SMLBML', quantity: 0, listing: oneListing(refs.get('SMLBML')) }]);
		await w.pushInvoice!({ channelOrderId: ORDER, nfeKey: NFE_KEY, number: '1234', series: '1', issuedAt: '2024-05-01T09:00:00-03:00' });
		await w.pushInvoice!({ channelOrderId: ORDER, nfeKey: NFE_KEY, number: '1234', series: '1', issuedAt: '2024-05-01T09:00:00-03:00', url: 'https://nfe.example/1234.xml', xml: '<nfeProc/>', totalCents: 1980 });
		await w.pushShipment!({ channelOrderId: ORDER, carrier: 'Correios', trackingCode: 'BR123456789BR' });
		await w.pushShipment!({ channelOrderId: ORDER, carrier: 'Correios', trackingCode: 'BR123456789BR', trackingUrl: 'https://rastreio.example/BR1', shippedAt: '2024-05-02T10:00:00Z' });
		const other = '1172452900788-02';
		sim.setOrder(vtexOrder({ orderId: other, status: 'ready-for-handling', lastChange: '2024-05-01T10:00:00Z' }), false);
		await w.cancelOrder!({ channelOrderId: other, reason: 'Out of stock' });
		sim.setOrder(vtexOrder({ orderId: '1172452900788-03', status: 'ready-for-handling', lastChange: '2024-05-01T10:00:00Z' }), false);
		await w.cancelOrder!({ channelOrderId: '1172452900788-03' });

		const report = audit(sim.requests());
		expect(report.filter((r) => r.operation === 'NO CONTRACT')).toEqual([]);
		expect(report.filter((r) => r.errors.length > 0)).toEqual([]);
		const checked = new Set(report.map((r) => r.operation.split(' ').pop()));
		expect(checked).toEqual(new Set(['uncovered', 'GetOrder', '/api/logistics/pvt/inventory/skus/{skuId}/warehouses/{warehouseId}/quantity', 'InvoiceNotification', 'Updatepartialinvoice.SendTrackingNumber', 'CancelOrder']));
	});

	it('adapter: feed read and commit, the catch-up order list, the test-step sample', async () => {
		const adapter = createVtexAdapter(ctx());
		const page = await adapter.listChanged({ since: '2024-05-01T00:00:00Z', until: '2024-05-02T00:00:00Z', pageSize: 10 });
		await adapter.getDetails!(page.items[0]);
		await adapter.acknowledge!(page.acks ?? []);
		await adapter.listForCatchUp!({ since: '2024-04-01T00:00:00Z', until: '2024-06-01T00:00:00Z', pageSize: 100 });
		await adapter.sample!();

		const report = audit(sim.requests());
		expect(report.filter((r) => r.operation === 'NO CONTRACT' || r.errors.length > 0)).toEqual([]);
		expect(new Set(report.map((r) => r.operation.split(' ').pop()))).toEqual(new Set(['Getfeedorderstatus1', 'GetOrder', 'Commititemfeedorderstatus', 'ListOrders']));
	});

	it('the tracking body the writer sent before (optional keys dropped when absent) breaks the contract', () => {
		const req: WireRequest = {
			method: 'PATCH', path: `/api/oms/pvt/orders/${ORDER}/invoice/1234`, query: new URLSearchParams(),
			headers: { accept: 'application/json', 'content-type': 'application/json' },
			// As the previous writer built it: trackingUrl and dispatchedDate undefined, so absent from the JSON.
			body: JSON.parse(JSON.stringify({ courier: 'Correios', trackingNumber: 'BR123456789BR', trackingUrl: undefined, dispatchedDate: undefined })),
			rawBody: '{"courier":"Correios","trackingNumber":"BR123456789BR"}',
		};
		const found = findOperation(CONTRACTS, req)!;
		expect(requestErrors(found.contract, found.op, req)).toEqual(['body.trackingUrl: is required', 'body.dispatchedDate: is required']);
	});
});
