import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import type { WriteOperation } from '../../core/channels/descriptor';
import { CHANNEL_IDS, CHANNELS } from '../../core/channels/registry';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { OmsWebhookTrigger } from '../../nodes/OmsWebhookTrigger/OmsWebhookTrigger.node';
import { credentialChoices, N8N_CHANNELS } from '../../nodes/shared/channels';

/**
 * The registry, package.json (what n8n loads), the nodes' literal credential lists and the README's channel
 * tables must name the same channels: a channel added in one place and forgotten in another fails here.
 */
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[]; nodes: string[] } };
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** dist/x/Y.js in package.json → the class its source x/Y.ts exports. */
async function load<T>(distPath: string): Promise<T> {
	const mod = (await import(join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts')))) as Record<string, new () => T>;
	const [Class] = Object.values(mod).filter((v) => typeof v === 'function' && /^class /.test(String(v)));
	return new Class();
}
let credentials: ICredentialType[];
let nodes: INodeType[];
beforeAll(async () => {
	credentials = await Promise.all(pkg.n8n.credentials.map((p) => load<ICredentialType>(p)));
	nodes = await Promise.all(pkg.n8n.nodes.map((p) => load<INodeType>(p)));
});

/** The rows of the README table whose header row starts with `header`, as trimmed cells. */
function table(header: string): string[][] {
	const lines = README.split('\n');
	const start = lines.findIndex((l) => l.startsWith(header));
	expect(start).toBeGreaterThanOrEqual(0);
	const rows: string[][] = [];
	for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i].split('|').slice(1, -1).map((c) => c.trim()));
	return rows;
}
const rowOf = (rows: string[][], label: string) => rows.filter((r) => r[0] === label || r[0].startsWith(`${label} /`));

describe('channel registry, package.json, nodes and README agree', () => {
	test('package.json lists every credential and node file in the source, and nothing else', () => {
		const sources = (dir: string, suffix: string) =>
			readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).map((f) => `dist/${dir}/${f.replace(/\.ts$/, '.js')}`);
		expect([...pkg.n8n.credentials].sort()).toEqual(sources('credentials', '.credentials.ts').sort());
		expect([...pkg.n8n.nodes].sort()).toEqual(sources('nodes', '.node.ts').sort());
	});

	test.each(CHANNEL_IDS)('%s: a credential and exactly one poll trigger in package.json', (id) => {
		const type = N8N_CHANNELS[id].credentialType;
		expect(credentials.map((c) => c.name)).toContain(type);
		const triggers = nodes.filter((n) => n.description.polling && n.description.credentials?.some((c) => c.name === type));
		expect(triggers).toHaveLength(1);
		expect(triggers[0].description.displayName).toBe(`${CHANNELS[id].label} Orders (OMS)`);
	});

	test.each(CHANNEL_IDS)('%s: OMS Status Sync names its label in the subtitle; the webhook trigger takes its credentials iff it has webhooks', (id) => {
		expect(new OmsStatusSync().description.subtitle).toContain(`${id}: "${CHANNELS[id].label}"`);
		const webhookCredentials = new OmsWebhookTrigger().description.credentials!.filter((c) => c.displayOptions?.show?.['/channel']);
		const listed = webhookCredentials.filter((c) => (c.displayOptions!.show!['/channel'] as string[]).includes(id));
		// Its own credential, and the other ones its Authentication field offers (Shopify, WooCommerce).
		const choices = credentialChoices(N8N_CHANNELS[id]).map((c) => c.credentialType);
		expect(listed.map((c) => c.name)).toEqual(CHANNELS[id].capabilities.webhooks ? choices : []);
	});

	test('the webhook trigger lists no credential of a channel that is not registered', () => {
		const named = new OmsWebhookTrigger().description.credentials!.flatMap((c) => (c.displayOptions?.show?.['/channel'] as string[] | undefined) ?? []);
		expect(named.filter((id) => !(CHANNEL_IDS as string[]).includes(id))).toEqual([]);
	});

	test.each(CHANNEL_IDS)("%s: the README's Credentials table names its credential", (id) => {
		const [row] = rowOf(table('| channel | credential |'), CHANNELS[id].label);
		expect(row?.[1]).toBe(credentials.find((c) => c.name === N8N_CHANNELS[id].credentialType)!.displayName);
	});

	test.each(CHANNEL_IDS)("%s: the README's write-back table says — exactly where the writer has no such operation", (id) => {
		const [row] = rowOf(table('| channel | stock (per request) |'), CHANNELS[id].label);
		expect(row).toBeDefined();
		const columns: Array<[WriteOperation, string]> = [['invoice', row[2]], ['shipment', row[3]], ['cancel', row[4]]];
		for (const [op, cell] of columns) expect([op, cell.startsWith('—')]).toEqual([op, !CHANNELS[id].capabilities.writes.includes(op)]);
	});

	test.each(CHANNEL_IDS)("%s: the README's barcode table says — exactly where the channel declares no barcode look-up", (id) => {
		const [row] = rowOf(table('| channel | barcode look-up (GTIN/EAN) |'), CHANNELS[id].label);
		expect(row).toBeDefined();
		expect(row[1].startsWith('—')).toBe('none' in CHANNELS[id].capabilities.barcodes);
	});

	test('the README tables have no row for a channel that is not registered', () => {
		const labels = CHANNEL_IDS.map((id) => CHANNELS[id].label);
		for (const header of ['| channel | credential |', '| channel | stock (per request) |', '| channel | barcode look-up (GTIN/EAN) |']) {
			expect(table(header).filter((r) => !labels.some((l) => r[0] === l || r[0].startsWith(`${l} /`)))).toEqual([]);
		}
	});
});
