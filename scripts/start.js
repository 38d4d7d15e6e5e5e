#!/usr/bin/env node
// `npm start`: a local n8n with this package installed (packed and installed like a community package), the
// OMS Store on SQLite, the workflow templates imported and activated, and channel simulators on 127.0.0.1
// generating orders. State lives in .tmp/n8n-start (git-ignored); delete it to start afresh.
//   env N8N_PORT (default 5678), OMS_ORDER_EVERY_SECONDS (default 30).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ensureN8n } = require('./n8n-cache');
const crypto = require('node:crypto');
const { packAndInstall } = require('./pack-and-install');
const { N8nInstance, OWNER } = require('./lib/n8n-instance');

const ROOT = path.resolve(__dirname, '..');
const STATE = path.join(ROOT, '.tmp', 'n8n-start');
const TEMPLATES = path.join(ROOT, 'workflows-templates');
const PORT = Number(process.env.N8N_PORT || 5678);
const ORDER_EVERY_MS = Number(process.env.OMS_ORDER_EVERY_SECONDS || 30) * 1000;

// The simulators are TypeScript test helpers: transpile on require, like the store workers do.
require('../test/store/workers/ts-hook.js');
const { WooCommerceSimulator, wooOrder } = require('../test/simulators/woocommerce.ts');
const { NuvemshopSimulator, nuvemshopOrder } = require('../test/simulators/nuvemshop.ts');

const log = (m) => process.stdout.write(`[start] ${m}\n`);
const SKUS = ['SHIRT-M', 'SHIRT-L', 'CAP-01'];

async function simulators() {
	const woo = new WooCommerceSimulator({ consumerKey: 'ck_local', consumerSecret: 'cs_local' });
	const nuvemshop = new NuvemshopSimulator({ storeId: '123456', accessToken: 'local-token' });
	SKUS.forEach((sku, i) => {
		woo.putProduct?.({ id: 500 + i, name: sku, sku, type: 'simple', parent_id: 0, manage_stock: true, stock_quantity: 0, stock_status: 'outofstock' });
		nuvemshop.putProduct?.({ id: 1200 + i, name: { pt: sku }, variants: [{ id: 12000 + i, product_id: 1200 + i, sku, inventory_levels: [{ id: 1, location_id: '01LOC', stock: 0 }] }] });
	});
	await woo.start();
	await nuvemshop.start();
	let n = 0;
	const gmt = (d) => d.toISOString().slice(0, 19);
	setInterval(() => {
		n++;
		const sku = SKUS[n % SKUS.length];
		const q = 1 + (n % 2);
		if (n % 2) woo.put(wooOrder({ id: 7000 + n, status: n % 3 ? 'processing' : 'pending', modifiedGmt: gmt(new Date()), lines: [{ sku, quantity: q, subtotal: (49.9 * q).toFixed(2), productId: 500 + SKUS.indexOf(sku) }] }));
		else nuvemshop.put(nuvemshopOrder({ id: 450789000 + n, updatedAt: new Date().toISOString(), paymentStatus: n % 3 ? 'paid' : 'pending', products: [{ sku, quantity: q, price: '49.90', productId: 1200 + SKUS.indexOf(sku), variantId: 12000 + SKUS.indexOf(sku) }] }));
		log(`simulated order #${n}: ${q} × ${sku} on ${n % 2 ? 'WooCommerce' : 'Nuvemshop'}`);
	}, ORDER_EVERY_MS).unref?.();
	return { woo, nuvemshop };
}

async function main() {
	ensureN8n();
	const fresh = !fs.existsSync(path.join(STATE, '.n8n', 'database.sqlite'));
	log('building, packing and installing the package');
	const { pkgDir } = packAndInstall(STATE);
	const sims = await simulators();
	log(`simulators: WooCommerce ${sims.woo.baseUrl}, Nuvemshop ${sims.nuvemshop.baseUrl}`);
	const n8n = new N8nInstance({ userFolder: STATE, port: PORT, listen: '0.0.0.0' });
	await n8n.start();
	await n8n.signIn();
	// Simulator ports change on every start: (re)create the credentials with the names the templates use.
	const existing = await n8n.rest('GET', '/rest/credentials');
	for (const c of existing.filter((c) => ['OMS Store', 'WooCommerce account', 'Nuvemshop account'].includes(c.name))) await n8n.rest('DELETE', `/rest/credentials/${c.id}`);
	await n8n.createCredential('OMS Store', 'omsStoreApi', { storeType: 'sqlite', sqlitePath: path.join(STATE, 'oms.sqlite') });
	await n8n.createCredential('WooCommerce account', 'wooCommerceOmsApi', { siteUrl: sims.woo.baseUrl, consumerKey: 'ck_local', consumerSecret: 'cs_local' });
	await n8n.createCredential('Nuvemshop account', 'nuvemshopOmsApi', { storeId: '123456', accessToken: 'local-token', userAgent: 'OMS local (dev@oms.local)', platform: 'nuvemshop', baseUrl: `${sims.nuvemshop.baseUrl}/v1` });
	// Template 2's webhook requires a secret header: one random secret per local setup, kept across starts.
	const secretFile = path.join(STATE, 'webhook-secret.txt');
	if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
	const webhookSecret = fs.readFileSync(secretFile, 'utf8').trim();
	if (!existing.some((c) => c.name === 'OMS Webhook Secret')) await n8n.createCredential('OMS Webhook Secret', 'httpHeaderAuth', { name: 'X-OMS-Secret', value: webhookSecret });
	if (fresh) {
		// A first stock count, as the ERP would send it, so the demo has stock to reserve and push.
		const { createStore } = require(path.join(pkgDir, 'dist', 'core', 'store', 'open.js'));
		const store = createStore({ driver: 'sqlite', path: path.join(STATE, 'oms.sqlite') });
		await store.setOnHand(SKUS.map((sku) => ({ sku, onHand: 50, ref: 'demo-initial-count', reason: 'initial count (npm start)' })));
		await store.close();
		log(`stock counted: 50 of each of ${SKUS.join(', ')}`);
		await n8n.stop(); // CLI import with n8n stopped (n8n-io/n8n#35251)
		for (const f of fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'))) await n8n.cli(['import:workflow', `--input=${path.join(TEMPLATES, f)}`]);
		await n8n.start();
		await n8n.signIn();
	}
	// The templates list four channels; the local setup simulates two: drop the others' nodes. The templates
	// poll every 15 minutes; the demo polls every minute so a newcomer sees orders flow. Then activate.
	for (const wf of await n8n.listWorkflows()) {
		const full = await n8n.getWorkflow(wf.id);
		const keep = full.nodes
			.filter((node) => !/Mercado Livre|Shopify/.test(node.name))
			.map((node) => (node.parameters?.pollTimes ? { ...node, parameters: { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } } } : node));
		const polls = full.nodes.some((node) => node.parameters?.pollTimes && JSON.stringify(node.parameters.pollTimes) !== '{"item":[{"mode":"everyMinute"}]}');
		if (keep.length !== full.nodes.length || polls) {
			const names = new Set(keep.map((n) => n.name));
			const connections = Object.fromEntries(Object.entries(full.connections).filter(([from]) => names.has(from)).map(([from, c]) => [from, { main: c.main.map((out) => (out || []).filter((l) => names.has(l.node))) }]));
			await n8n.rest('PATCH', `/rest/workflows/${wf.id}`, { nodes: keep, connections, versionId: full.versionId });
		}
		if (full.nodes.some((node) => node.type === 'n8n-nodes-oms.omsWebhookTrigger')) {
			// Channels deliver webhooks to a public HTTPS address only: left inactive in the local demo.
			log(`not activated: ${wf.name} (channel webhooks need a public https address: set WEBHOOK_URL)`);
			continue;
		}
		try {
			await n8n.activate(wf.id);
			log(`active: ${wf.name}`);
		} catch (e) {
			log(`could not activate "${wf.name}": ${e.message.slice(0, 300)}`);
		}
	}
	log(`write-back webhook: POST http://localhost:${PORT}/webhook/oms-invoice-shipment with header X-OMS-Secret: ${webhookSecret}`);
	log(`n8n is running: http://localhost:${PORT}  login ${OWNER.email} / ${OWNER.password}`);
	log(`a simulated order every ${ORDER_EVERY_MS / 1000} s; Ctrl+C stops everything`);
	const stop = async () => {
		await n8n.stop();
		await sims.woo.stop();
		await sims.nuvemshop.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	process.stderr.write(`[start] ${e.stack || e.message}\n`);
	process.exit(1);
});
