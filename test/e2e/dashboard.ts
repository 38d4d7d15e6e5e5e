import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { OmsStore } from '../../core/store/types';

/**
 * Template 7 (the dashboard page) in the real n8n, opened in headless Chromium (Debian's `chromium`, driven by
 * playwright-core): the login is required, the numbers on the page are the store's, and a screenshot is saved
 * outside the repository (OMS_E2E_ARTIFACTS, or a temporary folder; the path is printed).
 */

interface N8n {
	baseUrl: string;
	activate(id: string): Promise<unknown>;
	deactivate(id: string): Promise<unknown>;
}

export interface DashboardSuite {
	n8n: N8n;
	store: () => OmsStore;
	tplId(file: string): Promise<string>;
	timings: Record<string, number>;
	login: { user: string; password: string };
}

/** Debian's package installs /usr/bin/chromium; CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
	for (const p of candidates) if (fs.existsSync(p)) return p;
	try {
		return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error('Chromium is not installed: `apt-get install chromium` (Debian) or set CHROMIUM_PATH');
	}
}

const OPEN = ['pending_payment', 'paid', 'invoiced'] as const;

export function dashboardTemplateTests(s: DashboardSuite): void {
	test('template 7 (Dashboard Page): the login is required, the page shows the store\'s numbers, a screenshot is saved', async () => {
		const id = await s.tplId('07-dashboard-page.json');
		await s.n8n.activate(id);
		const url = `${s.n8n.baseUrl}/webhook/oms-painel`;
		try {
			expect((await fetch(url)).status).toBe(401);
			const wrong = Buffer.from(`${s.login.user}:wrong`).toString('base64');
			expect((await fetch(url, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(401);

			const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
			try {
				const context = await browser.newContext({ httpCredentials: { username: s.login.user, password: s.login.password }, viewport: { width: 1280, height: 900 } });
				const page = await context.newPage();
				const t0 = Date.now();
				const res = await page.goto(url, { waitUntil: 'load' });
				s.timings.dashboardPageMs = Date.now() - t0;
				expect(res?.status()).toBe(200);
				expect(await page.title()).toBe('Painel do OMS');
				// Nothing on the page asks for another resource (no scripts, no assets).
				expect(await page.locator('script, img, link[rel=stylesheet]').count()).toBe(0);

				// Stock: every SKU of the store, with its three numbers.
				const levels = (await s.store().getAvailability()).sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse));
				const rows = await page.locator('#stock tr[data-sku]').evaluateAll((trs) =>
					trs.map((tr) => {
						const f = (name: string) => Number(tr.querySelector(`[data-field="${name}"]`)!.textContent);
						return { sku: tr.getAttribute('data-sku'), warehouse: tr.getAttribute('data-warehouse'), onHand: f('onHand'), reserved: f('reserved'), available: f('available') };
					}));
				expect(rows).toEqual(levels.map((l) => ({ sku: l.sku, warehouse: l.warehouse, onHand: l.onHand, reserved: l.reserved, available: l.available })));
				expect(rows.length).toBeGreaterThan(0);

				// What each channel shows: the value the store recorded as published.
				const pushes = await s.store().pushStatus({ limit: 10_000 });
				const shown = await page.locator('#stock td[data-channel]').evaluateAll((tds) =>
					tds.map((td) => ({ sku: td.closest('tr')!.getAttribute('data-sku'), channel: td.getAttribute('data-channel'), text: td.textContent })));
				for (const p of pushes.filter((e) => e.warehouse === 'default' && e.pushedValue !== null)) {
					const cell = shown.find((c) => c.sku === p.sku && c.channel === p.channel);
					expect([p.channel, p.sku, cell?.text?.split(' ')[0]]).toEqual([p.channel, p.sku, String(p.pushedValue)]);
				}
				expect(pushes.length).toBeGreaterThan(0);

				// Oversold SKUs and open orders by status, as the store lists them.
				const oversold = await page.locator('#oversold tr[data-sku]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sku')));
				expect(oversold.sort()).toEqual(levels.filter((l) => l.stocked && l.available < 0).map((l) => l.sku).sort());
				for (const status of OPEN) {
					let count = 0, after: string | undefined;
					do {
						const pageOf = await s.store().listOrders({ status, limit: 10_000, afterKey: after });
						count += pageOf.orders.length;
						after = pageOf.nextAfterKey ?? undefined;
					} while (after);
					expect([status, Number(await page.locator(`#open-orders tr[data-status="${status}"] [data-field="total"]`).textContent())]).toEqual([status, count]);
				}
				expect(await page.locator('[data-kpi="sales"] b').textContent()).toMatch(/^R\$ \d{1,3}(\.\d{3})*,\d{2}$/);
				expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(2);

				const dir = process.env.OMS_E2E_ARTIFACTS || fs.mkdtempSync(path.join(os.tmpdir(), 'oms-e2e-artifacts-'));
				fs.mkdirSync(dir, { recursive: true });
				const shot = path.join(dir, 'dashboard.png');
				await page.screenshot({ path: shot, fullPage: true });
				expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
				process.stdout.write(`\n[e2e] dashboard screenshot ${shot}\n`);
			} finally {
				await browser.close();
			}
		} finally {
			await s.n8n.deactivate(id);
		}
	});
}
