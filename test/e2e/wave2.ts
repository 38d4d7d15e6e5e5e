import type { StockLevel } from '../../core/store/types';
import { LojaIntegradaSimulator, liOrder } from '../simulators/lojaintegrada';
import { MadeiraMadeiraSimulator, mmOrder } from '../simulators/madeiramadeira';
import { MiraklSimulator, miraklOrder } from '../simulators/mirakl';
import { PrestaShopSimulator, psOrder } from '../simulators/prestashop';
import { ShopeeSimulator, shopeeOrder } from '../simulators/shopee';
import { TraySimulator, trayOrder } from '../simulators/tray';
import { WakeSimulator, wakeOrder } from '../simulators/wake';
import { channelImportWorkflow, type CredRef } from './workflows';
import {
	AMERICANAS_VIA_IDS,
	AMERICANAS_VIA_NODE_TYPES,
	americanasViaSimulators,
	americanasViaTests,
	americanasViaWorkflows,
	type AmericanasViaChannels,
} from './wave2-americanas-via';

/**
 * Wave-2 channels in the real n8n, each imported by a workflow of its own (their SKUs are theirs, apart from the
 * reference example's): Tray and Loja Integrada (platforms), Shopee, Mirakl, MadeiraMadeira, Americanas and Via
 * (issue 11's marketplaces; the last two in wave2-americanas-via.ts). Each test activates its workflow, forces one more tick and waits for the store to reserve the sale.
 */
const TRAY_APP = { consumerKey: 'e2e-tray-ck', consumerSecret: 'e2e-tray-cs', code: 'e2e-tray-code' };
const LI_KEYS = { chaveApi: 'e2e-li-store-key', chaveAplicacao: 'e2e-li-app-key' };
const SHOPEE = { partnerId: '2001887', partnerKey: 'e2e-shopee-partner-key', shopId: '322300222', code: 'e2e-shopee-code' };
const MIRAKL_KEY = 'e2e-mirakl-shop-key';
const MM_TOKEN = 'e2e-madeiramadeira-token';
const PS_KEY = 'E2EPRESTASHOPWEBSERVICEKEY000001';
const WAKE_TOKEN = 'e2e-wake-token';

export const WAVE2_IDS = {
	tray: 'omsE2eTrayImp001',
	li: 'omsE2eLojaInt001',
	shopee: 'omsE2eShopeeI001',
	mirakl: 'omsE2eMiraklI001',
	madeira: 'omsE2eMadeira001',
	prestashop: 'omsE2ePrestaSh001',
	wake: 'omsE2eWakeImp001',
	...AMERICANAS_VIA_IDS,
};
export const WAVE2_NODE_TYPES = [
	'trayOmsTrigger',
	'lojaIntegradaOmsTrigger',
	'shopeeOmsTrigger',
	'miraklOmsTrigger',
	'madeiraMadeiraOmsTrigger',
	'prestaShopOmsTrigger',
	'wakeOmsTrigger',
	...AMERICANAS_VIA_NODE_TYPES,
];

export interface Wave2Channels extends AmericanasViaChannels {
	tray: TraySimulator;
	lojaIntegrada: LojaIntegradaSimulator;
	shopee: ShopeeSimulator;
	mirakl: MiraklSimulator;
	madeira: MadeiraMadeiraSimulator;
	prestashop: PrestaShopSimulator;
	wake: WakeSimulator;
	stop(): Promise<void>;
}

export async function startWave2Channels(): Promise<Wave2Channels> {
	const w = {
		tray: new TraySimulator(TRAY_APP),
		lojaIntegrada: new LojaIntegradaSimulator(LI_KEYS),
		shopee: new ShopeeSimulator(SHOPEE),
		mirakl: new MiraklSimulator(MIRAKL_KEY),
		madeira: new MadeiraMadeiraSimulator(MM_TOKEN),
		prestashop: new PrestaShopSimulator(PS_KEY),
		wake: new WakeSimulator(WAKE_TOKEN),
		...americanasViaSimulators(),
	};
	const all = Object.values(w);
	await Promise.all(all.map((s) => s.start()));
	return { ...w, stop: async () => void (await Promise.all(all.map((s) => s.stop()))) };
}

type CreateCredential = (name: string, type: string, data: object) => Promise<CredRef>;

/** The channels' credentials created over n8n's REST API, and one import workflow each (files to import). */
export async function wave2Workflows(w: Wave2Channels, cred: CreateCredential, store: CredRef, importSince: string): Promise<Record<string, object>> {
	const flow = (id: string, name: string, type: string, credentialType: string, credential: CredRef, parameters: object = {}) => ({
		id,
		...channelImportWorkflow(name, { type, credentialType, credential, parameters }, store, importSince),
	});
	return {
		'tray.json': flow(
			WAVE2_IDS.tray,
			'Tray',
			'trayOmsTrigger',
			'trayOmsApi',
			await cred('Tray account', 'trayOmsApi', { apiAddress: w.tray.apiAddress, storeId: '391250', ...TRAY_APP }),
		),
		'li.json': flow(
			WAVE2_IDS.li,
			'Loja Integrada',
			'lojaIntegradaOmsTrigger',
			'lojaIntegradaOmsApi',
			await cred('Loja Integrada account', 'lojaIntegradaOmsApi', { storeId: '1234567', ...LI_KEYS, baseUrl: w.lojaIntegrada.baseUrl }),
		),
		'shopee.json': flow(
			WAVE2_IDS.shopee,
			'Shopee',
			'shopeeOmsTrigger',
			'shopeeOmsApi',
			await cred('Shopee account', 'shopeeOmsApi', { ...SHOPEE, baseUrl: w.shopee.baseUrl }),
		),
		'mirakl.json': flow(
			WAVE2_IDS.mirakl,
			'Mirakl',
			'miraklOmsTrigger',
			'miraklOmsApi',
			await cred('Mirakl account', 'miraklOmsApi', { host: w.mirakl.baseUrl, shopId: '2001', apiKey: MIRAKL_KEY }),
			{ miraklAcceptOrders: true },
		),
		'madeira.json': flow(
			WAVE2_IDS.madeira,
			'MadeiraMadeira',
			'madeiraMadeiraOmsTrigger',
			'madeiraMadeiraOmsApi',
			await cred('MadeiraMadeira account', 'madeiraMadeiraOmsApi', { environment: 'production', sellerId: '3', token: MM_TOKEN, baseUrl: w.madeira.baseUrl }),
		),
		'prestashop.json': flow(
			WAVE2_IDS.prestashop,
			'PrestaShop',
			'prestaShopOmsTrigger',
			'prestaShopOmsApi',
			await cred('PrestaShop account', 'prestaShopOmsApi', {
				baseUrl: `${w.prestashop.baseUrl}/api`,
				shopName: 'loja-ps',
				apiKey: PS_KEY,
				timeZoneOffset: '-03:00',
				orderStates: '',
				shippedState: '4',
				cancelledState: '6',
			}),
		),
		'wake.json': flow(
			WAVE2_IDS.wake,
			'Wake',
			'wakeOmsTrigger',
			'wakeOmsApi',
			await cred('Wake account', 'wakeOmsApi', { storeName: 'loja-wake', token: WAKE_TOKEN, timeZoneOffset: '-03:00', baseUrl: w.wake.baseUrl }),
		),
		...(await americanasViaWorkflows(w, flow, cred)),
	};
}

export interface Wave2Suite {
	channels: () => Wave2Channels;
	n8n: { activate(id: string): Promise<unknown>; deactivate(id: string): Promise<unknown> };
	/** Forces one poll of every trigger of the workflow. */
	tick(id: string): Promise<void>;
	levelIs(sku: string, want: Partial<StockLevel>): Promise<StockLevel>;
}

export function wave2ChannelTests(s: Wave2Suite): void {
	const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();
	/** The first activation records the starting point (the backfill date); the next poll reads from it. */
	const importOnce = async (id: string, sku: string, reserved: number) => {
		await s.n8n.activate(id);
		await s.tick(id);
		await s.levelIs(sku, { reserved });
	};

	test('Tray: the credential exchanges its code inside n8n, renews after a 401, and a paid order is reserved', async () => {
		const { tray } = s.channels();
		tray.put(trayOrder({ id: 9001, modifiedAt: minuteAgo(), lines: [{ reference: 'TRAY-MUG', quantity: 2, price: '39.90', productId: 31 }] }));
		await importOnce(WAVE2_IDS.tray, 'TRAY-MUG', 2);
		// The code was exchanged by n8n's preAuthentication (POST /auth), and every read carried the token.
		expect(tray.requests(/\/auth$/).map((r) => r.method)).toEqual(['POST']);
		expect(tray.requests(/\/web_api\/orders/).every((r) => r.query.get('access_token') === 'APP_ACCESS_1')).toBe(true);
		// The token expires: the next poll is answered 401, n8n renews with the refresh token and reads again.
		tray.expireAccessToken();
		tray.put(trayOrder({ id: 9002, modifiedAt: new Date().toISOString(), lines: [{ reference: 'TRAY-MUG', quantity: 1, price: '39.90', productId: 31 }] }));
		await s.tick(WAVE2_IDS.tray);
		await s.levelIs('TRAY-MUG', { reserved: 3 });
		expect(tray.requests(/\/auth$/).map((r) => r.method)).toEqual(['POST', 'GET']);
		await s.n8n.deactivate(WAVE2_IDS.tray);
	});

	test('Loja Integrada: a paid order is reserved through the chave_api/aplicacao header', async () => {
		const { lojaIntegrada } = s.channels();
		lojaIntegrada.put(liOrder({ numero: 501, modifiedAt: minuteAgo(), items: [{ sku: 'LI-BAG', quantidade: 2, preco: '59.90', produtoId: 77 }] }));
		await importOnce(WAVE2_IDS.li, 'LI-BAG', 2);
		expect(lojaIntegrada.requests(/\/v1\/pedido\/501$/)).not.toHaveLength(0);
		await s.n8n.deactivate(WAVE2_IDS.li);
	});

	test("Shopee: n8n exchanges the shop's code and signs every call; a paid order is reserved", async () => {
		const { shopee } = s.channels();
		shopee.put(
			shopeeOrder({
				sn: '2611E2E0001',
				updatedAt: minuteAgo(),
				status: 'READY_TO_SHIP',
				items: [{ modelSku: 'SHP-LAMP', qty: 2, price: 89.9, itemId: 801, modelId: 8011 }],
			}),
		);
		await importOnce(WAVE2_IDS.shopee, 'SHP-LAMP', 2);
		// The simulator refuses a wrong sign or token (403): what got through was signed by the credential in n8n.
		expect(shopee.requests(/\/auth\//).map((r) => r.path)).toEqual(['/api/v2/auth/token/get']);
		const reads = shopee.requests(/\/api\/v2\/order\/get_order_(list|detail)$/);
		expect(reads.length).toBeGreaterThanOrEqual(2);
		for (const r of reads) expect([...r.query.keys()]).toEqual(expect.arrayContaining(['partner_id', 'timestamp', 'access_token', 'shop_id', 'sign']));
		await s.n8n.deactivate(WAVE2_IDS.shopee);
	});

	test('Mirakl: with Accept Orders on, an order waiting for acceptance is accepted (OR21) and reserved', async () => {
		const { mirakl } = s.channels();
		mirakl.put(miraklOrder({ id: 'E2E00001-A', updatedAt: minuteAgo(), state: 'WAITING_ACCEPTANCE', lines: [{ sku: 'MKL-RUG', quantity: 2, price: 120 }] }));
		await importOnce(WAVE2_IDS.mirakl, 'MKL-RUG', 2);
		expect(mirakl.requests(/\/api\/orders\/E2E00001-A\/accept$/).map((r) => r.method)).toEqual(['PUT']);
		expect(mirakl.requests(/\/api\/orders$/).every((r) => r.headers.authorization === MIRAKL_KEY)).toBe(true);
		await s.n8n.deactivate(WAVE2_IDS.mirakl);
	});

	test('MadeiraMadeira: an approved order is reserved through the TOKENMM header (string quantities, zone-less dates)', async () => {
		const { madeira } = s.channels();
		madeira.put(mmOrder({ id: 6090001, updatedAt: minuteAgo(), status: '3', items: [{ skuseller: 'MM-SOFA', quantidade: 2, valor: '1299.90' }] }));
		await importOnce(WAVE2_IDS.madeira, 'MM-SOFA', 2);
		expect(madeira.requests(/\/v1\/pedido\/from=/).every((r) => r.headers.tokenmm === MM_TOKEN)).toBe(true);
		await s.n8n.deactivate(WAVE2_IDS.madeira);
	});

	test("PrestaShop: the webservice key as n8n's Basic user; a paid order is reserved with its buyer and address records", async () => {
		const { prestashop } = s.channels();
		prestashop.put(psOrder({ id: 7001, updatedAt: minuteAgo(), state: '2', rows: [{ reference: 'PS-CHAIR', quantity: 2, price: '349.900000' }] }));
		await importOnce(WAVE2_IDS.prestashop, 'PS-CHAIR', 2);
		// The simulator answers 401 to any other Authorization: n8n's generic auth sent "Basic base64(key:)".
		expect(prestashop.requests(/\/api\/orders$/).length).toBeGreaterThanOrEqual(1);
		expect(prestashop.requests(/\/api\/(customers|addresses)\//)).not.toHaveLength(0);
		await s.n8n.deactivate(WAVE2_IDS.prestashop);
	});

	test('Wake Commerce: "Authorization: Basic <token>"; a paid order (the store\'s status read by name) is reserved', async () => {
		const { wake } = s.channels();
		wake.put(wakeOrder({ id: 880001, updatedAt: minuteAgo(), status: 2, items: [{ sku: 'WK-TENT', quantity: 2, price: 799.9 }] }));
		await importOnce(WAVE2_IDS.wake, 'WK-TENT', 2);
		expect(wake.requests(/\/situacoesPedido$/)).not.toHaveLength(0);
		expect(wake.requests(/\/pedidos$/).every((r) => r.headers.authorization === `Basic ${WAKE_TOKEN}`)).toBe(true);
		await s.n8n.deactivate(WAVE2_IDS.wake);
	});

	americanasViaTests(s, importOnce);
}
