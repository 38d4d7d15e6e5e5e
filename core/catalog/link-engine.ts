import { planOrderChange } from '../lifecycle/plan';
import type { CanonicalOrder } from '../model/order';
import type { LedgerInsert, OrderEventInsert, OrderSave, StoreTx } from '../store/backend';
import { sortedCounterKeys, toLevel } from '../store/backend';
import { heldSkus, kitStockFor, ledgerRow, lockCounterSet, skusOf } from '../store/engine';
import type { WaitingSave } from '../store/link-backend';
import { chooseReserveWarehouses, holdsNoStock } from '../store/warehouse-choice';
import { linkMap } from './link-apply';
import { lineListing, linkKey, listingLockKey, resolveOrderLines, waitingLines, type CheckedLink } from './links';
import type { LinkedOrder, LinkResult, ListingKey, ListingLink, UnlinkResult } from './types';

/**
 * Creating links, in one transaction: the listings are locked (the same locks Apply takes for lines without
 * a SKU), the links inserted, then every open order waiting for those listings is locked and its last
 * snapshot applied again with the lines resolved. The lifecycle plan moves only the difference between what
 * the order holds and what the resolved snapshot says, with the effect keys of any apply (reserve@n,
 * adjust@n, commit@n), so an order's waiting line is reserved, or committed by its stage, exactly once:
 * a second link, in this process or another, finds nothing waiting any more.
 */
export async function linkInTx(tx: StoreTx, links: CheckedLink[], now: string): Promise<LinkResult[]> {
	await tx.lockListings([...new Set(links.map(listingLockKey))].sort());
	const known = new Map((await tx.linksOfListings(links)).map((l) => [linkKey(l), l]));
	const results: LinkResult[] = [];
	const fresh: CheckedLink[] = [];
	for (const link of links) {
		const have = known.get(linkKey(link));
		const key: ListingKey = { channel: link.channel, account: link.account, listingId: link.listingId, variantId: link.variantId };
		if (have) {
			const outcome = have.sku === link.sku ? 'unchanged' : 'conflict';
			results.push({ ...key, sku: link.sku, outcome, ...(outcome === 'conflict' ? { linkedSku: have.sku } : {}), orders: [] });
			continue;
		}
		fresh.push(link);
		known.set(linkKey(link), { ...link, createdAt: now });
		results.push({ ...key, sku: link.sku, outcome: 'linked', orders: [] });
	}
	if (fresh.length === 0) return results;
	await tx.insertLinks(fresh, now);

	const linked = await resolveWaiting(tx, await tx.waitingOrderKeys(fresh), now);
	// Each order is listed under every new link that resolved one of its lines.
	for (const result of results) {
		if (result.outcome !== 'linked') continue;
		result.orders = linked.filter((o) => o.resolvedBy.some((k) => covers(result, k))).map((o) => o.order);
	}
	return results;
}

/** A link covers a line's listing: same listing, and the same variant or the listing as a whole. */
const covers = (link: ListingKey, line: ListingKey): boolean =>
	link.channel === line.channel && link.account === line.account && link.listingId === line.listingId && (link.variantId === '' || link.variantId === line.variantId);

interface Resolved {
	order: LinkedOrder;
	/** The listings of the lines this pass resolved. */
	resolvedBy: ListingKey[];
}

/** Applies the stored snapshots of waiting orders again, with every link known now. */
async function resolveWaiting(tx: StoreTx, orderKeys: string[], now: string): Promise<Resolved[]> {
	if (orderKeys.length === 0) return [];
	const states = await tx.lockOrders(orderKeys);
	// Read under the orders' locks: an apply that committed meanwhile replaced the snapshot (or resolved it).
	const snapshots = await tx.waitingSnapshots(orderKeys);
	const listings = [...snapshots.values()].flatMap((w) => w.snapshot.lines.flatMap((l) => lineListing(w.snapshot, l) ?? []));
	const links = linkMap(await tx.linksOfListings(listings));

	const found = orderKeys.flatMap((key) => {
		const state = states.get(key);
		const waiting = snapshots.get(key);
		if (!state || !waiting) return [];
		const resolved = resolveOrderLines(waiting.snapshot, links);
		return resolved === waiting.snapshot ? [] : [{ key, state, waiting, resolved }];
	});
	// A line linked to a kit reserves the kit's components, like any apply.
	const kits = await kitStockFor(tx, found.flatMap((w) => [...skusOf(w.resolved), ...heldSkus(w.state)]));
	// An order that held nothing while it waited chooses its warehouse now, as a new order would.
	const chosen = await chooseReserveWarehouses(tx, kits, found.filter((w) => w.resolved.warehouse === undefined && holdsNoStock(w.state)).map((w) => w.resolved));
	const work = found.map((w) => ({ ...w, state: { ...w.state, warehouse: chosen.get(w.key) ?? w.state.warehouse } }));
	const counters = await lockCounterSet(tx, [
		...work.flatMap((w) => kits.stockKeys(w.state, skusOf(w.resolved), w.state.warehouse)),
		...work.flatMap((w) => kits.heldKeys(w.state)),
	]);

	const ledger: LedgerInsert[] = [];
	const saves: OrderSave[] = [];
	const events: OrderEventInsert[] = [];
	const stillWaiting: WaitingSave[] = [];
	const out: Resolved[] = [];
	for (const { key, state, waiting, resolved } of work) {
		const { plan } = kits.expand(state, planOrderChange(state, resolved, waiting.lifecycle, now));
		for (const m of plan.movements) {
			counters.move(m);
			ledger.push(ledgerRow(m, key, now));
		}
		const lines = waitingLines(resolved);
		// The reservation's age (for expiry) still counts from the order's first reservation.
		const next = { ...plan.next, reservedAt: state.reservedAt ?? plan.next.reservedAt };
		const flags = lines.length > 0 ? waiting.flags : waiting.flags.filter((f) => f !== 'unmapped_lines');
		saves.push({ state: next, flags, at: now });
		if (plan.effects.length > 0) events.push({ orderKey: key, at: now, previousStatus: state.status, newStatus: resolved.status, outcome: 'linked', effects: plan.effects });
		if (lines.length > 0) stillWaiting.push({ orderKey: key, snapshot: resolved, lifecycle: waiting.lifecycle, lines, flags });
		out.push({
			order: {
				orderKey: key,
				channelOrderId: resolved.channelOrderId,
				status: state.status,
				effects: plan.effects,
				affected: sortedCounterKeys(plan.movements).map((k) => toLevel(counters.get(k.sku, k.warehouse))),
				stillUnlinked: lines.length,
			},
			resolvedBy: newlyResolved(waiting.snapshot, resolved),
		});
	}
	await tx.saveOrders(saves);
	await tx.appendOrderEvents(events);
	await tx.saveWaiting(work.map((w) => w.key), stillWaiting);
	// Last: the change number row it takes is every stock writer's, held to commit.
	await tx.writeStock(ledger, counters.changed());
	return out;
}

function newlyResolved(before: CanonicalOrder, after: CanonicalOrder): ListingKey[] {
	return before.lines.flatMap((line, i) => (line.sku === undefined && after.lines[i].sku !== undefined ? (lineListing(before, line) ?? []) : []));
}

/**
 * Removes links. Reservations already made stay as they are: an order's next update resolves its lines
 * again, and a line whose listing is no longer linked then waits (its units are released).
 */
export async function unlinkInTx(tx: StoreTx, keys: ListingKey[]): Promise<UnlinkResult[]> {
	await tx.lockListings([...new Set(keys.map(listingLockKey))].sort());
	const removed = new Map<string, ListingLink>((await tx.deleteLinks(keys)).map((l) => [linkKey(l), l]));
	return keys.map((k) => {
		const link = removed.get(linkKey(k));
		return { ...k, sku: link?.sku ?? null, removed: link !== undefined };
	});
}
