import { storeSku } from '../store/inputs';
import type { StoreBackend } from '../store/backend';
import { checkGtin } from './gtin';
import { linkInTx, unlinkInTx } from './link-engine';
import { checkLinkInput, checkLinkQuery, checkListingKey, checkUnlinkedQuery, linkKey } from './links';
import type { LinkInput, LinkQuery, LinkResult, LinkStore, ListingKey, ListingLink, UnlinkedListing, UnlinkedQuery, UnlinkResult } from './types';

/** The listing-link operations of LedgerStore, over any driver. */
export class LinkOperations implements LinkStore {
	constructor(
		private readonly backend: StoreBackend,
		private readonly now: () => string,
	) {}

	async linkListings(links: LinkInput[]): Promise<LinkResult[]> {
		const checked = links.map((l) => checkLinkInput(l));
		if (checked.length === 0) return [];
		const now = this.now();
		return this.backend.transaction((tx) => linkInTx(tx, checked, now));
	}

	async unlinkListings(keys: Array<Omit<ListingKey, 'variantId'> & { variantId?: string }>): Promise<UnlinkResult[]> {
		const checked = keys.map((k) => checkListingKey(k));
		if (checked.length === 0) return [];
		return this.backend.transaction((tx) => unlinkInTx(tx, checked));
	}

	listLinks(query: LinkQuery = {}): Promise<ListingLink[]> {
		return this.backend.listLinks(checkLinkQuery(query));
	}

	async listUnlinked(query: UnlinkedQuery = {}): Promise<UnlinkedListing[]> {
		const rows = await this.backend.listUnlinked(checkUnlinkedQuery(query));
		const out = new Map<string, UnlinkedListing>();
		for (const r of rows) {
			const key = linkKey(r);
			let listing = out.get(key);
			if (!listing) {
				listing = { channel: r.channel, account: r.account, listingId: r.listingId, variantId: r.variantId, title: r.title, quantity: 0, orders: [] };
				out.set(key, listing);
			}
			listing.title ??= r.title;
			listing.quantity += r.quantity;
			listing.orders.push({ orderKey: r.orderKey, channelOrderId: r.channelOrderId, status: r.status, lineIndex: r.lineIndex, quantity: r.quantity });
		}
		return [...out.values()];
	}

	async linksOfSkus(channel: string, account: string, skus: string[]): Promise<Map<string, ListingLink[]>> {
		const ids = [...new Set(skus.map((s) => storeSku(s)))];
		const found = new Map<string, ListingLink[]>();
		if (ids.length === 0) return found;
		for (const link of await this.backend.linksOfSkus(channel, account, ids)) found.set(link.sku, [...(found.get(link.sku) ?? []), link]);
		const out = new Map<string, ListingLink[]>();
		for (const sku of skus) {
			const hit = found.get(storeSku(sku));
			if (hit) out.set(sku, hit);
		}
		return out;
	}

	async setBarcodes(entries: Array<{ sku: string; gtin: string }>): Promise<Array<{ sku: string; gtin: string }>> {
		const rows = entries.map((e) => {
			const sku = storeSku(e?.sku);
			return { sku, gtin: checkGtin(e?.gtin, sku) };
		});
		if (rows.length > 0) await this.backend.upsertGtins(rows, this.now());
		return rows;
	}

	async barcodesOf(skus: string[]): Promise<Map<string, string[]>> {
		const ids = [...new Set(skus.map((s) => storeSku(s)))];
		const bySku = new Map<string, string[]>();
		if (ids.length > 0) for (const r of await this.backend.gtinsOfSkus(ids)) bySku.set(r.sku, [...(bySku.get(r.sku) ?? []), r.gtin]);
		const out = new Map<string, string[]>();
		for (const sku of skus) {
			const hit = bySku.get(storeSku(sku));
			if (hit) out.set(sku, hit);
		}
		return out;
	}
}
