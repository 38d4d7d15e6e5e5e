import { skuQuantities, type SkuQuantities } from '../lifecycle/quantities';
import { MAX_QUANTITY } from '../model/validate';

/**
 * Kits ("produto composto"): a SKU sold as a set of component SKUs. A kit holds no stock of its own; an order
 * line for it reserves, commits, releases and restocks its components, and its published availability is
 * min over components of floor(available(component) / quantity). A kit may contain kits: definitions are
 * flattened to stock SKUs (the quantities of a component reached through several paths add up), and a
 * definition that would make a cycle is refused.
 */

export interface KitComponent {
	sku: string;
	/** Units of this component in one unit of the kit. */
	quantity: number;
}

/** Direct definitions: kit SKU → its components as defined (components may be kits). */
export type KitDefinitions = Map<string, KitComponent[]>;

export class KitDefinitionError extends Error {
	constructor(
		readonly kit: string,
		message: string,
	) {
		super(`Kit ${kit}: ${message}`);
		this.name = 'KitDefinitionError';
	}
}

/** The path from `from` to `to` through the definitions, or undefined when `to` cannot be reached. */
function pathTo(defs: KitDefinitions, from: string, to: string, seen = new Set<string>()): string[] | undefined {
	if (from === to) return [to];
	if (seen.has(from)) return undefined;
	seen.add(from);
	for (const c of defs.get(from) ?? []) {
		const rest = pathTo(defs, c.sku, to, seen);
		if (rest) return [from, ...rest];
	}
	return undefined;
}

/** Refuses a definition of `kit` that would contain the kit itself, directly or through another kit. */
export function checkNoCycle(defs: KitDefinitions, kit: string, components: KitComponent[]): void {
	for (const c of components) {
		const back = pathTo(defs, c.sku, kit);
		if (back) throw new KitDefinitionError(kit, `component ${c.sku} would make a cycle (${[kit, ...back].join(' → ')}): a kit cannot contain itself`);
	}
}

/**
 * Stock SKUs per unit of `kit`, through nested kits. Undefined when `kit` is not a kit. `defs` must hold every
 * kit reachable from `kit` (loadKitClosure); a cycle (which definitions refuse) is reported, never looped on.
 */
export function flattenKit(defs: KitDefinitions, kit: string): SkuQuantities | undefined {
	if (!defs.has(kit)) return undefined;
	const out = skuQuantities();
	const walk = (sku: string, times: number, path: string[]): void => {
		const components = defs.get(sku);
		if (!components) {
			out[sku] = (out[sku] ?? 0) + times;
			return;
		}
		if (path.includes(sku)) throw new KitDefinitionError(kit, `cycle in stored definitions (${[...path, sku].join(' → ')})`);
		for (const c of components) walk(c.sku, times * c.quantity, [...path, sku]);
	};
	walk(kit, 1, []);
	return out;
}

/** Components merged per SKU (a SKU named twice counts once with the sum), each quantity checked. */
export function normaliseComponents(kit: string, components: KitComponent[]): KitComponent[] {
	if (!Array.isArray(components) || components.length === 0) throw new KitDefinitionError(kit, 'needs at least one component');
	const merged = new Map<string, number>();
	for (const c of components) {
		const q = c.quantity;
		if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > MAX_QUANTITY) {
			throw new KitDefinitionError(kit, `component ${c.sku} quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${JSON.stringify(q)}`);
		}
		if (c.sku === kit) throw new KitDefinitionError(kit, 'a kit cannot contain itself');
		merged.set(c.sku, (merged.get(c.sku) ?? 0) + q);
	}
	return [...merged].map(([sku, quantity]) => ({ sku, quantity })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/** Kit SKUs that contain any of `skus`, directly or through other kits. */
export function kitsContaining(defs: KitDefinitions, skus: Iterable<string>): string[] {
	const parents = new Map<string, string[]>();
	for (const [kit, components] of defs) for (const c of components) parents.set(c.sku, [...(parents.get(c.sku) ?? []), kit]);
	const out = new Set<string>();
	const queue = [...skus];
	while (queue.length > 0) {
		for (const kit of parents.get(queue.pop()!) ?? []) {
			if (out.has(kit)) continue;
			out.add(kit);
			queue.push(kit);
		}
	}
	return [...out].sort();
}

/** A component's level, as far as a kit's level needs it. */
export interface ComponentLevel {
	onHand: number;
	available: number;
	stocked: boolean;
	changeSeq?: number;
}

export interface KitLevel {
	onHand: number;
	reserved: number;
	available: number;
	stocked: boolean;
	changeSeq: number;
}

/**
 * A kit's level from its flattened components: available = min floor(available(c) / q(c)) (the formula the
 * channels are shown), on hand the same over on hand, reserved the difference; counted only when every
 * component was counted; its change number the newest of its components' and of its definition's.
 */
export function kitLevel(flat: SkuQuantities, levelOf: (sku: string) => ComponentLevel | undefined, definitionSeq: number): KitLevel {
	let onHand = Infinity;
	let available = Infinity;
	let stocked = true;
	let changeSeq = definitionSeq;
	for (const sku of Object.keys(flat)) {
		const l = levelOf(sku) ?? { onHand: 0, available: 0, stocked: false, changeSeq: 0 };
		onHand = Math.min(onHand, Math.floor(l.onHand / flat[sku]));
		available = Math.min(available, Math.floor(l.available / flat[sku]));
		stocked &&= l.stocked;
		changeSeq = Math.max(changeSeq, l.changeSeq ?? 0);
	}
	if (!Number.isFinite(onHand)) return { onHand: 0, reserved: 0, available: 0, stocked: false, changeSeq };
	return { onHand, reserved: onHand - available, available, stocked, changeSeq };
}
