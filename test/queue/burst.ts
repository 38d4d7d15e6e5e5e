import { random } from '../../bench/orders';
import { vtexOrder } from '../simulators/vtex';
import type { SimRequest } from '../simulators/http-sim';
import { SKUS, nuvemshopSale, wooSale, type Channels } from '../e2e/channels';

/**
 * A Black-Friday-shaped burst on three channels: WooCommerce and Nuvemshop by signed webhooks (Woo's orders
 * also seen by a poll, as the reconciler), VTEX by its feed poll. Half the orders arrive in a tenth of the
 * time (the midnight peak: 5× the average rate), the rest spread over the other nine tenths. About one in
 * eight orders changes later in the burst: a payment (pending → paid), a cancellation or an invoice.
 */

export type ChannelName = 'woocommerce' | 'nuvemshop' | 'vtex';

export interface Sale {
	channel: ChannelName;
	id: string;
	sku: string;
	quantity: number;
	/** ms from the start of the burst. */
	at: number;
	first: string;
	later?: { at: number; to: string };
	/** When the first delivery (or the order's appearance, polled channels) happened; Date.now() clock. */
	sentAt?: number;
}

/** The canonical status the store must end with, by channel and final channel status. */
export const FINAL: Record<ChannelName, Record<string, string>> = {
	woocommerce: { processing: 'paid', pending: 'pending_payment', cancelled: 'cancelled', completed: 'shipped' },
	nuvemshop: { paid: 'paid', pending: 'pending_payment', cancelled: 'cancelled' },
	vtex: { 'ready-for-handling': 'paid', 'payment-pending': 'pending_payment', canceled: 'cancelled', invoiced: 'invoiced' },
};

export function planBurst(orders: number, seconds: number, seed = 7): Sale[] {
	const r = random(seed);
	const total = seconds * 1000;
	const peakStart = total * 0.3;
	const peakLen = total * 0.1;
	const sales: Sale[] = [];
	for (let i = 0; i < orders; i++) {
		// Half in the peak window, half spread over the rest.
		const at = i % 2 === 0 ? peakStart + r() * peakLen : ((x) => (x < peakStart ? x : x + peakLen))(r() * (total - peakLen));
		const p = r();
		const channel: ChannelName = p < 0.45 ? 'woocommerce' : p < 0.85 ? 'nuvemshop' : 'vtex';
		const sku = r() < 0.6 ? SKUS.shirt : SKUS.cap;
		const quantity = 1 + Math.floor(r() * 2);
		const change = r();
		const later = (to: string) => ({ at: Math.min(total, at + 2000 + r() * 8000), to });
		let first: string;
		let next: Sale['later'];
		if (channel === 'woocommerce') {
			first = change < 0.05 ? 'pending' : 'processing';
			next = change < 0.05 ? later('processing') : change < 0.09 ? later('cancelled') : change < 0.13 ? later('completed') : undefined;
		} else if (channel === 'nuvemshop') {
			first = change < 0.08 ? 'pending' : 'paid';
			next = change < 0.08 ? later('paid') : change < 0.12 ? later('cancelled') : undefined;
		} else {
			first = change < 0.05 ? 'payment-pending' : 'ready-for-handling';
			next = change < 0.05 ? later('ready-for-handling') : change < 0.09 ? later('canceled') : change < 0.13 ? later('invoiced') : undefined;
		}
		sales.push({ channel, id: String(channel === 'vtex' ? i : 100000 + i), sku, quantity, at, first, later: next });
	}
	return sales.sort((a, b) => a.at - b.at);
}

const VTEX_SKU: Record<string, string> = { [SKUS.shirt]: '18', [SKUS.cap]: '19' };

/** Puts the order on its channel in `status`; returns the signed delivery to post (webhook channels). */
export function putOnChannel(ch: Channels, s: Sale, status: string, t: Date) {
	if (s.channel === 'woocommerce') {
		const order = wooSale(Number(s.id), s.sku, s.quantity, status, t);
		ch.woo.put(order);
		return { channel: s.channel, delivery: ch.hooks.woo.deliveryFor(status === s.first ? 'order.created' : 'order.updated', order, `burst-${s.id}-${status}`) };
	}
	if (s.channel === 'nuvemshop') {
		const paymentStatus = status === 'cancelled' ? 'paid' : status;
		ch.nuvemshop.put(nuvemshopSale(Number(s.id), s.sku, s.quantity, paymentStatus, status === 'cancelled' ? 'cancelled' : 'open', t));
		const event = status === s.first ? 'order/created' : status === 'cancelled' ? 'order/cancelled' : 'order/paid';
		return { channel: s.channel, delivery: ch.hooks.nuvemshop.deliveryFor(event, Number(s.id)) };
	}
	const iso = t.toISOString();
	ch.vtex.setOrder(
		vtexOrder({
			orderId: `BF-${s.id}-01`,
			status,
			lastChange: iso,
			creationDate: iso,
			items: [{ refId: s.sku, quantity: s.quantity, price: 4990, skuId: VTEX_SKU[s.sku], productId: '6' }],
			packages: status === 'invoiced' ? [{ invoiceNumber: `NF-${s.id}`, invoiceKey: '35240512345678000190550010000243821000243825' }] : [],
		}),
	);
	return undefined;
}

/** The order's id on its channel, as the store records it. */
export const channelOrderIdOf = (s: Sale) => (s.channel === 'vtex' ? `BF-${s.id}-01` : s.id);

/** A stock write as it arrived: when, where, what, and which n8n process sent it (when it could be told). */
export type PushLog = { at: number; path: string; body: string; by?: string };

/** The stock writes each simulator received (every non-GET request outside orders and webhooks). */
export function recordPushes(ch: Channels, sender: (port: number | undefined) => string | undefined = () => undefined): Record<ChannelName, PushLog[]> {
	const out: Record<ChannelName, PushLog[]> = { woocommerce: [], nuvemshop: [], vtex: [] };
	const watch = (name: ChannelName, log: SimRequest[]) => {
		const push = log.push.bind(log);
		log.push = (...reqs: SimRequest[]) => {
			for (const r of reqs) if (r.method !== 'GET' && !/orders|webhook|hook/.test(r.path)) out[name].push({ at: Date.now(), path: r.path, body: r.rawBody, by: sender(r.remotePort) });
			return push(...reqs);
		};
	};
	watch('woocommerce', ch.woo.log);
	watch('nuvemshop', ch.nuvemshop.log);
	watch('vtex', ch.vtex.log);
	return out;
}

/** The stock write paths of the three simulators (held while a worker is killed in the middle of its pushes). */
export const STOCK_WRITES = /\/products\/batch$|\/variations\/batch$|\/variants\/stock$|\/inventory\/skus\//;

/** The WooCommerce order-list reads (the poll trigger's), with their query. */
export function recordWooPolls(ch: Channels): Array<{ at: number; query: string }> {
	const out: Array<{ at: number; query: string }> = [];
	const log = ch.woo.log;
	const push = log.push.bind(log);
	log.push = (...reqs: SimRequest[]) => {
		for (const r of reqs) if (r.method === 'GET' && /\/orders$/.test(r.path)) out.push({ at: Date.now(), query: r.query.toString() });
		return push(...reqs);
	};
	return out;
}
