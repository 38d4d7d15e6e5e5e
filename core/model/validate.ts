import {
	CANONICAL_STATUSES,
	FULFILLMENT_STATUSES,
	INTAKE_FLAGS,
	PAYMENT_METHODS,
	PAYMENT_STATUSES,
	skuIdentity,
	type CanonicalOrder,
	type IntakeFlag,
	type OrderLine,
} from './order';

/**
 * The largest quantity or amount the store accepts: both stores keep 64-bit integers, but sums of many
 * rows must stay exact in JavaScript numbers, so every single value is a safe integer well below 2^53.
 */
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_CENTS = Number.MAX_SAFE_INTEGER / 1024;

/** A malformed order: names the order (as far as it can be identified) and the offending field. */
export class OrderValidationError extends Error {
	constructor(
		readonly orderRef: string,
		readonly field: string,
		readonly reason: string,
	) {
		super(`Order ${orderRef}: field "${field}" ${reason}`);
		this.name = 'OrderValidationError';
	}
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Best-effort reference for error messages, even when the order is badly broken. */
export function describeOrderRef(input: unknown): string {
	if (!isObject(input)) return '(not an object)';
	const id = input.channelOrderId;
	const channel = typeof input.channel === 'string' ? input.channel : '?';
	return typeof id === 'string' || typeof id === 'number' ? `${channel}:${String(id)}` : `${channel}:(no channelOrderId)`;
}

class Checker {
	constructor(private readonly ref: string) {}

	fail(field: string, reason: string): never {
		throw new OrderValidationError(this.ref, field, reason);
	}

	string(obj: Json, key: string, path: string, optional = false): string | undefined {
		const v = obj[key];
		if (v === undefined || v === null) {
			if (optional) return undefined;
			this.fail(path, 'is required');
		}
		if (typeof v !== 'string') this.fail(path, `must be a string, got ${typeof v}`);
		if (!optional && v.trim() === '') this.fail(path, 'must not be empty');
		return v;
	}

	date(obj: Json, key: string, path: string, optional = false): string | undefined {
		const v = this.string(obj, key, path, optional);
		if (v !== undefined && Number.isNaN(Date.parse(v))) this.fail(path, `is not a valid date: "${v}"`);
		return v;
	}

	integer(obj: Json, key: string, path: string, min: number, max: number): number {
		const v = obj[key];
		if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.fail(path, `must be an integer, got ${JSON.stringify(v)}`);
		if (v < min) this.fail(path, `must be >= ${min}, got ${v}`);
		if (v > max) this.fail(path, `must be <= ${max}, got ${v}`);
		return v;
	}

	optInteger(obj: Json, key: string, path: string, min: number, max: number): number | undefined {
		return obj[key] === undefined || obj[key] === null ? undefined : this.integer(obj, key, path, min, max);
	}

	oneOf<T extends string>(obj: Json, key: string, path: string, allowed: readonly T[], optional = false): T {
		const v = this.string(obj, key, path, optional) as string;
		if (v === undefined) return v as unknown as T;
		if (!(allowed as readonly string[]).includes(v)) this.fail(path, `must be one of ${allowed.join(', ')}, got "${v}"`);
		return v as T;
	}

	object(obj: Json, key: string, path: string, optional = false): Json | undefined {
		const v = obj[key];
		if (v === undefined || v === null) {
			if (optional) return undefined;
			this.fail(path, 'is required');
		}
		if (!isObject(v)) this.fail(path, 'must be an object');
		return v;
	}
}

/**
 * Shipped and returned units of a line: whole numbers from 0; more than the line holds (or returned beyond
 * shipped) is lowered to what it can hold, and the order is flagged, not refused.
 */
function lineProgress(c: Checker, r: Json, path: string, line: OrderLine): boolean {
	let clamped = false;
	const clamp = (n: number, max: number): number => {
		if (n <= max) return n;
		clamped = true;
		return max;
	};
	const shipped = c.optInteger(r, 'shippedQuantity', `${path}.shippedQuantity`, 0, MAX_QUANTITY);
	const returned = c.optInteger(r, 'returnedQuantity', `${path}.returnedQuantity`, 0, MAX_QUANTITY);
	if (shipped !== undefined) line.shippedQuantity = clamp(shipped, line.quantity);
	if (returned !== undefined) line.returnedQuantity = clamp(returned, line.shippedQuantity ?? line.quantity);
	return clamped;
}

function validateLine(c: Checker, raw: unknown, i: number, clamped: { any: boolean }): OrderLine {
	const path = `lines[${i}]`;
	if (!isObject(raw)) c.fail(path, 'must be an object');
	const r = raw as Json;
	const sku = c.string(r, 'sku', `${path}.sku`, true);
	const identity = sku === undefined ? '' : skuIdentity(sku);
	const line: OrderLine = {
		quantity: c.integer(r, 'quantity', `${path}.quantity`, 1, MAX_QUANTITY),
		unitPriceCents: c.integer(r, 'unitPriceCents', `${path}.unitPriceCents`, 0, MAX_CENTS),
	};
	// A line without a SKU is kept (it reserves nothing until its listing is linked), never rejected.
	if (identity === '') line.unmapped = true;
	else line.sku = identity;
	const listing = c.string(r, 'channelListingId', `${path}.channelListingId`, true);
	const variant = c.string(r, 'channelVariantId', `${path}.channelVariantId`, true);
	const lineId = c.string(r, 'channelLineId', `${path}.channelLineId`, true);
	const title = c.string(r, 'title', `${path}.title`, true);
	if (lineId !== undefined) line.channelLineId = lineId;
	if (listing !== undefined) line.channelListingId = listing;
	if (variant !== undefined) line.channelVariantId = variant;
	if (title !== undefined) line.title = title;
	const warehouse = c.string(r, 'warehouse', `${path}.warehouse`, true);
	if (warehouse !== undefined) line.warehouse = warehouse.trim() || c.fail(`${path}.warehouse`, 'must not be empty');
	if (lineProgress(c, r, path, line)) clamped.any = true;
	return line;
}

/**
 * Checks that an item is a canonical order and returns it typed. Throws OrderValidationError naming the
 * order and the first bad field. Only what the stock engine and the write-back rely on is strict; the
 * rest (customer, address) is checked for type.
 */
export function validateCanonicalOrder(input: unknown): CanonicalOrder {
	const c = new Checker(describeOrderRef(input));
	if (!isObject(input)) c.fail('(order)', 'must be an object');
	const o = input as Json;
	c.string(o, 'channel', 'channel');
	c.string(o, 'account', 'account');
	if (typeof o.channelOrderId === 'number') c.fail('channelOrderId', 'must be a string (channel ids can exceed 2^53)');
	c.string(o, 'channelOrderId', 'channelOrderId');
	c.date(o, 'createdAt', 'createdAt');
	c.date(o, 'updatedAt', 'updatedAt');
	c.oneOf(o, 'status', 'status', CANONICAL_STATUSES);
	c.oneOf(o, 'paymentStatus', 'paymentStatus', PAYMENT_STATUSES);
	c.oneOf(o, 'fulfillmentStatus', 'fulfillmentStatus', FULFILLMENT_STATUSES);
	c.string(o, 'channelStatusRaw', 'channelStatusRaw', true);
	c.string(o, 'currency', 'currency');
	const totals = c.object(o, 'totals', 'totals') as Json;
	for (const k of ['itemsCents', 'shippingCents', 'discountCents', 'totalCents']) c.integer(totals, k, `totals.${k}`, 0, MAX_CENTS);
	const customer = c.object(o, 'customer', 'customer') as Json;
	c.string(customer, 'name', 'customer.name', true);
	const address = c.object(o, 'shippingAddress', 'shippingAddress', true);
	if (address) {
		c.string(address, 'city', 'shippingAddress.city', true);
		c.string(address, 'country', 'shippingAddress.country', true);
	}
	if (!Array.isArray(o.lines)) c.fail('lines', 'must be an array');
	const rawLines = o.lines as unknown[];
	// A cancelled order may come with no lines (Amazon zeroes a cancelled order's quantities), and so may one a
	// change emptied (`all_lines_removed`): the store gives back what it holds for the order.
	const emptied = Array.isArray(o.flags) && o.flags.includes('all_lines_removed');
	if (rawLines.length === 0 && o.status !== 'cancelled' && !emptied) c.fail('lines', 'must have at least one line');
	const clamped = { any: false };
	const lines = rawLines.map((l, i) => validateLine(c, l, i, clamped));
	c.oneOf(o, 'paymentMethod', 'paymentMethod', PAYMENT_METHODS, true);
	const invoice = c.object(o, 'invoice', 'invoice', true);
	if (invoice) {
		const key = c.string(invoice, 'nfeKey', 'invoice.nfeKey', true);
		if (key !== undefined && !/^\d{44}$/.test(key)) c.fail('invoice.nfeKey', 'must be 44 digits');
		c.date(invoice, 'issuedAt', 'invoice.issuedAt', true);
	}
	if (o.shipments !== undefined && !Array.isArray(o.shipments)) c.fail('shipments', 'must be an array');
	const warehouse = c.string(o, 'warehouse', 'warehouse', true);
	if (warehouse !== undefined && warehouse.trim() === '') c.fail('warehouse', 'must not be empty');
	c.string(o, 'groupId', 'groupId', true);
	const origin = c.string(o, 'originMarketplace', 'originMarketplace', true);
	if (origin !== undefined && origin.length > 100) c.fail('originMarketplace', 'must be at most 100 characters');
	const flags = validateFlags(c, o.flags, lines, clamped.any);
	const order: CanonicalOrder = { ...(o as unknown as CanonicalOrder), lines, shipments: (o.shipments as CanonicalOrder['shipments']) ?? [] };
	if (order.paymentMethod === null) delete order.paymentMethod; // null = not said = absent
	if (order.groupId === null || order.groupId === '') delete order.groupId;
	// Hubs send blanks for orders they created themselves: no origin then.
	if (typeof order.originMarketplace === 'string' && order.originMarketplace.trim() !== '') order.originMarketplace = order.originMarketplace.trim();
	else delete order.originMarketplace;
	if (flags.length > 0) order.flags = flags;
	else delete order.flags;
	return order;
}

/** Known flags only; `unmapped_lines` follows the lines, whatever the input said; clamping adds its flag. */
function validateFlags(c: Checker, raw: unknown, lines: OrderLine[], clamped: boolean): IntakeFlag[] {
	if (raw !== undefined && raw !== null && !Array.isArray(raw)) c.fail('flags', 'must be an array');
	const given = (raw as unknown[] | undefined) ?? [];
	given.forEach((f, i) => {
		if (!(INTAKE_FLAGS as readonly unknown[]).includes(f)) c.fail(`flags[${i}]`, `must be one of ${INTAKE_FLAGS.join(', ')}, got ${JSON.stringify(f)}`);
	});
	const flags = new Set(given as IntakeFlag[]);
	if (lines.some((l) => l.unmapped)) flags.add('unmapped_lines');
	else flags.delete('unmapped_lines');
	if (clamped) flags.add('line_quantities_clamped');
	if (lines.length > 0) flags.delete('all_lines_removed'); // it says the order has no line left
	return INTAKE_FLAGS.filter((f) => flags.has(f));
}
