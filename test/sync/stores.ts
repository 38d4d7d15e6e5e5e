import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../core/store/open';
import type { OmsStore } from '../../core/store/types';
import { order } from '../fixtures/orders';
import { openFresh, type DriverName } from '../store/stores';

/** A fresh SQLite store in a temp folder (on the given clock). */
export function freshStore(clock?: () => Date): OmsStore {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-sync-'));
	return createStore({ driver: 'sqlite', path: path.join(dir, 'oms.sqlite') }, { clock });
}

let orderSeq = 0;

/** On hand per SKU (default warehouse), then one paid order reserving `reserved` units of each SKU that has some. */
export async function stock(store: OmsStore, levels: Record<string, [onHand: number, reserved?: number]>): Promise<void> {
	await store.setOnHand(Object.entries(levels).map(([sku, [onHand]]) => ({ sku, onHand })));
	const lines = Object.entries(levels)
		.filter(([, [, reserved]]) => reserved)
		.map(([sku, [, reserved]]) => [sku, reserved] as [string, number]);
	if (lines.length) await store.applyOrders([order(`R${++orderSeq}`, 'paid', lines)]);
}

/** The Shopify account the listing-link push tests sell on, and a link of one of its listings (or variants). */
export const SHOP_CHANNEL = 'shopify:loja-teste';
export const shopLink = (listingId: string, sku: string, variantId?: string) => ({ channel: 'shopify', account: 'loja-teste', listingId, sku, ...(variantId ? { variantId } : {}) });

/** A fresh store per test on `driver` (SQLite unless named), closed after it: `current()` is the test's store. */
export function storePerTest(driver: DriverName = 'sqlite'): () => OmsStore {
	let store: OmsStore;
	beforeEach(async () => {
		store = driver === 'sqlite' ? freshStore() : (await openFresh(driver)).store;
	});
	afterEach(() => store.close());
	return () => store;
}
