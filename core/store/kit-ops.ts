import { checkNoCycle, flattenKit, kitLevel, KitDefinitionError, normaliseComponents, type KitComponent } from '../catalog/kits';
import { MAX_QUANTITY } from '../model/validate';
import type { StoreBackend, StoreTx } from './backend';
import { storeSku } from './inputs';
import type { KitQueries } from './kit-backend';
import { loadKitClosure } from './kit-stock';
import type { ChangedPage, StockLevel, VersionedLevel } from './types';

/** Kit definitions in the store: what the Catalog operations call, and the kit-aware level reads. */

export interface KitView {
	sku: string;
	/** Components as defined (a component may itself be a kit). */
	components: KitComponent[];
	/** Stock SKUs per kit unit, through nested kits: what an order line for one unit reserves. */
	stockComponents: KitComponent[];
	changeSeq: number;
	updatedAt: string;
}

export interface KitChangeResult {
	sku: string;
	/** The components now (empty when the SKU is no longer a kit). */
	components: KitComponent[];
	/** The components before (null when the SKU was not a kit). */
	previous: KitComponent[] | null;
	changed: boolean;
	/** Open orders holding this kit: they keep the components they were reserved with. */
	openOrdersKeepingTheirDefinition: number;
	/** Open orders holding this SKU from before it was a kit: they keep holding the SKU itself. */
	openOrdersHoldingItAsPlainSku: number;
	note: string;
}

const NOTE_KEPT = 'Orders already holding this SKU keep what they reserved (the definition when they first held it); new order lines follow this definition.';

const NOTE_PLAIN = 'No longer a kit: Push Stock publishes it as a plain SKU, from its own count (0 until counted).';

export const toComponents = (q: Record<string, number>): KitComponent[] => Object.keys(q).sort().map((sku) => ({ sku, quantity: q[sku] }));

/** Defines (components given) or undefines (none) a kit, in one transaction. */
export async function saveKitInTx(tx: StoreTx, kitSku: string, components: KitComponent[] | null, now: string): Promise<KitChangeResult> {
	const kit = storeSku(kitSku, 'kit sku');
	const wanted = components === null ? [] : normaliseComponents(kit, components.map((c) => ({ sku: storeSku(c?.sku, 'component sku'), quantity: c?.quantity })));
	await tx.lockKits();
	const previous = (await tx.kitDefinitions([kit])).get(kit)?.components ?? null;
	if (wanted.length > 0) {
		const { defs } = await loadKitClosure(tx, wanted.map((c) => c.sku));
		checkNoCycle(defs, kit, wanted);
		defs.set(kit, wanted);
		const flat = flattenKit(defs, kit)!;
		const tooMany = Object.keys(flat).find((sku) => flat[sku] > MAX_QUANTITY);
		if (tooMany) throw new KitDefinitionError(kit, `one kit would need ${flat[tooMany]} units of ${tooMany} (at most ${MAX_QUANTITY})`);
		if (previous === null) {
			const own = await tx.ownOnHand(kit);
			if (own.length > 0) {
				const where = own.map((o) => `${o.onHand} in ${o.warehouse}`).join(', ');
				throw new KitDefinitionError(kit, `holds stock of its own (on hand ${where}): a kit's stock is its components'; set its on hand to 0 first`);
			}
		}
	}
	const changed = JSON.stringify(previous ?? []) !== JSON.stringify(wanted);
	// Removing a kit: what channels show for it came from its components; it is published as a plain SKU now.
	const formerStock = changed && wanted.length === 0 && previous !== null ? Object.keys(flattenKit((await loadKitClosure(tx, [kit])).defs, kit) ?? {}) : [];
	if (changed) {
		const seq = await tx.saveKit(kit, wanted, now);
		if (formerStock.length > 0) await tx.republishAsPlain(kit, formerStock, seq, now);
	}
	const holders = await tx.kitHolders(kit);
	return {
		sku: kit,
		components: wanted,
		previous,
		changed,
		openOrdersKeepingTheirDefinition: holders.asKit,
		openOrdersHoldingItAsPlainSku: holders.asPlainSku,
		note: !changed ? 'No change: the kit already had these components.' : formerStock.length > 0 ? `${NOTE_KEPT} ${NOTE_PLAIN}` : NOTE_KEPT,
	};
}

/** Kits as stored, with their stock components. */
export async function kitViews(q: KitQueries, kits: Array<{ sku: string; components: KitComponent[]; changeSeq: number; updatedAt: string }>): Promise<KitView[]> {
	const { defs } = await loadKitClosure(q, kits.map((k) => k.sku));
	return kits.map((k) => ({ ...k, stockComponents: toComponents(flattenKit(defs, k.sku) ?? {}) }));
}

/** Kits containing any of `skus`, directly or through other kits. */
export async function kitsContainingIn(q: KitQueries, skus: string[]): Promise<string[]> {
	const out = new Set<string>();
	let next = [...new Set(skus)];
	while (next.length > 0) {
		const parents = (await q.kitsUsing(next)).filter((k) => !out.has(k));
		for (const k of parents) out.add(k);
		next = parents;
	}
	return [...out].sort();
}

/** Levels of the kits among `skus`, in `warehouse`, with change numbers (the newest of components and definition). */
export async function kitVersionedLevels(backend: StoreBackend, skus: string[], warehouse: string): Promise<VersionedLevel[]> {
	const { defs, stored } = await loadKitClosure(backend.kitReads, skus);
	const kits = skus.filter((s) => defs.has(s));
	if (kits.length === 0) return [];
	const flats = new Map(kits.map((k) => [k, flattenKit(defs, k)!]));
	const components = [...new Set([...flats.values()].flatMap((f) => Object.keys(f)))];
	const levels = new Map((await backend.getVersionedLevels(components, warehouse)).map((l) => [l.sku, l]));
	return kits.map((kit) => ({ sku: kit, warehouse, ...kitLevel(flats.get(kit)!, (s) => levels.get(s), stored.get(kit)!.changeSeq), kit: true as const }));
}

/** Kit levels in every warehouse where one of their components has a counter (or only `warehouse`). */
export async function kitLevels(backend: StoreBackend, kits: string[], warehouse?: string): Promise<StockLevel[]> {
	const { defs } = await loadKitClosure(backend.kitReads, kits);
	const mine = kits.filter((s) => defs.has(s));
	if (mine.length === 0) return [];
	const flats = new Map(mine.map((k) => [k, flattenKit(defs, k)!]));
	const components = [...new Set([...flats.values()].flatMap((f) => Object.keys(f)))];
	const byWarehouse = new Map<string, Map<string, StockLevel>>();
	for (const l of await backend.getAvailability(components, warehouse)) {
		if (!byWarehouse.has(l.warehouse)) byWarehouse.set(l.warehouse, new Map());
		byWarehouse.get(l.warehouse)!.set(l.sku, l);
	}
	const out: StockLevel[] = [];
	for (const [wh, levels] of [...byWarehouse].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		for (const kit of mine) {
			const flat = flats.get(kit)!;
			if (!Object.keys(flat).some((s) => levels.has(s))) continue;
			const { onHand, reserved, available, stocked } = kitLevel(flat, (s) => levels.get(s), 0);
			out.push({ sku: kit, warehouse: wh, onHand, reserved, available, stocked, kit: true });
		}
	}
	return out;
}

/**
 * The changed-since feed with kits: every kit containing a changed component, and every kit whose definition
 * changed, joins the page as its computed level. When the page is the last one, the cursor also moves past
 * definition changes newer than the last counter change.
 */
export async function withChangedKits(backend: StoreBackend, from: number, page: ChangedPage): Promise<ChangedPage> {
	const upTo = page.more ? Number(page.cursor) : Number.MAX_SAFE_INTEGER;
	const redefined = await backend.kitReads.kitsChangedBetween(from, upTo);
	const viaComponents = await kitsContainingIn(backend.kitReads, [...new Set(page.levels.map((l) => l.sku))]);
	const kits = [...new Set([...redefined.map((k) => k.sku), ...viaComponents])];
	if (kits.length === 0) return page;
	const levels = await kitLevels(backend, kits);
	const cursor = page.more ? page.cursor : String(Math.max(Number(page.cursor), ...redefined.map((k) => k.changeSeq)));
	return { levels: [...page.levels, ...levels], cursor, more: page.more };
}
