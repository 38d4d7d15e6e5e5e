import { flattenKit, type KitComponent, type KitDefinitions } from '../catalog/kits';
import type { AppliedEffect, OrderPlan, OrderStockState } from '../lifecycle/plan';
import { sameQuantities, skuQuantities, type SkuQuantities } from '../lifecycle/quantities';
import type { CounterKey } from './backend';
import type { KitQueries, StoredKit } from './kit-backend';

/**
 * Kits in the stock engine. The lifecycle plans an order in the units of its lines, so a kit line plans in
 * kit units like any SKU; this turns each kit movement into its components' movements (ledger rows name the
 * kit) with the definition the order recorded when it first held the kit. A later definition change never
 * moves what an order already holds: the order keeps its recorded components for that kit.
 */

/** Loads the definitions of every kit reachable from `skus` (kits in kits), one query per nesting level. */
export async function loadKitClosure(q: Pick<KitQueries, 'kitDefinitions'>, skus: Iterable<string>): Promise<{ defs: KitDefinitions; stored: Map<string, StoredKit> }> {
	const defs: KitDefinitions = new Map();
	const stored = new Map<string, StoredKit>();
	const asked = new Set<string>();
	let next = [...new Set(skus)];
	while (next.length > 0) {
		for (const s of next) asked.add(s);
		const found = await q.kitDefinitions(next);
		for (const [kit, def] of found) {
			defs.set(kit, def.components);
			stored.set(kit, def);
		}
		next = [...new Set([...found.values()].flatMap((d) => d.components.map((c) => c.sku)))].filter((s) => !asked.has(s));
	}
	return { defs, stored };
}

export type KitSnapshots = Record<string, SkuQuantities>;

/** One kit line's part of an apply result: the components per kit unit it moved, and under which definition. */
export interface KitLineInfo {
	kit: string;
	componentsPerKit: KitComponent[];
	/** True when the order follows the definition recorded when it first held the kit, and that differs from today's. */
	followsEarlierDefinition: boolean;
}

const asComponents = (q: SkuQuantities): KitComponent[] => Object.keys(q).sort().map((sku) => ({ sku, quantity: q[sku] }));

export class KitStock {
	private readonly flat = new Map<string, SkuQuantities | undefined>();
	constructor(private readonly defs: KitDefinitions) {}

	get empty(): boolean {
		return this.defs.size === 0;
	}

	/** Today's flattened definition of `sku` (undefined: not a kit). */
	current(sku: string): SkuQuantities | undefined {
		if (!this.flat.has(sku)) this.flat.set(sku, flattenKit(this.defs, sku));
		return this.flat.get(sku);
	}

	/**
	 * Components per unit of `sku` for this order: the recorded definition; none (a plain SKU) when the order
	 * already held it without one (it was not a kit then); else today's definition.
	 */
	componentsFor(state: OrderStockState | undefined, sku: string): SkuQuantities | undefined {
		const recorded = state?.kits?.[sku];
		if (recorded) return recorded;
		if (state && (Object.hasOwn(state.reserved, sku) || Object.hasOwn(state.committed, sku))) return undefined;
		return this.current(sku);
	}

	/** The stock SKUs behind `skus` for this order, as counter keys in `warehouse`. */
	stockKeys(state: OrderStockState | undefined, skus: Iterable<string>, warehouse: string): CounterKey[] {
		return [...skus].flatMap((sku) => {
			const c = this.componentsFor(state, sku);
			return (c ? Object.keys(c) : [sku]).map((s) => ({ sku: s, warehouse }));
		});
	}

	/** The counters an order's held stock moves when it is released, committed or restocked. */
	heldKeys(state: OrderStockState | undefined): CounterKey[] {
		if (!state) return [];
		return this.stockKeys(state, [...Object.keys(state.reserved), ...Object.keys(state.committed)], state.warehouse);
	}

	/** Stock SKUs the order's lines stand for (kits through their components). */
	stockSkus(state: OrderStockState, skus: string[]): string[] {
		return [...new Set(this.stockKeys(state, skus, state.warehouse).map((k) => k.sku))];
	}

	/**
	 * The plan with kit movements turned into component movements (each naming its kit), the kits' definitions
	 * recorded on the order's next state, and the kit lines of the effects showing their components.
	 */
	expand<P extends Pick<OrderPlan, 'next' | 'effects' | 'movements'>>(before: OrderStockState, plan: P): { plan: P; kitLines: KitLineInfo[] } {
		const snapshots: KitSnapshots = { ...(before.kits ?? {}) };
		const used = new Map<string, SkuQuantities>();
		const partsOf = (sku: string): SkuQuantities | undefined => {
			if (used.has(sku)) return used.get(sku);
			const c = this.componentsFor(before, sku);
			if (c) {
				used.set(sku, c);
				snapshots[sku] = c;
			}
			return c;
		};
		const movements = plan.movements.flatMap((m): Array<P['movements'][number]> => {
			const parts = partsOf(m.sku);
			if (!parts) return [m];
			return Object.keys(parts).sort().map((sku) => ({ ...m, sku, deltaOnHand: m.deltaOnHand * parts[sku], deltaReserved: m.deltaReserved * parts[sku], kit: m.sku }));
		});
		const effects: AppliedEffect[] = plan.effects.map((e) => ({
			...e,
			lines: e.lines.map((l) => {
				const parts = partsOf(l.sku);
				return parts ? { ...l, components: asComponents(parts).map((c) => ({ sku: c.sku, quantity: c.quantity * l.quantity })) } : l;
			}),
		}));
		// Kit lines the order names that moved nothing now (already held): they still report their definition.
		for (const sku of [...Object.keys(plan.next.reserved), ...Object.keys(plan.next.committed)]) partsOf(sku);
		const kitLines = [...used].map(([kit, parts]) => ({ kit, componentsPerKit: asComponents(parts), followsEarlierDefinition: !sameQuantities(parts, this.current(kit)) }));
		const next = Object.keys(snapshots).length > 0 ? { ...plan.next, kits: snapshots } : plan.next;
		return { plan: { ...plan, movements, effects, next }, kitLines };
	}
}

/** A reservation footprint in stock SKUs: kit units times their recorded components. */
export function expandFootprint(reserved: Record<string, number>, kits: KitSnapshots | Record<string, Record<string, number>>): Array<{ sku: string; kit: string | null; quantity: number }> {
	return Object.keys(reserved).flatMap((sku): Array<{ sku: string; kit: string | null; quantity: number }> => {
		const parts = kits[sku];
		if (!parts) return [{ sku, kit: null, quantity: Number(reserved[sku]) }];
		return Object.keys(parts).map((c) => ({ sku: c, kit: sku, quantity: Number(reserved[sku]) * Number(parts[c]) }));
	});
}

export const kitSnapshots = (from: unknown): KitSnapshots => {
	const raw = (typeof from === 'string' ? JSON.parse(from) : from) as Record<string, Record<string, unknown>> | null;
	const out = Object.create(null) as KitSnapshots;
	for (const kit of Object.keys(raw ?? {})) out[kit] = skuQuantities(raw![kit]);
	return out;
};
