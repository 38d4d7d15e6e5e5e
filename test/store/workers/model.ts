import type { CanonicalStatus } from '../../../core/model/order';

/**
 * An independent reference model of the stock footprint, for the property, concurrency and crash tests.
 * It does not reuse core/lifecycle: it states the default lifecycle (commit on invoiced, restock on cancel
 * after commit and on return) as "where is this order's stock now", so a bug in plan.ts cannot hide here.
 */

export interface Snapshot {
	id: string;
	status: CanonicalStatus;
	/** Channel updatedAt, in minutes after the fixture's base time. */
	minute: number;
	lines: Array<[string, number]>;
	warehouse: string;
}

const RANK: Record<CanonicalStatus, number> = { pending_payment: 0, paid: 1, invoiced: 2, shipped: 3, delivered: 4, cancelled: 9, returned: 9 };
const TERMINAL = new Set<CanonicalStatus>(['cancelled', 'returned']);
const COMMITTED = new Set<CanonicalStatus>(['invoiced', 'shipped', 'delivered']);

type Qty = Map<string, number>;

interface ModelOrder {
	status: CanonicalStatus;
	minute: number;
	warehouse: string;
	/** Units held as a reservation (empty when none). */
	reserved: Qty;
	/** Units taken off hand and not put back (empty when none). */
	committed: Qty;
	/** Nothing more can move: cancelled/returned once seen. */
	closed: boolean;
	/** The reservation ran out while awaiting payment; it comes back only when the order is paid. */
	expired: boolean;
}

const key = (warehouse: string, sku: string) => `${warehouse}/${sku}`;

function qtyOf(lines: Array<[string, number]>): Qty {
	const q: Qty = new Map();
	for (const [sku, n] of lines) q.set(sku, (q.get(sku) ?? 0) + n);
	return q;
}

export class StockModel {
	readonly orders = new Map<string, ModelOrder>();
	/** On hand per warehouse/sku, moved by counts and by commits/restocks. */
	private readonly onHand = new Map<string, number>();
	readonly stocked = new Set<string>();
	private readonly refs = new Set<string>();

	private addOnHand(warehouse: string, q: Qty, sign: number): void {
		for (const [sku, n] of q) this.onHand.set(key(warehouse, sku), (this.onHand.get(key(warehouse, sku)) ?? 0) + sign * n);
	}

	/** Returns false when the store must ignore the snapshot (stale or a status going backwards). */
	apply(s: Snapshot): boolean {
		const prev = this.orders.get(s.id);
		if (prev && s.minute < prev.minute) return false;
		if (prev && prev.status !== s.status && (TERMINAL.has(prev.status) || RANK[s.status] < RANK[prev.status])) return false;
		const o: ModelOrder = prev ?? { status: s.status, minute: s.minute, warehouse: s.warehouse, reserved: new Map(), committed: new Map(), closed: false, expired: false };
		const wasStatus = prev?.status;
		o.status = s.status;
		o.minute = s.minute;
		this.orders.set(s.id, o);
		if (o.closed) return true;
		if (TERMINAL.has(s.status)) {
			this.addOnHand(o.warehouse, o.committed, +1); // restock; releasing a reservation moves nothing on hand
			o.reserved = new Map();
			o.committed = new Map();
			o.closed = true;
		} else if (o.committed.size > 0) {
			// committed: later line edits no longer move stock
		} else if (COMMITTED.has(s.status)) {
			o.committed = qtyOf(s.lines);
			o.reserved = new Map();
			this.addOnHand(o.warehouse, o.committed, -1);
		} else if (o.expired && wasStatus !== undefined && RANK[s.status] <= RANK[wasStatus]) {
			// still unpaid after expiry: nothing is held
		} else {
			o.expired = false;
			o.reserved = qtyOf(s.lines);
		}
		return true;
	}

	/** Every reservation of an order still awaiting payment runs out. */
	expireAll(): void {
		for (const o of this.orders.values()) {
			if (o.status === 'pending_payment' && o.reserved.size > 0 && !o.closed) {
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
			for (const [sku, n] of o.committed) f[key(o.warehouse, sku)] = { onHand: -n, reserved: 0 };
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
		for (const o of this.orders.values()) for (const [sku, n] of o.reserved) at(key(o.warehouse, sku)).reserved += n;
		return out;
	}
}
