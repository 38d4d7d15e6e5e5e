import { createMercadoLivreWriter } from '../../core/channels/mercadolivre/writer';
import type { ChannelWriter, StockUpdate } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { MercadoLivreSimulator, mlOrder, mlShipment, type MlItem } from '../simulators/mercadolivre';
import { tinyRetry } from './helpers/channel-test';

const TOKEN = 'APP_USR-123-writer';
const { retry } = tinyRetry();
let sim: MercadoLivreSimulator;
const writer = (token = TOKEN): ChannelWriter =>
	createMercadoLivreWriter({ transport: createFetchTransport({ authorization: `Bearer ${token}` }, 5000), baseUrl: sim.baseUrl, account: String(sim.sellerId), retry });

const sku = (value: string) => [{ id: 'SELLER_SKU', value_name: value }];
const simple = (): MlItem => ({ id: 'MLB100', available_quantity: 3, attributes: sku('CAN-01'), variations: [] });
const withVariations = (): MlItem => ({
	id: 'MLB200',
	available_quantity: 9,
	variations: [
		{ id: 501, available_quantity: 4, attributes: sku('CAM-AZ-M') },
		{ id: 502, available_quantity: 5, attributes: sku('CAM-AZ-G') },
	],
});
const update = (s: string, quantity: number, listingId: string, variantId?: string): StockUpdate => ({ sku: s, quantity, listing: { listingId, variantId } });
const XML = `<?xml version="1.0"?><nfeProc versao="4.00"><NFe/><protNFe><infProt><chNFe>${'3'.repeat(44)}</chNFe></infProt></protNFe></nfeProc>`;

beforeEach(async () => {
	sim = new MercadoLivreSimulator(TOKEN);
	await sim.start();
	sim.putItem(simple(), withVariations());
});
afterEach(() => sim.stop());

describe('Mercado Livre writer: listings and stock', () => {
	it('resolves item and variation ids by seller SKU; unknown SKUs are absent', async () => {
		const refs = await writer().resolveListings(['CAN-01', 'CAM-AZ-G', 'NOPE']);
		expect(Object.fromEntries(refs)).toEqual({ 'CAN-01': { listingId: 'MLB100' }, 'CAM-AZ-G': { listingId: 'MLB200', variantId: '502' } });
		expect(sim.requests(/items\/search/)[0].query.get('seller_sku')).toBe('CAN-01');
		// Variations show their SELLER_SKU only with include_attributes=all (the simulator hides it otherwise).
		expect(sim.requests(/\/items\/MLB200$/).map((r) => r.query.get('include_attributes'))).toEqual(['all']);
	});

	// A seller often sells one SKU under a classic and a premium listing; each must get the stock.
	const premium = (id: string, extra: Partial<MlItem> = {}): MlItem => ({ ...simple(), id, ...extra });

	it('answers every listing carrying the SKU when it has no user product, closed items left out', async () => {
		sim.putItem(premium('MLB101'), premium('MLB102', { status: 'closed' }), { ...withVariations(), id: 'MLB201', variations: [{ id: 601, available_quantity: 1, attributes: sku('CAN-01') }] });
		const refs = await writer().resolveListings(['CAN-01']);
		expect(refs.get('CAN-01')).toEqual([{ listingId: 'MLB100' }, { listingId: 'MLB101' }, { listingId: 'MLB201', variantId: '601' }]);
	});

	it('listings of one user product share its stock: only the first of them is answered', async () => {
		sim.items.clear();
		sim.putItem(premium('MLB100', { user_product_id: 'MLBU77' }), premium('MLB101', { user_product_id: 'MLBU77' }), premium('MLB300', { user_product_id: 'MLBU88' }));
		const refs = await writer().resolveListings(['CAN-01']);
		expect(refs.get('CAN-01')).toEqual([
			{ listingId: 'MLB100', inventoryItemId: 'MLBU77' },
			{ listingId: 'MLB300', inventoryItemId: 'MLBU88' },
		]);
	});

	it('reads every page of the SKU search (offset/limit, 50 a page)', async () => {
		sim.items.clear();
		sim.putItem(...Array.from({ length: 50 }, (_, i) => premium(`MLB9${String(i).padStart(2, '0')}`, { status: 'closed' })), premium('MLB999'));
		const refs = await writer().resolveListings(['CAN-01']);
		expect(refs.get('CAN-01')).toEqual({ listingId: 'MLB999' });
		expect(sim.requests(/items\/search/).map((r) => [r.query.get('offset'), r.query.get('limit')])).toEqual([['0', '50'], ['50', '50']]);
	});

	it('sets available_quantity per item and per variation, leaving sibling variations alone', async () => {
		const results = await writer().pushStock([update('CAN-01', 7, 'MLB100'), update('CAM-AZ-M', 0, 'MLB200', '501')]);
		expect(results).toEqual([{ sku: 'CAN-01', ok: true }, { sku: 'CAM-AZ-M', ok: true }]);
		expect(sim.items.get('MLB100')!.available_quantity).toBe(7);
		expect(sim.items.get('MLB200')!.variations.map((v) => [v.id, v.available_quantity])).toEqual([[501, 0], [502, 5]]);
		expect(sim.requests(/variations\/501/)[0].body).toEqual({ available_quantity: 0 });
	});
});

describe('Mercado Livre writer: NF-e and shipping', () => {
	const SHIPMENT = 40_000_000_777;
	beforeEach(() => {
		sim.put(mlOrder({ id: 2000000777, lastUpdated: '2026-01-10T14:00:00Z', shipmentId: SHIPMENT }));
		sim.shipments.set(SHIPMENT, mlShipment(SHIPMENT, 'ready_to_ship', 'invoice_pending'));
	});

	it('uploads the nfeProc XML to the order\'s shipment', async () => {
		await writer().pushInvoice!({ channelOrderId: '2000000777', nfeKey: '3'.repeat(44), number: '1', series: '1', issuedAt: '2026-01-10T15:00:00Z', xml: XML });
		const [req] = sim.requests(/invoice_data/);
		expect(req.path).toBe(`/shipments/${SHIPMENT}/invoice_data`);
		expect(req.query.get('siteId')).toBe('MLB');
		expect(req.headers['content-type']).toBe('application/xml');
		expect(sim.invoices.get(SHIPMENT)).toBe(XML);
		expect(sim.shipments.get(SHIPMENT)!.substatus).toBe('ready_to_print');
	});

	it('refuses to send an invoice without the XML, and reports ML\'s rejection of a second one', async () => {
		const input = { channelOrderId: '2000000777', nfeKey: '3'.repeat(44), number: '1', series: '1', issuedAt: '2026-01-10T15:00:00Z' };
		await expect(writer().pushInvoice!(input)).rejects.toThrow(/XML/);
		await writer().pushInvoice!({ ...input, xml: XML });
		await expect(writer().pushInvoice!({ ...input, xml: XML })).rejects.toMatchObject({ httpCode: 400 });
	});

	it('a pack (group id): the NF-e goes to the pack\'s one shipment, read from GET /packs/{id}', async () => {
		const PACK_SHIPMENT = 40_000_000_888;
		sim.put(
			mlOrder({ id: 2000000801, lastUpdated: '2026-01-10T14:00:00Z', shipmentId: PACK_SHIPMENT, packId: 2000000900 }),
			mlOrder({ id: 2000000802, lastUpdated: '2026-01-10T14:00:00Z', shipmentId: PACK_SHIPMENT, packId: 2000000900 }),
		);
		sim.shipments.set(PACK_SHIPMENT, mlShipment(PACK_SHIPMENT, 'ready_to_ship', 'invoice_pending'));
		await writer().pushInvoice!({ channelOrderId: '2000000802', groupId: '2000000900', nfeKey: '3'.repeat(44), number: '1', series: '1', issuedAt: '2026-01-10T15:00:00Z', xml: XML });
		expect(sim.requests(/\/packs\//).map((r) => r.path)).toEqual(['/packs/2000000900']);
		expect(sim.requests(/invoice_data/).map((r) => r.path)).toEqual([`/shipments/${PACK_SHIPMENT}/invoice_data`]);
		await expect(writer().pushInvoice!({ channelOrderId: '2000000801', groupId: '404', nfeKey: '3'.repeat(44), number: '1', series: '1', issuedAt: '2026-01-10T15:00:00Z', xml: XML })).rejects.toMatchObject({ httpCode: 404 });
	});

	it('notifies an ME1 shipment as shipped with its tracking', async () => {
		Object.assign(sim.shipments.get(SHIPMENT)!, { logistic: { mode: 'me1' } });
		await writer().pushShipment!({ channelOrderId: '2000000777', carrier: 'Correios', trackingCode: 'BR123456789BR', trackingUrl: 'https://rastreio/BR123' });
		expect(sim.requests(/seller_notifications/)[0].body).toMatchObject({ tracking_number: 'BR123456789BR', status: 'shipped', substatus: null, payload: { comment: 'Correios' } });
		expect(sim.shipments.get(SHIPMENT)).toMatchObject({ status: 'shipped', tracking_number: 'BR123456789BR' });
	});

	it('has no cancellation (ML documents none for sellers)', () => {
		expect(writer().cancelOrder).toBeUndefined();
	});
});
