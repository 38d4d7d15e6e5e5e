import type { CanonicalStatus } from '../../../core/model/order';

/**
 * An independent reference model of the stock footprint, for the property, concurrency and crash tests.
 * It does not reuse core/lifecycle: it states the README's rules (commit point configurable, restock on
 * cancel after commit and on return) as "where should this order's stock be", line by line: units still on
 * the order, shipped and returned, so a bug in plan.ts cannot hide here.
 */

export interface Snapshot {
	id: string;
	status: CanonicalStatus;
	/** Channel updatedAt, in minutes after the fixture's base time. */
	minute: number;
	lines: Array<[string, number]>;
	warehouse: string;
	/** Per line (same index): units shipped and returned so far, when the channel reports them. */
	progress?: Array<{ shipped?: number; returned?: number }>;
}

export type CommitPoint = 'paid' | 'invoiced' | 'shipped';

const RANK: Record<CanonicalStatus, number> = { pending_payment: 0, paid: 1, invoiced: 2, shipped: 3, delivered: 4, cancelled: 9, returned: 9 };
const TERMINAL = new Set<CanonicalStatus>(['cancelled', 'returned']);

type Qty = Map<string, number>;

interface ModelOrder {
	status: CanonicalStatus;
	minute: number;
	warehouse: string;
	/** Units held as a reservation (empty when none). */
	reserved: Qty;
	/** Units taken off hand and not put back (zeros allowed). */
	committed: Qty;
	/** The reservation ran out while awaiting payment; it comes back only when the order is paid. */
	expired: boolean;
	/** Units counted back through returns (the snapshot's restocked ones or registered ones). */
	back: Qty;
	/** Units registered by Register Return, and the refs used. */
	registered: Qty;
	refs: Set<string>;
}

export interface ModelReturnLine {
	sku: string;
	quantity: number;
	condition: 'restock' | 'quarantine';
}

/** Where registered damaged returns go in the property test. */
export const QUARANTINE = 'quarantine';

const key = (warehouse: string, sku: string) => `${warehouse}/${sku}`;
const add = (q: Qty, sku: string, n: number) => q.set(sku, (q.get(sku) ?? 0) + n);

/**
 * Where the snapshot says the units are: off hand for good (returns excepted) and reserved. Units back per SKU
 * are the snapshot's returns (when restocked) or the registered ones, whichever is more, never both; and never
 * fewer than were already back while the order still has them (a lowered count un-restocks nothing).
 */
function wanted(s: Snapshot, commitOn: CommitPoint, restockReturns: boolean, registered: Qty, was: { back: Qty; out: Qty }): { out: Qty; reserved: Qty; back: Qty } {
	const out: Qty = new Map();
	const reserved: Qty = new Map();
	const back: Qty = new Map();
	if (s.status === 'cancelled') return { out, reserved, back };
	const returned: Qty = new Map();
	s.lines.forEach(([sku, q], i) => {
		const p = s.progress?.[i] ?? {};
		const shipped = Math.min(q, p.shipped ?? (RANK[s.status] >= RANK.shipped ? q : 0));
		const pastCommit = commitOn !== 'shipped' && RANK[s.status] >= RANK[commitOn];
		const deducted = pastCommit ? q : shipped;
		add(out, sku, deducted);
		add(returned, sku, restockReturns ? Math.min(deducted, p.returned ?? (s.status === 'returned' ? deducted : 0)) : 0);
		if (!TERMINAL.has(s.status)) add(reserved, sku, q - deducted);
	});
	for (const [sku, deducted] of out) {
		const reported = Math.min(deducted, Math.max(returned.get(sku) ?? 0, registered.get(sku) ?? 0));
		// Units that left the order (it deducts fewer than were out and back) are the only ones no longer back.
		const wasBack = was.back.get(sku) ?? 0;
		const left = Math.max(0, (was.out.get(sku) ?? 0) + wasBack - deducted);
		back.set(sku, Math.max(reported, wasBack - left));
		out.set(sku, deducted - back.get(sku)!);
	}
	return { out, reserved, back };
}

export class StockModel {
	readonly orders = new Map<string, ModelOrder>();
	/** On hand per warehouse/sku, moved by counts and by commits/restocks. */
	private readonly onHand = new Map<string, number>();
	readonly stocked = new Set<string>();
	/** Exchange lines: reserved as orders of their own, never touched by the snapshots. */
	private readonly exchanges: Array<{ warehouse: string; reserved: Qty }> = [];
	private readonly refs = new Set<string>();

	constructor(
		private readonly commitOn: CommitPoint = 'invoiced',
		private readonly restock: { onCancel: boolean; onReturn: boolean } = { onCancel: true, onReturn: true },
	) {}

	/** Returns false when the store must ignore the snapshot (stale or a status going backwards). */
	apply(s: Snapshot): boolean {
		const prev = this.orders.get(s.id);
		if (prev && s.minute < prev.minute) return false;
		if (prev && prev.status !== s.status && (TERMINAL.has(prev.status) || RANK[s.status] < RANK[prev.status])) return false;
		const o: ModelOrder = prev ?? {
			status: s.status,
			minute: s.minute,
			warehouse: s.warehouse,
			reserved: new Map(),
			committed: new Map(),
			expired: false,
			back: new Map(),
			registered: new Map(),
			refs: new Set(),
		};
		const wasTerminal = prev !== undefined && TERMINAL.has(prev.status);
		const wasStatus = prev?.status;
		o.status = s.status;
		o.minute = s.minute;
		this.orders.set(s.id, o);
		const target = wanted(s, this.commitOn, this.restock.onReturn, o.registered, { back: o.back, out: o.committed });
		const asked = new Map(target.out);
		// Not restocking cancellations: what is out stays out, unless a returned order puts its returns back.
		for (const sku of new Set([...target.out.keys(), ...o.committed.keys()])) {
			const now = o.committed.get(sku) ?? 0;
			if (s.status === 'cancelled') target.out.set(sku, this.restock.onCancel ? 0 : now);
			else if (!this.restock.onCancel && !(s.status === 'returned' && this.restock.onReturn)) target.out.set(sku, Math.max(now, target.out.get(sku) ?? 0));
		}
		// After cancelled/returned, units may still come back but never leave again.
		if (wasTerminal) for (const sku of new Set([...target.out.keys(), ...o.committed.keys()])) target.out.set(sku, Math.min(target.out.get(sku) ?? 0, o.committed.get(sku) ?? 0));
		// Returns held out by the rules above do not count as back (registered ones always do).
		if (s.status !== 'cancelled') {
			const back: Qty = new Map();
			for (const sku of new Set([...target.back.keys(), ...o.registered.keys()])) {
				const heldOut = Math.max(0, (target.out.get(sku) ?? 0) - (asked.get(sku) ?? 0));
				const n = Math.max(o.registered.get(sku) ?? 0, (target.back.get(sku) ?? 0) - heldOut);
				if (n > 0) back.set(sku, n);
			}
			o.back = back;
		}
		for (const sku of new Set([...target.out.keys(), ...o.committed.keys()])) {
			const diff = (target.out.get(sku) ?? 0) - (o.committed.get(sku) ?? 0);
			this.onHand.set(key(o.warehouse, sku), (this.onHand.get(key(o.warehouse, sku)) ?? 0) - diff);
		}
		o.committed = target.out;
		const stillUnpaid = o.expired && wasStatus !== undefined && !TERMINAL.has(s.status) && RANK[s.status] <= RANK[wasStatus];
		o.reserved = stillUnpaid ? new Map() : new Map([...target.reserved].filter(([, n]) => n > 0));
		o.expired = stillUnpaid;
		return true;
	}

	/**
	 * Order → Register Return: 'refused' when the order is unknown or a SKU has fewer units left to register
	 * (nothing changes), 'duplicate' for a ref used before, else the units come back (home or quarantine) and
	 * an exchange's lines are reserved in the order's warehouse.
	 */
	registerReturn(id: string, ref: string, lines: ModelReturnLine[], exchange?: Array<[string, number]>): 'ok' | 'refused' | 'duplicate' {
		const o = this.orders.get(id);
		if (!o) return 'refused';
		if (o.refs.has(ref)) return 'duplicate';
		const committed = new Map(o.committed);
		const back = new Map(o.back);
		const registered = new Map(o.registered);
		const moves: Array<[string, number]> = [];
		for (const condition of ['restock', 'quarantine'] as const) {
			const asked: Qty = new Map();
			for (const l of lines) if (l.condition === condition) add(asked, l.sku, l.quantity);
			for (const [sku, q] of [...asked].sort(([a], [b]) => (a < b ? -1 : 1))) {
				const alreadyBack = Math.min(q, (back.get(sku) ?? 0) - (registered.get(sku) ?? 0));
				const fresh = q - alreadyBack;
				if (fresh > (committed.get(sku) ?? 0)) return 'refused';
				committed.set(sku, (committed.get(sku) ?? 0) - fresh);
				add(back, sku, fresh);
				add(registered, sku, q);
				if (condition === 'restock') moves.push([key(o.warehouse, sku), fresh]);
				else moves.push([key(QUARANTINE, sku), q], [key(o.warehouse, sku), -alreadyBack]);
			}
		}
		for (const [k, n] of moves) this.onHand.set(k, (this.onHand.get(k) ?? 0) + n);
		Object.assign(o, { committed, back, registered });
		o.refs.add(ref);
		if (exchange) {
			const reserved: Qty = new Map();
			for (const [sku, q] of exchange) add(reserved, sku, q);
			this.exchanges.push({ warehouse: o.warehouse, reserved });
		}
		return 'ok';
	}

	/** The SKUs an order took out or brought back (what a return can name), sorted. */
	returnableSkus(id: string): string[] {
		const o = this.orders.get(id);
		return o ? [...new Set([...o.committed.keys(), ...o.back.keys()])].sort() : [];
	}

	/** Every reservation of an order still awaiting payment runs out. */
	expireAll(): void {
		for (const o of this.orders.values()) {
			if (o.status === 'pending_payment' && o.reserved.size > 0) {
				o.reserved = new Map();
				o.expired = true;
			}
		}
	}

	setOnHand(warehouse: string, sku: string, value: number, ref?: string): void {
		if (this.seenRef(warehouse, sku, ref)) return;
		this.onHand.set(key(warehouse, sku), value);
		this.stocked.add(key(warehouse, sku));
	}

	adjust(warehouse: string, sku: string, delta: number, ref?: string): void {
		if (this.seenRef(warehouse, sku, ref)) return;
		this.onHand.set(key(warehouse, sku), (this.onHand.get(key(warehouse, sku)) ?? 0) + delta);
		this.stocked.add(key(warehouse, sku));
	}

	private seenRef(warehouse: string, sku: string, ref?: string): boolean {
		if (!ref) return false;
		const k = `${ref}|${key(warehouse, sku)}`;
		if (this.refs.has(k)) return true;
		this.refs.add(k);
		return false;
	}

	/** Each order's net stock movement per "warehouse/sku" (-committed on hand, +reserved), zeros left out. */
	footprints(): Record<string, Record<string, { onHand: number; reserved: number }>> {
		const out: Record<string, Record<string, { onHand: number; reserved: number }>> = {};
		for (const [id, o] of [...this.orders].sort(([a], [b]) => (a < b ? -1 : 1))) {
			const f: Record<string, { onHand: number; reserved: number }> = {};
			for (const [sku, n] of o.committed) if (n !== 0) f[key(o.warehouse, sku)] = { onHand: -n, reserved: 0 };
			for (const [sku, n] of o.reserved) f[key(o.warehouse, sku)] = { onHand: f[key(o.warehouse, sku)]?.onHand ?? 0, reserved: n };
			if (Object.keys(f).length > 0) out[id] = Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : 1)));
		}
		return out;
	}

	/** Expected counters, keyed "warehouse/sku". */
	levels(): Map<string, { onHand: number; reserved: number }> {
		const out = new Map<string, { onHand: number; reserved: number }>();
		const at = (k: string) => out.get(k) ?? out.set(k, { onHand: 0, reserved: 0 }).get(k)!;
		for (const [k, n] of this.onHand) at(k).onHand = n;
		for (const o of [...this.orders.values(), ...this.exchanges]) for (const [sku, n] of o.reserved) at(key(o.warehouse, sku)).reserved += n;
		return out;
	}
}
