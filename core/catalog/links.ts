import type { CanonicalOrder, OrderLine } from '../model/order';
import { isTerminal } from '../lifecycle/config';
import { storeSku } from '../store/inputs';
import type { LinkInput, LinkQuery, LinkSource, ListingKey, UnlinkedQuery } from './types';

/** Pure rules of listing links: checking inputs, matching order lines, what an order keeps while it waits. */

const SOURCES: readonly LinkSource[] = ['catalog', 'manual', 'bulk'];
/** Channel ids are short; a listing id longer than this is a caller's bug, not a channel's. */
const MAX_ID = 200;

export interface CheckedLink extends ListingKey {
	sku: string;
	inventoryItemId: string | null;
	title: string | null;
	source: LinkSource;
}

const text = (v: unknown, field: string, what: string, optional = false): string => {
	if ((v === undefined || v === null || v === '') && optional) return '';
	if (typeof v === 'number' && Number.isSafeInteger(v)) v = String(v); // sheets give ids as numbers
	if (typeof v !== 'string' || v.trim() === '') throw new Error(`${what}: ${field} must be a non-empty text`);
	if (v.trim().length > MAX_ID) throw new Error(`${what}: ${field} must be at most ${MAX_ID} characters`);
	return v.trim();
};

/** Checks one link; errors name the listing and the field. */
export function checkLinkInput(input: LinkInput, defaultSource: LinkSource = 'manual'): CheckedLink {
	const what = `Link ${typeof input?.channel === 'string' ? input.channel : '?'} listing ${String(input?.listingId ?? '?')}`;
	if (input === null || typeof input !== 'object') throw new Error('Link: each link must be an object');
	const channel = text(input.channel, 'channel', what);
	const account = text(input.account, 'account', what);
	const listingId = text(input.listingId, 'listingId', what);
	const variantId = text(input.variantId, 'variantId', what, true);
	const sku = storeSku(input.sku);
	const source = input.source ?? defaultSource;
	if (!SOURCES.includes(source)) throw new Error(`${what}: source must be one of ${SOURCES.join(', ')}`);
	const inventoryItemId = text(input.inventoryItemId, 'inventoryItemId', what, true) || null;
	const title = typeof input.title === 'string' && input.title.trim() !== '' ? input.title.trim().slice(0, 500) : null;
	return { channel, account, listingId, variantId, sku, inventoryItemId, title, source };
}

export function checkListingKey(input: Partial<ListingKey>, what = 'Unlink'): ListingKey {
	return {
		channel: text(input?.channel, 'channel', what),
		account: text(input?.account, 'account', what),
		listingId: text(input?.listingId, 'listingId', what),
		variantId: text(input?.variantId, 'variantId', what, true),
	};
}

export const linkKey = (k: ListingKey): string => `${k.channel}\u0000${k.account}\u0000${k.listingId}\u0000${k.variantId}`;

/** Links and waiting lines are locked per listing (all its variants together), so variant and listing links serialise. */
export const listingLockKey = (k: Omit<ListingKey, 'variantId'>): string => JSON.stringify([k.channel, k.account, k.listingId]);

/** The listing a line names, in the order's channel account; undefined when the line names none. */
export function lineListing(order: Pick<CanonicalOrder, 'channel' | 'account'>, line: Pick<OrderLine, 'channelListingId' | 'channelVariantId'>): ListingKey | undefined {
	const listingId = line.channelListingId?.trim();
	if (!listingId) return undefined;
	return { channel: order.channel, account: order.account, listingId, variantId: line.channelVariantId?.trim() ?? '' };
}

/** The link of a line: its variant's own link first, else the listing's. */
export function linkedSku(links: ReadonlyMap<string, string>, key: ListingKey): string | undefined {
	return links.get(linkKey(key)) ?? (key.variantId === '' ? undefined : links.get(linkKey({ ...key, variantId: '' })));
}

/**
 * The order with every line that names a linked listing taking the linked SKU (a link wins over the SKU the
 * channel sent: the person who linked it said which product it is). `unmapped_lines` follows the lines.
 */
export function resolveOrderLines(order: CanonicalOrder, links: ReadonlyMap<string, string>): CanonicalOrder {
	if (links.size === 0) return order;
	let changed = false;
	const lines = order.lines.map((line) => {
		const key = lineListing(order, line);
		const sku = key && linkedSku(links, key);
		if (sku === undefined || sku === line.sku) return line;
		changed = true;
		const next: OrderLine = { ...line, sku };
		delete next.unmapped;
		return next;
	});
	if (!changed) return order;
	const resolved: CanonicalOrder = { ...order, lines };
	const flags = (order.flags ?? []).filter((f) => f !== 'unmapped_lines' || lines.some((l) => l.sku === undefined));
	if (flags.length > 0) resolved.flags = flags;
	else delete resolved.flags;
	return resolved;
}

/** A line still waiting for a link: no SKU, and a listing id to link. */
export interface WaitingLine extends ListingKey {
	lineIndex: number;
	quantity: number;
	title: string | null;
}

/** The lines of an open order that wait for a link; none for a cancelled or returned order (nothing to hold). */
export function waitingLines(order: CanonicalOrder): WaitingLine[] {
	if (isTerminal(order.status)) return [];
	return order.lines.flatMap((line, lineIndex) => {
		const key = line.sku === undefined ? lineListing(order, line) : undefined;
		return key ? [{ ...key, lineIndex, quantity: line.quantity, title: line.title ?? null }] : [];
	});
}

/**
 * What the store keeps of a waiting order to apply it again once linked: the order without its customer
 * and address (the store keeps no personal data).
 */
export function stockSnapshot(order: CanonicalOrder): CanonicalOrder {
	const kept: CanonicalOrder = { ...order, customer: { name: '' } };
	delete kept.shippingAddress;
	return kept;
}

export function checkLinkQuery(q: LinkQuery): LinkQuery & { limit: number } {
	const limit = q.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new Error('List links: limit must be a whole number from 1 to 10000');
	const sku = q.sku === undefined || q.sku === '' ? undefined : storeSku(q.sku);
	const after = q.after ? checkListingKey(q.after, 'List links: after') : undefined;
	return { ...q, sku, after, limit };
}

export function checkUnlinkedQuery(q: UnlinkedQuery): UnlinkedQuery & { limit: number } {
	const limit = q.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error('List unlinked: limit must be a whole number from 1 to 1000');
	return { ...q, limit };
}
