import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LWA_TOKEN_PATH, LwaTokenProvider, withLwaAuth } from '../../core/channels/amazon';
import { createAmazonWriter } from '../../core/channels/amazon/writer';
import { AMAZON_CARRIER_CODES, carrierFields, nextPackageReferenceId, shipDate } from '../../core/channels/amazon/writer-shipment';
import type { ChannelWriter } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { WriteBackInputError } from '../../core/sync/write-back';
import { AmazonSpApiSimulator, amazonOrder } from '../simulators/amazon';
import { tinyRetry } from './helpers/channel-test';

/**
 * confirmShipment's fields beyond their JSON type (Orders API v0 PackageDetail, ordersV0.json @34dc93fe):
 * shipDate a date-time, carrierCode one of Amazon's codes or "Other" with carrierName, packageReferenceId
 * unique within the order. The simulator refuses each as Amazon does (400 "Invalid Input").
 */

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const BR = 'A2Q3Y263D00KWC';
const ORDER = '702-0000001-0000001';
let sim: AmazonSpApiSimulator;
const writerWith = (options: Record<string, string> = { marketplaceIds: BR }): ChannelWriter => {
	const plain = createFetchTransport({}, 5000);
	const { retry } = tinyRetry(1);
	return createAmazonWriter({ transport: withLwaAuth(plain, new LwaTokenProvider(lwa, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry })), baseUrl: sim.baseUrl, account: 'A3SELLER', retry, options });
};
const putOrder = () => sim.put(amazonOrder({ id: ORDER, lastUpdate: '2024-05-01T10:00:00Z', items: [{ sku: 'SKU-1', quantity: 2, unitPrice: '10.00' }] }));
const stored = () => sim.orders.get(ORDER) as Record<string, any>;
const shipment = { channelOrderId: ORDER, carrier: 'Correios', trackingCode: 'BR123456789BR', shippedAt: '2024-05-02T10:00:00Z' };
const confirmations = () => sim.requests(/shipmentConfirmation$/).map((r) => (r.body as { packageDetail: Record<string, unknown> }).packageDetail);

beforeEach(async () => {
	sim = new AmazonSpApiSimulator(lwa);
	await sim.start();
});
afterEach(() => sim.stop());

describe('Amazon confirmShipment: carrier code', () => {
	it("sends a listed carrier in Amazon's spelling, anything else as Other with the name", async () => {
		expect(carrierFields('fedex')).toEqual({ carrierCode: 'FedEx', carrierName: 'fedex' });
		expect(carrierFields(' Royal-Mail ')).toEqual({ carrierCode: 'Royal Mail', carrierName: 'Royal-Mail' });
		expect(carrierFields('Jadlog')).toEqual({ carrierCode: 'Other', carrierName: 'Jadlog' });
		expect(carrierFields('correios', ['Correios', 'Jadlog'])).toEqual({ carrierCode: 'Correios', carrierName: 'correios' });
	});

	it("keeps the writer's list identical to the published one stored with the contracts", () => {
		const stored = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'contracts', 'amazon', 'carrier-codes.json'), 'utf8'));
		expect([...AMAZON_CARRIER_CODES]).toEqual(stored.codes);
	});

	it('confirms with Other + carrierName by default, and with the account code when options.carrierCodes lists it', async () => {
		const second = '702-0000002-0000002';
		putOrder();
		sim.put(amazonOrder({ id: second, lastUpdate: '2024-05-01T10:00:00Z' }));
		await writerWith().pushShipment!(shipment);
		// The account's Seller Central list has Correios (Amazon's published one does not).
		sim.acceptedCarrierCodes.add('Correios');
		await writerWith({ marketplaceIds: BR, carrierCodes: 'Jadlog, Correios' }).pushShipment!({ ...shipment, channelOrderId: second });
		expect(confirmations().map((p) => [p.carrierCode, p.carrierName])).toEqual([['Other', 'Correios'], ['Correios', 'Correios']]);
		expect([ORDER, second].map((id) => (sim.orders.get(id) as Record<string, any>).packages[0].carrier)).toEqual(['Correios', 'Correios']);
	});

	it('the simulator refuses a code Amazon does not list, and Other without a name', async () => {
		putOrder();
		const post = (packageDetail: Record<string, unknown>) => fetchConfirm({ marketplaceId: BR, packageDetail: { packageReferenceId: '1', trackingNumber: 'T1', shipDate: '2024-05-02T10:00:00Z', orderItems: [{ orderItemId: '17198765432100', quantity: 1 }], ...packageDetail } });
		expect(await post({ carrierCode: 'Correios', carrierName: 'Correios' })).toMatchObject({ status: 400, details: expect.stringMatching(/carrierCode "Correios" is not an accepted carrier code/) });
		expect(await post({ carrierCode: 'Other' })).toMatchObject({ status: 400, details: expect.stringMatching(/carrierName is required when carrierCode is Other/) });
		expect(await post({ carrierCode: 'Other', carrierName: 'Correios' })).toMatchObject({ status: 204 });
	});
});

describe('Amazon confirmShipment: ship date', () => {
	const now = new Date('2024-05-02T09:30:00Z');

	it('sends a date-time with offset as that instant in UTC', () => {
		expect(shipDate(ORDER, '2024-05-02T10:00:00-03:00', now)).toBe('2024-05-02T13:00:00.000Z');
		expect(shipDate(ORDER, undefined, now)).toBe(now.toISOString());
	});

	it('turns a date alone into noon UTC of that day, or now when that noon is still ahead today', () => {
		expect(shipDate(ORDER, '2024-05-01', now)).toBe('2024-05-01T12:00:00.000Z');
		expect(shipDate(ORDER, '2024-05-02', now)).toBe(now.toISOString());
		expect(shipDate(ORDER, '2024-05-02', new Date('2024-05-02T20:00:00Z'))).toBe('2024-05-02T12:00:00.000Z');
	});

	it('refuses, naming the field and before any call, a date without offset, a US date, a word or an impossible day', async () => {
		for (const bad of ['2024-05-02T10:00:00', '05/02/2024', 'yesterday', '2024-02-30']) {
			expect(() => shipDate(ORDER, bad, now)).toThrow(WriteBackInputError);
		}
		putOrder();
		const error = await writerWith().pushShipment!({ ...shipment, shippedAt: '02/21/2022' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WriteBackInputError);
		expect(error).toMatchObject({ field: 'shippedAt', message: expect.stringMatching(/702-0000001-0000001.*"02\/21\/2022"/) });
		expect(sim.log).toHaveLength(0);
	});

	it('a date alone reaches Amazon as a date-time the simulator (and the model) accept', async () => {
		putOrder();
		await writerWith().pushShipment!({ ...shipment, shippedAt: '2024-05-01' });
		expect(confirmations()[0].shipDate).toBe('2024-05-01T12:00:00.000Z');
		expect(stored().fulfillment.fulfillmentStatus).toBe('SHIPPED');
	});
});

describe('Amazon confirmShipment: package reference', () => {
	it('numbers after the highest package already confirmed, whatever the gaps or order', () => {
		expect(nextPackageReferenceId([])).toBe('1');
		expect(nextPackageReferenceId([{ packageReferenceId: '3' }, { packageReferenceId: '1' }])).toBe('4');
		expect(nextPackageReferenceId([{ packageReferenceId: 'PKG-A' }, { packageReferenceId: '2' }, {}])).toBe('3');
	});

	it('a partial shipment after packages 1 and 3 goes out as 4; the simulator refuses a reused number', async () => {
		putOrder();
		Object.assign(stored().orderItems[0].fulfillment, { quantityFulfilled: 1, quantityUnfulfilled: 1 });
		stored().packages.push({ packageReferenceId: '1' }, { packageReferenceId: '3' });
		const reused = await fetchConfirm({ marketplaceId: BR, packageDetail: { packageReferenceId: '3', carrierCode: 'UPS', trackingNumber: 'T1', shipDate: '2024-05-02T10:00:00Z', orderItems: [{ orderItemId: '17198765432100', quantity: 1 }] } });
		expect(reused).toMatchObject({ status: 400, details: expect.stringMatching(/packageReferenceId 3 is already a package of the order/) });
		await writerWith().pushShipment!(shipment);
		expect(confirmations().pop()?.packageReferenceId).toBe('4');
		expect(stored().packages.map((p: { packageReferenceId: string }) => p.packageReferenceId)).toEqual(['1', '3', '4']);
	});
});

/** A confirmation posted as is (signed with a fresh token), for what the writer would never send. */
async function fetchConfirm(body: unknown): Promise<{ status: number; details?: string }> {
	const token = await new LwaTokenProvider(lwa, createFetchTransport({}, 5000), { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry: tinyRetry(1).retry }).accessToken();
	const res = await fetch(`${sim.baseUrl}/orders/v0/orders/${ORDER}/shipmentConfirmation`, {
		method: 'POST',
		headers: { 'x-amz-access-token': token, 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, ...(text ? { details: (JSON.parse(text) as { errors: Array<{ details?: string }> }).errors[0].details } : {}) };
}
