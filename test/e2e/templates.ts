import { normalizeNuvemshopOrder } from '../../core/channels/nuvemshop/normalize';
import { normalizeWooOrder } from '../../core/channels/woocommerce/normalize';
import type { CanonicalOrder } from '../../core/model/order';
import { nfeCheckDigit } from '../../core/sync/nfe-key';

/**
 * Helpers to run the shipped templates themselves: drop the nodes of channels the suite does not simulate
 * (as scripts/start.js does, over REST PATCH), and build the canonical orders an ERP posts to template 2.
 */

interface WfNode { name: string; parameters?: Record<string, unknown> }
type Link = { node: string; type: string; index: number };
interface Wf { id: string; versionId: string; nodes: WfNode[]; connections: Record<string, { main: Array<Link[] | null> }> }
interface Rest { getWorkflow(id: string): Promise<Wf>; rest(method: string, path: string, body?: object): Promise<unknown> }

export const UNSIMULATED = /Mercado Livre|Shopify/;

/** Removes the nodes whose name matches `drop` and every link to them; returns the names kept. */
export async function dropNodes(n8n: Rest, id: string, drop = UNSIMULATED): Promise<string[]> {
	const full = await n8n.getWorkflow(id);
	const keep = full.nodes.filter((n) => !drop.test(n.name));
	const names = new Set(keep.map((n) => n.name));
	const connections = Object.fromEntries(
		Object.entries(full.connections)
			.filter(([from]) => names.has(from))
			.map(([from, c]) => [from, { main: c.main.map((out) => (out || []).filter((l) => names.has(l.node))) }]),
	);
	await n8n.rest('PATCH', `/rest/workflows/${id}`, { nodes: keep, connections, versionId: full.versionId });
	return [...names];
}

/** A valid 44-digit NF-e key (SP, model 55, normal emission) for `number`/`series`, check digit computed. */
export function nfeKey(number: number, series: number, yearMonth = '2603', cnpj = '12345678000199'): string {
	const first43 = `35${yearMonth}${cnpj}55${String(series).padStart(3, '0')}${String(number).padStart(9, '0')}1${'00001234'}`;
	return first43 + String(nfeCheckDigit(first43));
}

/** The order key's account part (`channel:account:id`, the account may hold colons). */
export const accountOf = (orderKey: string) => orderKey.slice(orderKey.indexOf(':') + 1, orderKey.lastIndexOf(':'));

/** The channel order as the trigger emits it, moved to `invoiced` with its NF-e and a shipment: the ERP's POST body. */
export function invoicedOrder(channel: 'woocommerce' | 'nuvemshop', raw: unknown, account: string, inv: { number: number; series: number }, trackingCode: string): CanonicalOrder {
	const base = channel === 'woocommerce' ? normalizeWooOrder(raw, account) : normalizeNuvemshopOrder(raw, account);
	const issuedAt = new Date().toISOString();
	return {
		...base,
		status: 'invoiced',
		updatedAt: issuedAt,
		invoice: { nfeKey: nfeKey(inv.number, inv.series), number: String(inv.number), series: String(inv.series), issuedAt, url: `https://nfe.example.com.br/danfe/${inv.number}` },
		shipments: [{ carrier: 'Correios', trackingCode, trackingUrl: `https://rastreamento.correios.com.br/?objetos=${trackingCode}` }],
	};
}
