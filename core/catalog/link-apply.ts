import type { LifecycleConfig } from '../lifecycle/config';
import { orderKeyOf, type CanonicalOrder } from '../model/order';
import type { OrderSave, StoreTx } from '../store/backend';
import type { ListingRefKey, WaitingSave } from '../store/link-backend';
import { lineListing, linkKey, listingLockKey, resolveOrderLines, stockSnapshot, waitingLines } from './links';
import type { ListingLink } from './types';

/** What Apply does with links: resolve lines before planning, remember what still waits after it. */

const distinctListings = (orders: CanonicalOrder[]): ListingRefKey[] => {
	const seen = new Map<string, ListingRefKey>();
	for (const o of orders) {
		for (const line of o.lines) {
			const k = lineListing(o, line);
			if (k) seen.set(listingLockKey(k), { channel: k.channel, account: k.account, listingId: k.listingId });
		}
	}
	return [...seen.values()];
};

export const linkMap = (links: ListingLink[]): Map<string, string> => new Map(links.map((l) => [linkKey(l), l.sku]));

/**
 * The orders with linked lines resolved. Listings of lines without a SKU are locked first (a link being
 * created for one of them waits for this batch, then finds its lines waiting), then every listing named is read.
 */
export async function resolveLinkedLines(tx: StoreTx, orders: CanonicalOrder[]): Promise<CanonicalOrder[]> {
	const waiting = orders.flatMap((o) => o.lines.flatMap((line) => (line.sku === undefined ? (lineListing(o, line) ?? []) : [])));
	await tx.lockListings([...new Set(waiting.map(listingLockKey))].sort());
	const listings = distinctListings(orders);
	if (listings.length === 0) return orders;
	const links = linkMap(await tx.linksOfListings(listings));
	return orders.map((o) => resolveOrderLines(o, links));
}

/**
 * After an apply: each order accepted (not stale, not a regression) forgets what it waited for and records
 * the lines it waits for now, with its snapshot, the rules it was applied with and the flags saved.
 */
export async function saveWaitingOrders(tx: StoreTx, orders: CanonicalOrder[], config: LifecycleConfig, saves: Map<string, OrderSave>): Promise<void> {
	if (orders.length === 0) return;
	const waiting: WaitingSave[] = [];
	for (const order of orders) {
		const lines = waitingLines(order);
		if (lines.length === 0) continue;
		const key = orderKeyOf(order);
		const flags = saves.get(key)?.flags ?? order.flags ?? [];
		waiting.push({ orderKey: key, snapshot: stockSnapshot(order), lifecycle: config, lines, flags });
	}
	await tx.saveWaiting([...new Set(orders.map(orderKeyOf))], waiting);
}
