import type { CanonicalStatus } from '../model/order';
import { OPEN_STATUSES, type OrderActivity } from '../store/activity';
import type { PushStatusEntry, StockLevel } from '../store/types';

/**
 * The operator's dashboard as data: stock per SKU with what each channel shows, open orders by status and
 * age, oversold SKUs, unlinked listings and the KPIs. Pure: the store's reads go in, the report comes out
 * (html.ts draws it), so it is tested without a database or n8n.
 */

export interface DashboardOptions {
	/** KPIs cover orders first seen in the last N days (default 14). */
	days?: number;
	/** Local time of the seller for "per day" (minutes from UTC; default -180, Brasília, no daylight saving). */
	utcOffsetMinutes?: number;
	/**
	 * Orders whose channel gives no ship-by deadline are late when not shipped this many hours after they
	 * were paid (default 48; 0 counts only the channels' own deadlines).
	 */
	handlingHours?: number;
}

export interface ChannelValue {
	/** The channel account ("woocommerce:loja.com.br"). */
	channel: string;
	/** What the channel was last told (null: never published). */
	value: number | null;
	pushedAt: string | null;
	/** The store moved since that value was computed. */
	behind: boolean;
	/** Waiting in the retry set after a failed push. */
	failing: boolean;
}

export interface StockRow extends StockLevel {
	channels: ChannelValue[];
}

export interface AgeBucket { label: string; maxHours: number }
export const AGE_BUCKETS: AgeBucket[] = [
	{ label: 'até 24 h', maxHours: 24 },
	{ label: '1 a 3 dias', maxHours: 72 },
	{ label: '3 a 7 dias', maxHours: 168 },
	{ label: 'mais de 7 dias', maxHours: Infinity },
];

export interface UnlinkedListing {
	channel: string;
	account: string;
	listingId: string | null;
	variantId: string | null;
	title: string | null;
	orders: number;
	units: number;
}

export interface Duration { orders: number; medianHours: number | null; p90Hours: number | null }

export interface LateOrder { orderKey: string; status: CanonicalStatus | null; deadline: string; fromChannel: boolean }

export interface DashboardReport {
	generatedAt: string;
	days: number;
	/** Channel accounts that were ever pushed to, in order: the stock table's columns. */
	channelAccounts: string[];
	stock: StockRow[];
	openOrders: {
		total: number;
		valueCents: number;
		/** counts[status][bucket index], statuses of OPEN_STATUSES. */
		counts: Record<string, number[]>;
		byAge: number[];
	};
	oversold: StockLevel[];
	unlinked: UnlinkedListing[];
	kpis: {
		/**
		 * Local days (YYYY-MM-DD), oldest first, and per channel the orders first seen each day. A hub's orders
		 * are split by origin marketplace: "anymarket/MERCADO_LIVRE" (see salesKey).
		 */
		days: string[];
		ordersPerDay: Record<string, number[]>;
		salesCents: Record<string, number>;
		ordersInWindow: number;
		importToInvoiced: Duration;
		importToShipped: Duration;
		cancelled: number;
		cancellationRate: number | null;
		pastDeadline: LateOrder[];
	};
}

const HOUR = 3_600_000;
const DONE: CanonicalStatus[] = ['shipped', 'delivered', 'returned'];

export function buildDashboard(
	/** `unlinked`: the store's listing-link catalog (listUnlinked); without it, the unmapped lines of `activity`. */
	input: { levels: StockLevel[]; pushes: PushStatusEntry[]; activity: OrderActivity[]; unlinked?: UnlinkedListing[] },
	now: Date,
	options: DashboardOptions = {},
): DashboardReport {
	const days = options.days ?? 14;
	const offsetMs = (options.utcOffsetMinutes ?? -180) * 60_000;
	const handlingHours = options.handlingHours ?? 48;
	const nowMs = now.getTime();
	const windowStart = startOfLocalDay(nowMs - (days - 1) * 24 * HOUR, offsetMs);
	const inWindow = input.activity.filter((o) => Date.parse(o.firstSeenAt) >= windowStart);

	return {
		generatedAt: now.toISOString(),
		days,
		...stockSection(input.levels, input.pushes),
		openOrders: openSection(input.activity, nowMs),
		oversold: input.levels.filter((l) => l.stocked && l.available < 0).sort((a, b) => a.available - b.available || a.sku.localeCompare(b.sku)),
		unlinked: input.unlinked ?? unlinkedSection(input.activity),
		kpis: {
			...perDay(inWindow, windowStart, days, offsetMs),
			ordersInWindow: inWindow.length,
			importToInvoiced: durations(inWindow, 'invoiced'),
			importToShipped: durations(inWindow, 'shipped'),
			cancelled: inWindow.filter((o) => o.status === 'cancelled').length,
			cancellationRate: inWindow.length ? inWindow.filter((o) => o.status === 'cancelled').length / inWindow.length : null,
			pastDeadline: pastDeadline(input.activity, nowMs, handlingHours),
		},
	};
}

function stockSection(levels: StockLevel[], pushes: PushStatusEntry[]): Pick<DashboardReport, 'channelAccounts' | 'stock'> {
	const channelAccounts = [...new Set(pushes.map((p) => p.channel))].sort();
	const byKey = new Map<string, PushStatusEntry[]>();
	for (const p of pushes) {
		const k = `${p.warehouse}\u0000${p.sku}`;
		byKey.set(k, [...(byKey.get(k) ?? []), p]);
	}
	const stock = [...levels]
		.sort((a, b) => a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse))
		.map((l) => {
			const mine = byKey.get(`${l.warehouse}\u0000${l.sku}`) ?? [];
			return {
				...l,
				channels: channelAccounts.map((channel) => {
					// The SKU's value (listings with a rule of their own have rows of their own: behind or failing counts them too).
					const rows = mine.filter((e) => e.channel === channel);
					const p = rows.find((e) => e.listingId === null) ?? rows[0];
					return { channel, value: p?.pushedValue ?? null, pushedAt: p?.pushedAt ?? null, behind: rows.some((e) => e.behind), failing: rows.some((e) => e.retry !== null) };
				}),
			};
		});
	return { channelAccounts, stock };
}

function openSection(activity: OrderActivity[], nowMs: number): DashboardReport['openOrders'] {
	const counts: Record<string, number[]> = Object.fromEntries(OPEN_STATUSES.map((s) => [s, AGE_BUCKETS.map(() => 0)]));
	const byAge = AGE_BUCKETS.map(() => 0);
	let total = 0, valueCents = 0;
	for (const o of activity) {
		if (!o.status || !OPEN_STATUSES.includes(o.status)) continue;
		const ageHours = (nowMs - Date.parse(o.firstSeenAt)) / HOUR;
		const b = AGE_BUCKETS.findIndex((bucket) => ageHours < bucket.maxHours);
		counts[o.status][b] += 1;
		byAge[b] += 1;
		total += 1;
		valueCents += o.summary?.totalCents ?? 0;
	}
	return { total, valueCents, counts, byAge };
}

/** Listings of unmapped lines, per channel account and listing / variant, most-ordered first. */
function unlinkedSection(activity: OrderActivity[]): UnlinkedListing[] {
	const seen = new Map<string, UnlinkedListing>();
	for (const o of activity) {
		for (const line of o.summary?.unmappedLines ?? []) {
			const k = [o.channel, o.account, line.channelListingId ?? '', line.channelVariantId ?? ''].join('\u0000');
			const entry = seen.get(k) ?? { channel: o.channel, account: o.account, listingId: line.channelListingId ?? null, variantId: line.channelVariantId ?? null, title: line.title ?? null, orders: 0, units: 0 };
			entry.orders += 1;
			entry.units += line.quantity;
			seen.set(k, entry);
		}
	}
	return [...seen.values()].sort((a, b) => b.orders - a.orders || a.channel.localeCompare(b.channel));
}

const startOfLocalDay = (ms: number, offsetMs: number) => Math.floor((ms + offsetMs) / (24 * HOUR)) * 24 * HOUR - offsetMs;
const localDay = (ms: number, offsetMs: number) => new Date(ms + offsetMs).toISOString().slice(0, 10);

/** The channel, or "<hub>/<origin marketplace>" for a hub order that names its origin. */
export function salesKey(o: Pick<OrderActivity, 'channel' | 'summary'>): string {
	const origin = o.summary?.originMarketplace;
	return origin ? `${o.channel}/${origin}` : o.channel;
}

function perDay(orders: OrderActivity[], windowStart: number, days: number, offsetMs: number): Pick<DashboardReport['kpis'], 'days' | 'ordersPerDay' | 'salesCents'> {
	const labels = Array.from({ length: days }, (_, i) => localDay(windowStart + i * 24 * HOUR, offsetMs));
	const ordersPerDay: Record<string, number[]> = {};
	const salesCents: Record<string, number> = {};
	for (const o of orders) {
		const i = labels.indexOf(localDay(Date.parse(o.firstSeenAt), offsetMs));
		if (i < 0) continue;
		const key = salesKey(o);
		(ordersPerDay[key] ??= labels.map(() => 0))[i] += 1;
		if (o.status !== 'cancelled') salesCents[key] = (salesCents[key] ?? 0) + (o.summary?.totalCents ?? 0);
	}
	return { days: labels, ordersPerDay, salesCents };
}

/**
 * Hours from import (first seen) to the first time the order reached `status` (or a later one of the
 * shipped family, for shipped). Orders imported already at that status say nothing about the work and are
 * left out.
 */
function durations(orders: OrderActivity[], status: 'invoiced' | 'shipped'): Duration {
	const family: CanonicalStatus[] = status === 'invoiced' ? ['invoiced'] : ['shipped', 'delivered'];
	const hours: number[] = [];
	for (const o of orders) {
		const times = family.map((s) => o.reachedAt[s]).filter((t): t is string => Boolean(t)).map(Date.parse);
		if (!times.length) continue;
		const h = (Math.min(...times) - Date.parse(o.firstSeenAt)) / HOUR;
		if (h > 0) hours.push(h);
	}
	hours.sort((a, b) => a - b);
	const at = (q: number) => (hours.length ? hours[Math.min(hours.length - 1, Math.ceil(q * hours.length) - 1)] : null);
	return { orders: hours.length, medianHours: at(0.5), p90Hours: at(0.9) };
}

/** Open orders past the channel's ship-by, or past `handlingHours` after payment when the channel gives none. */
function pastDeadline(activity: OrderActivity[], nowMs: number, handlingHours: number): LateOrder[] {
	const late: LateOrder[] = [];
	for (const o of activity) {
		if (!o.status || o.status === 'cancelled' || o.status === 'pending_payment' || DONE.includes(o.status)) continue;
		const fromChannel = Boolean(o.summary?.shipBy);
		const paidAt = o.reachedAt.paid ?? o.reachedAt.invoiced;
		const deadline = o.summary?.shipBy ?? (handlingHours > 0 && paidAt ? new Date(Date.parse(paidAt) + handlingHours * HOUR).toISOString() : null);
		if (deadline && Date.parse(deadline) < nowMs) late.push({ orderKey: o.orderKey, status: o.status, deadline, fromChannel });
	}
	return late.sort((a, b) => a.deadline.localeCompare(b.deadline));
}
