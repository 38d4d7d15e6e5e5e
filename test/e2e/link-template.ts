import { wooOrder } from '../simulators/woocommerce';
import { SKUS } from './channels';
import { dropNodes, UNSIMULATED } from './templates';
import type { WebhookSuite } from './webhook-template';

/**
 * Template 9 (Link Unlinked Listings) in the real n8n: a WooCommerce order whose line has no SKU is imported
 * by template 1, flagged and reserving nothing; the template's form (posted as a browser posts it, both
 * pages; the SKU picked from the page's drop-down) links the listing; the waiting units are reserved and the SKU is published to both its listings.
 */

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;

/** Template 5's suite state, with the executions' run data this test reads. */
export interface LinkSuite extends Omit<WebhookSuite, 'n8n'> {
	n8n: WebhookSuite['n8n'] & {
		execution(id: string): Promise<{ status: string; runData: RunData }>;
		finishedExecution(id: string): Promise<{ status: string; error?: { message?: string }; runData: RunData }>;
	};
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gmt = (d: Date) => d.toISOString().slice(0, 19);
const PRODUCT_WITHOUT_SKU = 777;
const ORDER_ID = 9701; // apart from the other tests' WooCommerce orders (9001…, 9101…, 9401, 9500–9523, 9601)

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, failFast = false): Promise<T> {
	const t0 = Date.now();
	let last: unknown;
	for (;;) {
		const v = await probe().catch((error: unknown) => {
			if (failFast && String(error).includes('before its closing page')) throw error;
			last = error;
			return undefined;
		});
		if (v !== undefined) return v;
		if (Date.now() - t0 > timeoutMs) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`);
		}
		await sleep(250);
	}
}

/** Posts a form page as n8n's form page script does: multipart, fields named field-<index>. */
async function postForm(url: string, values: string[]): Promise<Response> {
	const body = new FormData();
	values.forEach((v, i) => body.append(`field-${i}`, v));
	return await fetch(url, { method: 'POST', body });
}

export function linkTemplateTests(s: LinkSuite) {
	test('template 9 (Link Unlinked Listings): a line without SKU is flagged, linked through the form, then reserved and published on every listing of the SKU', async () => {
		const t1 = await s.tplId('01-multichannel-import-and-stock-sync.json');
		const id = await s.tplId('09-link-unlinked-listings.json');
		const kept = await dropNodes(s.n8n, id);
		expect(kept.filter((n) => UNSIMULATED.test(n))).toEqual([]);
		expect(kept).toEqual(expect.arrayContaining(['Open the Link Form', 'Unlinked Listings', 'Type the SKUs', 'Link Listings', 'Push Stock to WooCommerce', 'Push Stock to Nuvemshop']));

		// A listing on WooCommerce without a seller SKU, and a sale of it.
		s.channels.woo.putProduct({ id: PRODUCT_WITHOUT_SKU, name: 'Camiseta Azul M (sem SKU)', sku: '', type: 'simple', parent_id: 0, manage_stock: true, stock_quantity: 0, stock_status: 'outofstock' });
		await sleep(1100); // Woo dates have one-second precision: the sale must come after template 1's last poll
		s.channels.woo.put(wooOrder({ id: ORDER_ID, status: 'processing', modifiedGmt: gmt(new Date()), lines: [{ sku: '', quantity: 2, subtotal: '99.80', productId: PRODUCT_WITHOUT_SKU, name: 'Camiseta Azul M (sem SKU)' }] }));
		await s.n8n.deactivate(t1);
		await s.n8n.activate(t1); // one poll: the order is imported and applied
		const orderKey = await until('the order without SKU in the store', async () => (await s.store().listOrders({ channel: 'woocommerce' })).orders.find((o) => o.channelOrderId === String(ORDER_ID))?.orderKey);
		await s.n8n.deactivate(t1);
		const imported = (await s.store().getOrder(orderKey))!;
		expect(imported).toMatchObject({ status: 'paid', flags: ['unmapped_lines'], flagged: true, reserved: {} });
		expect(await s.store().listLedger({ orderKey })).toEqual([]); // the poll may move other orders' SHIRT units: this one moved none
		const before = (await s.level(SKUS.shirt))!;
		const waiting = await s.store().listUnlinked({ channel: 'woocommerce' });
		expect(waiting).toEqual([expect.objectContaining({ listingId: String(PRODUCT_WITHOUT_SKU), variantId: '', title: 'Camiseta Azul M (sem SKU)', quantity: 2, orders: [expect.objectContaining({ orderKey, quantity: 2 })] })]);

		// The form, as a person uses it: page 1 (no channel filter), page 2 lists the waiting listing; type the SKU.
		await s.n8n.activate(id);
		const t0 = Date.now();
		const formUrl = `${s.n8n.baseUrl}/form/oms-link-listings`;
		const page1 = await fetch(formUrl);
		expect(page1.status).toBe(200);
		expect(await page1.text()).toContain('Link listings to SKUs');
		const first = await postForm(formUrl, ['']);
		const { formWaitingUrl } = (await first.json()) as { formWaitingUrl: string };
		// n8n answers with its public URL (WEBHOOK_URL); the suite talks to the local port.
		const waitingUrl = new URL(formWaitingUrl);
		const local = new URL(`${waitingUrl.pathname}${waitingUrl.search}`, s.n8n.baseUrl);
		const executionId = waitingUrl.pathname.split('/').pop()!;
		const status = new URL(local);
		status.pathname += '/n8n-execution-status';
		await until('the second page', async () => ((await (await fetch(status)).text()).trim() === 'form-waiting' ? true : undefined));
		const page2 = await (await fetch(local)).text();
		expect(page2).toContain('Camiseta Azul M (sem SKU)');
		expect(page2).toContain('2 unit(s) waiting in 1 order(s)');
		// The page's fields follow the listings the form was built from.
		// Each listing has a text field and, with few SKUs known, a drop-down of them under it: this listing's SKU is
		// picked there (nothing typed), the others left at the drop-down's first entry.
		const built = (await s.n8n.execution(executionId)).runData['Build the Form'][0].data!.main![0]![0].json as { pick: string; listings: Array<{ listingId: string; pickLabel: string | null }> };
		const mine = built.listings.find((l) => l.listingId === String(PRODUCT_WITHOUT_SKU))!;
		expect(mine.pickLabel).toEqual(expect.stringContaining(`pick the SKU of listing ${PRODUCT_WITHOUT_SKU}`));
		expect(page2).toContain(`<option value='${SKUS.shirt}'`);
		const answers = built.listings.flatMap((l) => (l.listingId === mine.listingId ? ['', SKUS.shirt] : l.pickLabel ? ['', built.pick] : ['']));
		const second = await postForm(local.toString(), answers);
		expect(second.status).toBe(200);
		// The closing page (a waiting Form Ending node): the browser loads it, and its script POSTs to finish the run.
		const closing = await until('the closing page', async () => {
			const e = await s.n8n.execution(executionId);
			if (e.status !== 'waiting' && e.status !== 'running' && e.status !== 'new') {
				throw new Error(`execution ${executionId} ${e.status} before its closing page: ${JSON.stringify({ error: (e as { error?: unknown }).error, ran: Object.keys(e.runData) })}`);
			}
			// n8n leaves a request for a running execution unanswered: load the page once it waits at the Form Ending.
			if (e.status !== 'waiting') throw new Error(`execution ${e.status}`);
			const text = await (await fetch(local, { signal: AbortSignal.timeout(5000) })).text();
			if (text.includes('Listings linked')) return text;
			// Kept as the reason when the page never comes.
			throw new Error(JSON.stringify({ status: e.status, ran: Object.keys(e.runData), page: text.replace(/\s+/g, ' ').slice(0, 300) }));
		}, 30_000, true);
		expect(closing).toContain('1 listing(s) linked; 1 waiting order(s) now hold their stock.');
		expect((await fetch(local, { method: 'POST', body: '' })).status).toBe(200);
		const run = await s.n8n.finishedExecution(executionId);
		expect([run.status, run.error?.message]).toEqual(['success', undefined]);
		const linked = run.runData['Link Listings'][0].data!.main![0]!.map((i) => i.json);
		expect(linked).toEqual([expect.objectContaining({ channel: 'woocommerce', listingId: String(PRODUCT_WITHOUT_SKU), sku: SKUS.shirt, outcome: 'linked', orders: [expect.objectContaining({ orderKey })] })]);

		// Reserved once, the flag gone, and the SKU published on both its WooCommerce listings and on Nuvemshop.
		const after = await s.levelIs(SKUS.shirt, { onHand: before.onHand, reserved: before.reserved + 2 });
		await until('every listing showing the new availability', async () => {
			const shows = s.channels.stock(SKUS.shirt);
			const unlinkedListing = s.channels.woo.products.get(PRODUCT_WITHOUT_SKU)?.stock_quantity;
			return shows.woocommerce === after.available && shows.nuvemshop === after.available && unlinkedListing === after.available ? true : undefined;
		});
		s.timings.template9FormToChannelsMs = Date.now() - t0;
		expect(await s.store().getOrder(orderKey)).toMatchObject({ flags: [], flagged: false, reserved: { [SKUS.shirt]: 2 }, lastEvent: { outcome: 'linked' } });
		expect(await s.store().listUnlinked({ channel: 'woocommerce' })).toEqual([]);
		const ledger = (await s.store().listLedger({ orderKey })).map((e) => [e.reason, e.sku, e.deltaReserved]);
		expect(ledger).toEqual([['reserve', SKUS.shirt, 2]]);
		await s.n8n.deactivate(id);
	});
}
