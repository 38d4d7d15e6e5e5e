/**
 * The whole pipeline in a real n8n: the packed package installed as n8n installs community packages, the
 * channel simulators on 127.0.0.1, credentials created over REST, workflows imported with the CLI while n8n
 * is stopped (n8n-io/n8n#35251), poll triggers run by activation.
 *
 * Poll ticks: an active poll trigger ticks at most once a minute (random second). Every activation also runs
 * each poll once at once, with the cursor n8n persisted, so the test forces a tick by deactivating and
 * activating the workflow; one sale is left to a natural one-minute tick to measure real latency.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../core/store/open';
import type { OmsStore, StockLevel } from '../../core/store/types';
import { SECRETS, SKUS, nuvemshopSale, startChannels, wooSale, type Channels } from './channels';
import { accountOf, dropNodes, invoicedOrder, UNSIMULATED } from './templates';
import { dashboardTemplateTests } from './dashboard';
import { linkTemplateTests } from './link-template';
import { webhookTemplateTests } from './webhook-template';
import { HttpChannelSimulator, httpOrder, simDefinition } from '../simulators/httpchan';
import { OpenCartSimulator } from '../simulators/opencart';
import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';
import { startWave2Channels, WAVE2_NODE_TYPES, wave2ChannelTests, wave2Workflows, type Wave2Channels } from './wave2';
import { channelImportWorkflow, duplicatePollerWorkflow, importWorkflow, stockCountWorkflow, type Creds } from './workflows';

/* eslint-disable @typescript-eslint/no-require-imports */
const { ensureN8n } = require('../../scripts/n8n-cache');
const { packAndInstall } = require('../../scripts/pack-and-install');
const { N8nInstance } = require('../../scripts/lib/n8n-instance');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATES_DIR = path.join(ROOT, 'workflows-templates');
const OMS_NODE_TYPES = ['omsStore', 'mercadoLivreTrigger', 'shopifyOmsTrigger', 'wooCommerceOmsTrigger', 'vtexOmsTrigger', 'nuvemshopOmsTrigger', 'magaluTrigger', 'amazonSpApiTrigger', ...WAVE2_NODE_TYPES, 'httpChannelOmsTrigger'];
const STATUS_SYNC = 'n8n-nodes-oms.omsStatusSync';
/**
 * Write-back is asserted when the package declares the Status Sync node; then n8n must load it, and every
 * channel's stock is checked. Without it those assertions are skipped (reported as pending), never passed.
 */

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-e2e-'));
const userFolder = path.join(work, 'n8n');
const storePath = path.join(work, 'oms.sqlite');
const timings: Record<string, number> = {};
const WEBHOOK_SECRET = { header: 'X-OMS-Secret', value: 'e2e-7c1f0a52b9d44e6f8a3b' };
const DASHBOARD_LOGIN = { user: 'gerente', password: 'e2e-painel-5d0b9c' };

let n8n: InstanceType<typeof N8nInstance>;
let channels: Channels;
let nodeTypes: Array<{ name: string; version: number | number[] }>;
let store: OmsStore | undefined;
const ids = { import: 'omsE2eImport0001', dup: 'omsE2eDupPoll001', count: 'omsE2eCount00001', http: 'omsE2eHttpChan01', opencart: 'omsE2eOpenCart01' };
let wave2: Wave2Channels;
/** The configurable HTTP channel over its simulator (offset paging, the README's example definition). */
let httpChan: HttpChannelSimulator;
let openCart: OpenCartSimulator;
const startedAt = new Date(Date.now() - 3600_000).toISOString();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
	const t0 = Date.now();
	let last: unknown;
	while (Date.now() - t0 < timeoutMs) {
		try {
			const v = await probe();
			if (v !== undefined && v !== false) return v as T;
		} catch (e) {
			last = e;
		}
		await sleep(250);
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

async function level(sku: string): Promise<StockLevel | undefined> {
	store ??= fs.existsSync(storePath) ? createStore({ driver: 'sqlite', path: storePath }) : undefined;
	return (await store?.getAvailability([sku]))?.find((l) => l.warehouse === 'default');
}

async function levelIs(sku: string, want: Partial<StockLevel>) {
	return await waitFor(`${sku} at ${JSON.stringify(want)}`, async () => {
		const l = await level(sku);
		return l && Object.entries(want).every(([k, v]) => (l as unknown as Record<string, unknown>)[k] === v) ? l : undefined;
	});
}

/** Every channel publishes `quantity` for the SKU; returns the ms it took from `since`. */
async function everyChannelShows(sku: string, quantity: number, since: number, timeoutMs = 90_000) {
	await waitFor(`every channel showing ${quantity} × ${sku}`, () => {
		const s = channels.stock(sku);
		return s.woocommerce === quantity && s.nuvemshop === quantity && s.vtex === quantity ? true : undefined;
	}, timeoutMs);
	return Date.now() - since;
}

/** Forces one poll of every trigger of the workflow (activation runs each poll once). */
async function tick(workflowId: string) {
	await n8n.deactivate(workflowId);
	await n8n.activate(workflowId);
}

beforeAll(async () => {
	let t0 = Date.now();
	ensureN8n();
	timings.n8nCacheMs = Date.now() - t0;
	t0 = Date.now();
	packAndInstall(userFolder);
	timings.packAndInstallMs = Date.now() - t0;
	channels = await startChannels();
	wave2 = await startWave2Channels();
	httpChan = new HttpChannelSimulator('offset', 'e2e-http-key');
	await httpChan.start();
	openCart = new OpenCartSimulator();
	await openCart.start();

	// An https production URL, as a real n8n has: Nuvemshop refuses to register http and localhost URLs. The
	// suite itself posts to n8n's local port.
	n8n = new N8nInstance({ userFolder, logFile: path.join(work, 'n8n.log'), env: { WEBHOOK_URL: 'https://oms-e2e.example.com/' } });
	await n8n.start();
	timings.n8nStartMs = n8n.startupMs;
	await n8n.signIn();
	nodeTypes = await n8n.nodeTypes();

	const cred = async (name: string, type: string, data: object) => {
		const c = await n8n.createCredential(name, type, data);
		return { id: String(c.id), name };
	};
	// Names as the templates reference them, so `import:workflow` resolves the templates' credentials.
	const creds: Creds = {
		store: await cred('OMS Store', 'omsStoreApi', { storeType: 'sqlite', sqlitePath: storePath }),
		woo: await cred('WooCommerce account', 'wooCommerceOmsApi', { siteUrl: channels.woo.baseUrl, ...SECRETS.woo }),
		nuvemshop: await cred('Nuvemshop account', 'nuvemshopOmsApi', {
			storeId: SECRETS.nuvemshop.storeId, accessToken: SECRETS.nuvemshop.accessToken, appSecret: SECRETS.nuvemshop.appSecret, userAgent: 'OMS e2e (e2e@oms.local)', platform: 'nuvemshop', baseUrl: `${channels.nuvemshop.baseUrl}/v1`,
		}),
		vtex: await cred('VTEX account', 'vtexOmsApi', { accountName: 'e2estore', ...SECRETS.vtex, environment: 'vtexcommercestable', baseUrl: channels.vtex.baseUrl }),
	};
	const wave2Files = await wave2Workflows(wave2, cred, creds.store, startedAt);
	const httpCred = await cred('Configurable HTTP account', 'httpChannelOmsApi', { baseUrl: httpChan.baseUrl, account: 'minhaloja', headerName: 'X-Api-Key', headerValue: 'e2e-http-key', testPath: '/api/v1/products' });
	// OpenCart: no header, the API user's name and key for the definition's api/login session.
	const openCartCred = await cred('OpenCart account', 'httpChannelOmsApi', {
		baseUrl: openCart.baseUrl, account: 'loja-opencart', headerName: 'Authorization', headerValue: '', loginUsername: 'Default', loginSecret: 'chave-api-256', testPath: '/index.php?route=api/login',
	});
	// Template 2's webhook requires this header (n8n's Header Auth credential, by the name the template uses).
	await cred('OMS Webhook Secret', 'httpHeaderAuth', { name: WEBHOOK_SECRET.header, value: WEBHOOK_SECRET.value });
	// Template 7's page asks for this login (n8n's Basic Auth credential, by the name the template uses).
	await cred('OMS Dashboard Login', 'httpBasicAuth', DASHBOARD_LOGIN);

	// CLI import with n8n stopped (#35251: importing into a running instance double-registers pollers).
	await n8n.stop();
	const wfDir = path.join(work, 'workflows');
	fs.mkdirSync(wfDir);
	const write = (file: string, wf: object) => fs.writeFileSync(path.join(wfDir, file), JSON.stringify(wf, null, 2));
	write('import.json', { id: ids.import, ...importWorkflow(creds, startedAt) });
	write('dup.json', { id: ids.dup, ...duplicatePollerWorkflow(creds, startedAt) });
	for (const [file, wf] of Object.entries(wave2Files)) write(file, wf);
	const definition = JSON.stringify(simDefinition('offset'), null, 2);
	write('http.json', { id: ids.http, ...channelImportWorkflow('Configurable HTTP', { type: 'httpChannelOmsTrigger', credentialType: 'httpChannelOmsApi', credential: httpCred, parameters: { httpChannelDefinition: definition } }, creds.store, startedAt) });
	write('opencart.json', {
		id: ids.opencart,
		...channelImportWorkflow('OpenCart', { type: 'httpChannelOmsTrigger', credentialType: 'httpChannelOmsApi', credential: openCartCred, parameters: { httpChannelDefinition: JSON.stringify(OPENCART_DEFINITION, null, 2) } }, creds.store, startedAt),
	});
	write('count.json', { id: ids.count, ...stockCountWorkflow(creds, [{ sku: SKUS.shirt, onHand: 10 }, { sku: SKUS.cap, onHand: 5 }]) });
	t0 = Date.now();
	for (const f of fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json'))) await n8n.cli(['import:workflow', `--input=${path.join(TEMPLATES_DIR, f)}`]);
	timings.importTemplatesMs = Date.now() - t0;
	await n8n.cli(['import:workflow', '--separate', `--input=${wfDir}`]);
	await n8n.start();
	await n8n.signIn();
}, 30 * 60_000);

afterAll(async () => {
	await store?.close();
	await n8n?.stop();
	await channels?.stop();
	await Promise.all([wave2?.stop(), httpChan?.stop(), openCart?.stop()]);
	process.stdout.write(`\n[e2e] timings ${JSON.stringify(timings)}\n[e2e] work folder ${work} (n8n log: n8n.log)\n`);
	if (!process.env.OMS_E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

test('n8n loads every node of the installed package', () => {
	const names = new Set(nodeTypes.map((t) => t.name));
	for (const n of OMS_NODE_TYPES) expect(names).toContain(`n8n-nodes-oms.${n}`);
});

test('the templates import unmodified and every node they use exists in this n8n', async () => {
	const workflows: Array<{ name: string; id: string }> = await n8n.listWorkflows();
	// Versioned nodes (Set, IF…) appear once per major version: merge their version lists.
	const known = new Map<string, number[]>();
	for (const t of nodeTypes) known.set(t.name, [...(known.get(t.name) ?? []), ...([] as number[]).concat(t.version)]);
	for (const f of fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json'))) {
		const tpl = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, f), 'utf8'));
		const imported = workflows.find((w) => w.name === tpl.name);
		expect(imported).toBeDefined();
		const stored = await n8n.getWorkflow(imported!.id);
		expect(stored.nodes).toHaveLength(tpl.nodes.length);
		for (const node of tpl.nodes as Array<{ type: string; typeVersion: number; name: string; credentials?: Record<string, { name: string }> }>) {
			expect([node.name, known.get(node.type)?.includes(node.typeVersion)]).toEqual([node.name, true]);
		}
		// Credentials referenced by type and neutral name resolve to the ones created over REST.
		const storeNode = (stored.nodes as Array<{ credentials?: Record<string, { id: string | null }> }>).find((n) => n.credentials?.omsStoreApi);
		if (storeNode) expect(storeNode.credentials!.omsStoreApi.id).toBeTruthy();
	}
});


describe('reference example: 10 on hand, sold on one channel, published on three', () => {
	test('the stock count reaches the store (and every channel) through `n8n execute`', async () => {
		const t0 = Date.now();
		await n8n.cli(['execute', `--id=${ids.count}`, '--rawOutput']);
		timings.executeStockCountMs = Date.now() - t0;
		await levelIs(SKUS.shirt, { onHand: 10, reserved: 0, available: 10 });
		await everyChannelShows(SKUS.shirt, 10, t0);
	});

	test('2 sold pending payment → reserved, available 8 (natural one-minute poll tick)', async () => {
		await n8n.activate(ids.import);
		await sleep(3000); // let the activation poll pass, so the sale is left to a cron tick
		const t0 = Date.now();
		channels.woo.put(wooSale(9001, SKUS.shirt, 2, 'pending'));
		await levelIs(SKUS.shirt, { onHand: 10, reserved: 2, available: 8 });
		timings.saleToStoreNaturalTickMs = Date.now() - t0;
		timings.saleToEveryChannelNaturalTickMs = await everyChannelShows(SKUS.shirt, 8, t0);
	});

	test('an order polled twice (a second poller) is reserved once', async () => {
		await n8n.activate(ids.dup); // backfill start: the first poll sees order 9001 again
		await waitFor('the duplicate poller run', async () => (await n8n.executions(ids.dup)).some((e: { status: string }) => e.status === 'success') || undefined);
		const l = await level(SKUS.shirt);
		expect(l).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
		const reserves = (await store!.listLedger({ sku: SKUS.shirt })).filter((e) => e.orderKey?.endsWith(':9001') && e.reason === 'reserve');
		expect(reserves).toHaveLength(1);
		await n8n.deactivate(ids.dup);
	});

	test('paid → still 8', async () => {
		channels.woo.put(wooSale(9001, SKUS.shirt, 2, 'processing'));
		await tick(ids.import);
		await waitFor('paid applied', async () => (await store!.listReservations()).some((r) => r.orderKey.endsWith(':9001')) || undefined);
		await sleep(2000);
		expect(await level(SKUS.shirt)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
		expect(channels.stock(SKUS.shirt)).toEqual({ woocommerce: 8, nuvemshop: 8, vtex: 8 });
	});

	test('shipped (past the invoiced commit point) → deducted: on hand 8, reserved 0, available 8', async () => {
		const t0 = Date.now();
		channels.woo.put(wooSale(9001, SKUS.shirt, 2, 'completed'));
		await tick(ids.import);
		await levelIs(SKUS.shirt, { onHand: 8, reserved: 0, available: 8 });
		timings.commitForcedTickMs = Date.now() - t0;
		expect(channels.stock(SKUS.shirt)).toEqual({ woocommerce: 8, nuvemshop: 8, vtex: 8 });
	});

	test("a cancelled order's units come back (sold on Nuvemshop, cancelled there)", async () => {
		let t0 = Date.now();
		channels.nuvemshop.put(nuvemshopSale(450789100, SKUS.shirt, 1, 'pending'));
		await tick(ids.import);
		await levelIs(SKUS.shirt, { onHand: 8, reserved: 1, available: 7 });
		timings.saleToStoreForcedTickMs = Date.now() - t0;
		timings.saleToEveryChannelForcedTickMs = await everyChannelShows(SKUS.shirt, 7, t0);
		t0 = Date.now();
		channels.nuvemshop.put(nuvemshopSale(450789100, SKUS.shirt, 1, 'pending', 'cancelled'));
		await tick(ids.import);
		await levelIs(SKUS.shirt, { onHand: 8, reserved: 0, available: 8 });
		timings.cancelToEveryChannelForcedTickMs = await everyChannelShows(SKUS.shirt, 8, t0);
	});
});

describe('wave-2 channels in a real n8n', () => {
	// n8n starts in beforeAll: the tests reach it through these functions, not through a value read now.
	wave2ChannelTests({ channels: () => wave2, n8n: { activate: (id) => n8n.activate(id), deactivate: (id) => n8n.deactivate(id) }, tick, levelIs });

	test('Configurable HTTP: the definition field and the credential header drive the poll; a paid order is reserved', async () => {
		httpChan.put(httpOrder({ id: 7001, updatedAt: new Date(Date.now() - 60_000).toISOString(), items: [{ sku: 'HTTP-CUP', quantity: '2', price: '29.90', product_id: 41 }] }));
		await n8n.activate(ids.http);
		await tick(ids.http);
		await levelIs('HTTP-CUP', { reserved: 2 });
		// The credential's authenticate() set the configured header on every read, and the definition's query went along.
		const reads = httpChan.requests(/\/api\/v1\/orders$/);
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.every((r) => r.headers['x-api-key'] === 'e2e-http-key' && r.query.get('sort') === 'id')).toBe(true);
		await n8n.deactivate(ids.http);
	});

	test('OpenCart: the definition logs in (a form POST through n8n), lists with the api_token, and a Processing order is reserved', async () => {
		openCart.put({ id: 7101, updatedAt: new Date(Date.now() - 60_000).toISOString(), statusId: 2, products: [{ sku: 'OC-MUG', quantity: 3, price: '39.9000', productId: 77 }] });
		await n8n.activate(ids.opencart);
		await tick(ids.opencart);
		await levelIs('OC-MUG', { reserved: 3 });
		const logins = openCart.requests().filter((r) => r.method === 'POST' && r.query.get('route') === 'api/login');
		expect(logins.length).toBeGreaterThan(0);
		expect(Object.fromEntries(new URLSearchParams(logins[0].rawBody))).toEqual({ username: 'Default', key: 'chave-api-256' });
		const reads = openCart.requests().filter((r) => r.method === 'GET' && r.query.get('route') === 'extension/feed/gss_api/orders');
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.every((r) => /^[0-9a-f]{26}$/.test(r.query.get('api_token') ?? '') && r.headers.authorization === undefined)).toBe(true);
		await n8n.deactivate(ids.opencart);
	});
});

test('a channel answering 429 then 200 loses nothing', async () => {
	const before = channels.woo.requests(/\/orders$/).length;
	channels.woo.injectFault({ kind: 'status', status: 429, retryAfter: '1' }, /\/wp-json\/wc\/v3\/orders$/);
	channels.woo.put(wooSale(9002, SKUS.cap, 1, 'processing'));
	await tick(ids.import);
	await levelIs(SKUS.cap, { onHand: 5, reserved: 1, available: 4 });
	// The 429 was answered (a request consumed it) and a later request got the order.
	expect(channels.woo.requests(/\/orders$/).length - before).toBeGreaterThanOrEqual(2);
	await everyChannelShows(SKUS.cap, 4, Date.now());
});

describe('write-back on every channel', () => {
	test('Status Sync is loaded by n8n', () => {
		expect(nodeTypes.map((t) => t.name)).toContain(STATUS_SYNC);
	});
});

/**
 * The shipped templates themselves, as imported (credentials resolved by name to the ones created above), with
 * only the nodes of the channels the suite does not simulate (Mercado Livre, Shopify) removed as start.js does.
 * Template 1 has no VTEX nodes: its "every channel" is WooCommerce and Nuvemshop. Poll times stay as shipped
 * (15 minutes); ticks are forced by deactivate/activate.
 */
describe('the templates, run as shipped', () => {
	const tplId = async (file: string) => {
		const { name } = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8'));
		const wf = (await n8n.listWorkflows()).find((w: { name: string }) => w.name === name);
		if (!wf) throw new Error(`template "${name}" is not imported`);
		return String(wf.id);
	};
	const sales = { woo: 9101, nuvemshop: 450789300, unpaid: 9201, oversold: 9202, lost: 9203 };
	/** The items a node output on its first run (main output 0); undefined when the node did not run. */
	const out = (run: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: object }> | null> } }>> }, node: string) =>
		run.runData[node]?.[0]?.data?.main?.[0]?.map((i) => i.json);
	/** A sale applied by the duplicate poller (Apply only, no push): the store changes, no channel is told. */
	const applyWithoutPush = async (sale: ReturnType<typeof wooSale>, sku: string, want: Partial<StockLevel>) => {
		channels.woo.put(sale);
		await n8n.activate(ids.dup);
		try {
			await levelIs(sku, want);
		} finally {
			await n8n.deactivate(ids.dup);
		}
	};
	/** Runs the stored template now from its schedule trigger (the editor's "Execute workflow"), to its end. */
	const runNow = async (id: string, trigger: string) => {
		const run = await n8n.finishedExecution(await n8n.runFromTrigger(id, trigger));
		expect([run.status, run.error?.message]).toEqual(['success', undefined]);
		return run;
	};
	const simulatedShows = (sku: string, quantity: number) =>
		waitFor(`WooCommerce and Nuvemshop showing ${quantity} × ${sku}`, () => {
			const s = channels.stock(sku);
			return s.woocommerce === quantity && s.nuvemshop === quantity ? true : undefined;
		});

	test('template 1 (Import Orders and Sync Stock): a sale on each simulated channel is reserved and published on both', async () => {
		await n8n.deactivate(ids.import); // only the template polls from here on
		const id = await tplId('01-multichannel-import-and-stock-sync.json');
		const kept = await dropNodes(n8n, id);
		expect(kept.filter((n) => UNSIMULATED.test(n))).toEqual([]);
		expect(kept).toEqual(expect.arrayContaining(['WooCommerce Orders', 'Nuvemshop Orders', 'Apply Orders to Stock', 'Push Stock to WooCommerce', 'Push Stock to Nuvemshop', 'Report Malformed Order']));
		const stored = await n8n.getWorkflow(id);
		for (const n of stored.nodes as Array<{ name: string; credentials?: Record<string, { id: string | null }> }>)
			for (const [type, c] of Object.entries(n.credentials ?? {})) expect([n.name, type, Boolean(c.id)]).toEqual([n.name, type, true]);
		let t0 = Date.now();
		await n8n.activate(id); // first poll of each trigger: seeds its cursor at now (no importSince in the template)
		timings.template1ActivateMs = Date.now() - t0;
		await sleep(1100); // Woo dates have one-second precision: the sale must be strictly after the seed
		const shirt = (await level(SKUS.shirt))!;
		const cap = (await level(SKUS.cap))!;

		t0 = Date.now();
		channels.woo.put(wooSale(sales.woo, SKUS.shirt, 1, 'pending'));
		await tick(id);
		await levelIs(SKUS.shirt, { onHand: shirt.onHand, reserved: shirt.reserved + 1, available: shirt.available - 1 });
		await simulatedShows(SKUS.shirt, shirt.available - 1);
		timings.template1WooSaleToChannelsMs = Date.now() - t0;

		t0 = Date.now();
		channels.nuvemshop.put(nuvemshopSale(sales.nuvemshop, SKUS.cap, 1, 'pending'));
		await tick(id);
		await levelIs(SKUS.cap, { onHand: cap.onHand, reserved: cap.reserved + 1, available: cap.available - 1 });
		await simulatedShows(SKUS.cap, cap.available - 1);
		timings.template1NuvemshopSaleToChannelsMs = Date.now() - t0;
		const failed = (await n8n.executions(id)).filter((e: { status: string }) => e.status !== 'success');
		expect(failed).toEqual([]);
		// Each execution says which orders and SKUs it handled (n8n custom execution data, searchable in the list).
		const saved = await Promise.all((await n8n.executions(id)).map((e: { id: string }) => n8n.execution(String(e.id))));
		const highlighted = saved.map((e: { customData?: Record<string, string> }) => e.customData ?? {});
		expect(highlighted).toEqual(expect.arrayContaining([expect.objectContaining({ orders: `woocommerce:${sales.woo}`, skus: SKUS.shirt })]));
		expect(highlighted).toEqual(expect.arrayContaining([expect.objectContaining({ orders: `nuvemshop:${sales.nuvemshop}`, skus: SKUS.cap })]));
		await n8n.deactivate(id);
	});

	test('template 2 (Invoice and Shipment Write-Back): the invoiced order is committed and its NF-e and tracking reach the channel', async () => {
		const id = await tplId('02-invoice-and-shipment-write-back.json');
		await dropNodes(n8n, id);
		await n8n.activate(id);
		const reservations = await store!.listReservations();
		const keyOf = (channel: string, orderId: number) => reservations.find((r) => r.orderKey.startsWith(`${channel}:`) && r.orderKey.endsWith(`:${orderId}`))?.orderKey;
		const wooKey = keyOf('woocommerce', sales.woo);
		const nuvemKey = keyOf('nuvemshop', sales.nuvemshop);
		expect([wooKey, nuvemKey].every(Boolean)).toBe(true);
		// Production URL. Right after activation n8n may still answer 404 "not registered" for a moment; a 404
		// ran nothing, so it is retried.
		const send = (body: object, secret?: string) =>
			waitFor('the production webhook', async () => {
				const headers: Record<string, string> = { 'content-type': 'application/json' };
				if (secret !== undefined) headers[WEBHOOK_SECRET.header] = secret;
				const res = await fetch(`${n8n.baseUrl}/webhook/oms-invoice-shipment`, { method: 'POST', headers, body: JSON.stringify(body) });
				return res.status === 404 ? undefined : res;
			}, 15_000);
		const post = async (body: object) => {
			const r = await send(body, WEBHOOK_SECRET.value);
			expect([r.status, (await r.text()).slice(0, 300)]).toEqual([200, expect.anything()]);
		};

		// A forged post (no secret, a wrong one) is refused and moves no stock.
		const before = await level(SKUS.shirt);
		const forged = invoicedOrder('woocommerce', channels.woo.orders.get(sales.woo), accountOf(wooKey!), { number: 1234, series: 1 }, 'AA123456789BR');
		for (const secret of [undefined, 'guess']) expect((await send(forged, secret)).status).toBe(403);
		await sleep(500);
		expect(await level(SKUS.shirt)).toEqual(before);

		// WooCommerce: NF-e and tracking as customer notes, the order completed.
		const shirt = (await level(SKUS.shirt))!;
		let t0 = Date.now();
		await post(invoicedOrder('woocommerce', channels.woo.orders.get(sales.woo), accountOf(wooKey!), { number: 1234, series: 1 }, 'AA123456789BR'));
		await levelIs(SKUS.shirt, { onHand: shirt.onHand - 1, reserved: shirt.reserved - 1, available: shirt.available });
		const notes = await waitFor('the NF-e and tracking notes on WooCommerce', () => {
			const n = channels.woo.notes.get(sales.woo) ?? [];
			return n.length >= 2 ? n : undefined;
		});
		expect(notes.map((n) => n.note)).toEqual([expect.stringMatching(/^NF-e 1234 série 1 \| chave 35\d{42} \|/), expect.stringMatching(/^Enviado por Correios \| rastreio AA123456789BR/)]);
		expect(notes.every((n) => n.customer_note)).toBe(true);
		expect(channels.woo.orders.get(sales.woo)?.status).toBe('completed');
		timings.template2WooMs = Date.now() - t0;

		// Nuvemshop: NF-e key and link as "nfe" metafields, the order fulfilled with its tracking code.
		const cap = (await level(SKUS.cap))!;
		t0 = Date.now();
		await post(invoicedOrder('nuvemshop', channels.nuvemshop.orders.get(sales.nuvemshop), accountOf(nuvemKey!), { number: 1235, series: 2 }, 'BB987654321BR'));
		await levelIs(SKUS.cap, { onHand: cap.onHand - 1, reserved: cap.reserved - 1, available: cap.available });
		await waitFor('the Nuvemshop order fulfilled', () => (channels.nuvemshop.orders.get(sales.nuvemshop)?.shipping_status === 'fulfilled' ? true : undefined));
		const mf = channels.nuvemshop.metafields.filter((m) => m.owner_id === sales.nuvemshop);
		expect(mf).toEqual([
			expect.objectContaining({ namespace: 'nfe', key: 'key', owner_resource: 'Order', value: expect.stringMatching(/^35\d{42}$/) }),
			expect.objectContaining({ namespace: 'nfe', key: 'link', value: 'https://nfe.example.com.br/danfe/1235' }),
		]);
		expect(channels.nuvemshop.orders.get(sales.nuvemshop)).toMatchObject({ shipping_tracking_number: 'BB987654321BR' });
		timings.template2NuvemshopMs = Date.now() - t0;

		// A refused document is a failed run (so the Error workflow alerts), not an error item inside a green one.
		const typo = invoicedOrder('woocommerce', channels.woo.orders.get(sales.woo), accountOf(wooKey!), { number: 1234, series: 1 }, 'AA123456789BR');
		typo.invoice!.nfeKey = `${typo.invoice!.nfeKey!.slice(0, 43)}${(Number(typo.invoice!.nfeKey!.slice(43)) + 1) % 10}`;
		await post(typo);
		const runs = await waitFor('three template-2 executions', async () => {
			const e = await n8n.executions(id);
			return e.length >= 3 && e.every((x: { finished?: boolean; status: string }) => x.status !== 'running' && x.status !== 'new') ? e : undefined;
		});
		expect(runs.map((e: { status: string }) => e.status).sort()).toEqual(['error', 'success', 'success']);
		const failed = await n8n.finishedExecution(String(runs.find((e: { status: string }) => e.status === 'error').id));
		expect(failed.error?.message).toMatch(/^Order woocommerce:.*9101 was not updated on the channel: NF-e key .*check digit/);
		expect((channels.woo.notes.get(sales.woo) ?? []).length).toBe(2);
		await n8n.deactivate(id);
	});

	test('template 3 (Nightly Maintenance), run now from its schedule: a lost order re-imported, a fresh unpaid reservation kept, no drift, changed stock re-published', async () => {
		const id = await tplId('03-nightly-maintenance.json');
		const kept = await dropNodes(n8n, id);
		expect(kept).toEqual(expect.arrayContaining(['Every Night at 3', 'Re-Import Last 24 h from WooCommerce', 'Re-Import Last 24 h from Nuvemshop', 'Apply Re-Imported Orders', 'Release Unpaid Reservations', 'Check Stock Figures', 'Push Stock to WooCommerce', 'Push Stock to Nuvemshop', 'Differences Found?']));
		const shirt = (await level(SKUS.shirt))!;
		const cap = (await level(SKUS.cap))!;
		const published = channels.stock(SKUS.shirt);
		await applyWithoutPush(wooSale(sales.unpaid, SKUS.shirt, 1, 'pending'), SKUS.shirt, { onHand: shirt.onHand, reserved: shirt.reserved + 1, available: shirt.available - 1 });
		expect(channels.stock(SKUS.shirt)).toEqual(published); // not yet on any channel
		// A sale whose run failed after its trigger emitted it: on the channel, never in the store.
		channels.woo.put(wooSale(sales.lost, SKUS.cap, 1, 'processing'));

		const t0 = Date.now();
		const run = await runNow(id, 'Every Night at 3');
		timings.template3RunMs = Date.now() - t0;
		// Re-import: every order of the last 24 h read again; only the lost one changes the stock, once.
		const reapplied = [...(run.runData['Apply Re-Imported Orders'] ?? [])].flatMap((r) => r.data?.main?.[0]?.map((i: { json: object }) => i.json as { channelOrderId: string; outcome: string }) ?? []);
		expect(reapplied.filter((r) => r.outcome === 'applied').map((r) => r.channelOrderId)).toEqual([String(sales.lost)]);
		expect(reapplied.length).toBeGreaterThan(1);
		expect(await level(SKUS.cap)).toMatchObject({ onHand: cap.onHand, reserved: cap.reserved + 1 });
		// Expire: the unpaid order reserved seconds ago is younger than 72 h, nothing is released (one empty item:
		// the node always outputs data) and its reservation is still held.
		expect(out(run, 'Release Unpaid Reservations')).toEqual([{}]);
		const held = (await store!.listReservations()).filter((r) => r.orderKey.startsWith('woocommerce:') && r.orderKey.endsWith(`:${sales.unpaid}`));
		expect(held).toHaveLength(1);
		// Reconcile (report only): the counters agree with the ledger, so the alert branch does not run.
		expect(out(run, 'Check Stock Figures')).toEqual([expect.objectContaining({ drift: [], repaired: false, checkedSkus: expect.any(Number) })]);
		expect(run.runData['Compose Drift Alert']).toBeUndefined();
		expect(run.runData['Send Alert (Replace with Email or Chat)']).toBeUndefined();
		// Push (changed since last push): the sale the poller applied without pushing now reaches both channels.
		expect(Object.keys(run.runData)).toEqual(expect.arrayContaining(['Push Stock to WooCommerce', 'Push Stock to Nuvemshop']));
		await simulatedShows(SKUS.shirt, shirt.available - 1);
		expect(await level(SKUS.shirt)).toMatchObject({ onHand: shirt.onHand, reserved: shirt.reserved + 1, available: shirt.available - 1 });
	});

	test('template 4 (Oversold and Error Alerts), run now from its schedule: the oversold SKU reaches the alert node', async () => {
		const id = await tplId('04-oversold-and-error-alerts.json');
		expect((await n8n.getWorkflow(id)).nodes.filter((n: { name: string }) => UNSIMULATED.test(n.name))).toEqual([]);
		const cap = (await level(SKUS.cap))!;
		const quantity = cap.available + 2; // two more than can be sold: a marketplace cannot refuse the order
		await applyWithoutPush(wooSale(sales.oversold, SKUS.cap, quantity, 'processing'), SKUS.cap, { onHand: cap.onHand, reserved: cap.reserved + quantity, available: -2 });

		const t0 = Date.now();
		const run = await runNow(id, 'Every 15 Minutes');
		timings.template4RunMs = Date.now() - t0;
		expect(out(run, 'Stock of All Products')).toEqual(expect.arrayContaining([expect.objectContaining({ sku: SKUS.shirt }), expect.objectContaining({ sku: SKUS.cap })]));
		// Every SKU the store shows below zero is alerted: CAP-01 here, and the wave-2 tests' SKUs sold without a count.
		const levels = await store!.getAvailability();
		const oversold = levels.filter((l) => l.available < 0);
		expect(out(run, 'Oversold Only')).toContainEqual(expect.objectContaining({ sku: SKUS.cap, warehouse: 'default', available: -2 }));
		expect((out(run, 'Oversold Only') ?? []).map((l) => (l as { sku: string }).sku).sort()).toEqual(oversold.map((l) => l.sku).sort());
		// Low stock (threshold 5 for every SKU): the counted SKUs from 0 to 4 available, oversold ones left to their own alert.
		const low = levels.filter((l) => l.stocked && l.available >= 0 && l.available < 5);
		expect((out(run, 'Low Stock') ?? []).map((l) => (l as { sku: string }).sku).sort()).toEqual(low.map((l) => l.sku).sort());
		const alerts = (run.runData['Send Alert (Replace with Email or Chat)'] ?? []).flatMap((r: { data?: { main?: Array<Array<{ json: object }> | null> } }) => r.data?.main?.[0]?.map((i) => i.json) ?? []);
		expect(alerts).toContainEqual({
			subject: `OMS: oversold ${SKUS.cap}`,
			text: `SKU ${SKUS.cap} (warehouse default) is oversold: available -2, on hand ${cap.onHand}, reserved ${cap.reserved + quantity}. Buy or move stock, or cancel an order.`,
		});
		for (const l of low) expect(alerts).toContainEqual(expect.objectContaining({ subject: `OMS: low stock ${l.sku}` }));
		for (const l of oversold) expect(alerts).toContainEqual(expect.objectContaining({ subject: `OMS: oversold ${l.sku}` }));
		expect(alerts).toHaveLength(oversold.length + low.length);
		expect(run.runData['Compose Error Alert']).toBeUndefined();
	});

	// One context for the template test modules. Getters: n8n and the simulators exist only once beforeAll has run.
	const suite = {
		get n8n() {
			return n8n;
		},
		get channels() {
			return channels;
		},
		store: () => store!,
		level,
		levelIs,
		tplId,
		timings,
		login: DASHBOARD_LOGIN,
	};

	describe('template 7 (dashboard page)', () => {
		dashboardTemplateTests(suite);
	});

	describe('template 5 (webhooks) with template 1 as its reconciler', () => {
		webhookTemplateTests(suite);
	});

	describe('template 9 (Link Unlinked Listings)', () => {
		linkTemplateTests(suite);
	});
});

/**
 * Intake throughput of the poll path: a 1,000-order backlog on WooCommerce, one activation tick of the
 * duplicate poller (trigger → OMS Store Apply). Measured from the activation call to the end of the
 * execution that applied the orders; printed, not asserted against a time.
 */
// Last: its 1,000 orders would otherwise be re-read by the templates' triggers and the nightly re-import.
// (OMS_E2E_BULK_FIRST=1 runs it first instead, to check the templates with a backlog in the channel.)
const bulkFirst = process.env.OMS_E2E_BULK_FIRST === '1';
(bulkFirst ? (fn: () => void) => fn() : (fn: () => void) => describe('intake throughput', fn))(() => {
	test('one poll tick imports a 1,000-order backlog: every order reserved once (orders per second printed)', async () => {
		const N = 1000;
		const SKU = 'E2E-BULK';
		const at = new Date();
		for (let i = 0; i < N; i++) channels.woo.put(wooSale(30000 + i, SKU, 1, 'processing', at));
		const before = new Set((await n8n.executions(ids.dup)).map((e: { id: string }) => String(e.id)));
		const t0 = Date.now();
		await n8n.activate(ids.dup);
		try {
			await levelIs(SKU, { reserved: N });
		} finally {
			await n8n.deactivate(ids.dup);
		}
		const runs = (await n8n.executions(ids.dup)).filter((e: { id: string }) => !before.has(String(e.id)));
		expect(runs.map((e: { status: string }) => e.status)).toEqual(runs.map(() => 'success'));
		const ended = Math.max(...runs.map((e: { stoppedAt: string }) => Date.parse(e.stoppedAt)));
		const applyMs = runs.reduce((sum: number, e: { startedAt: string; stoppedAt: string }) => sum + Date.parse(e.stoppedAt) - Date.parse(e.startedAt), 0);
		const reserves = (await store!.listLedger({ sku: SKU, limit: 5000 })).filter((e) => e.reason === 'reserve');
		expect(reserves).toHaveLength(N);
		timings.bulkTickMs = ended - t0;
		timings.bulkApplyExecutionMs = applyMs;
		const perSecond = Math.round((N / (ended - t0)) * 1000);
		process.stdout.write(`\n[e2e] poll intake: ${N} WooCommerce orders in ${ended - t0} ms from activation to applied (${perSecond} orders/s; executions ${runs.length}, ${applyMs} ms of them in the workflow)\n`);
	});
});
