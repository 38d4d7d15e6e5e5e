import { PAYMENT_METHODS, type CanonicalOrder, type IntakeFlag, type OrderLine, type PaymentMethod } from '../../model/order';
import { OrderValidationError, validateCanonicalOrder } from '../../model/validate';
import { compact, readZonedDate } from '../common/fields';
import { readAddress, readCustomer } from '../common/parties';
import { isJsonObject, RawReader, type JsonObject } from '../common/raw-reader';
import { UNKNOWN_STATUS } from '../common/status';
import type { LineMapKey, MappingDefinition, OrderMapKey } from './definition';
import { parsePath, splitLinePath, valueAt } from './paths';
import { statusRow } from './status';

/**
 * Reads mapped paths through a RawReader, so every failure is an OrderValidationError naming the order and
 * the field as the platform calls it ("items[2].price"): the path is the field's name in messages.
 */
class PathReader {
	constructor(readonly r: RawReader) {}

	/** The value at `path` in a one-key holder RawReader can read (it reads the label's last segment). */
	private holder(root: unknown, path: string): JsonObject {
		return { [path.slice(path.lastIndexOf('.') + 1)]: valueAt(root, parsePath(path)) };
	}

	/** Text at `path`; "a + b" joins the texts of several paths with a space (a first and a last name). */
	text(root: unknown, path: string | undefined, label = path): string | undefined {
		if (path === undefined) return undefined;
		const parts = path.split(' + ');
		if (parts.length === 1) return this.r.optString(this.holder(root, path), label!);
		const texts = parts.map((p) => this.text(root, p.trim())).filter((t): t is string => t !== undefined);
		return texts.length > 0 ? texts.join(' ') : undefined;
	}

	integer(root: unknown, path: string, label: string, min: number): number {
		return this.r.integer(this.holder(root, path), label, min);
	}

	/** Money in the definition's unit; absent is undefined; negative is an error. */
	cents(root: unknown, path: string | undefined, money: MappingDefinition['money'], label = path): number | undefined {
		if (path === undefined) return undefined;
		const h = this.holder(root, path);
		const cents = money === 'cents' ? this.r.optInteger(h, label!, 0) : this.r.optDecimalCents(h, label!);
		if (cents !== undefined && cents < 0) this.r.fail(label!, `must not be negative, got ${JSON.stringify(valueAt(root, parsePath(path)))}`);
		return cents;
	}

	/** ISO text (a date without a zone is read at `offset`, flagged), or Unix seconds / milliseconds as a number or digits. */
	date(root: unknown, path: string | undefined, offset: string, flags: Set<IntakeFlag>): string | undefined {
		if (path === undefined) return undefined;
		const v = valueAt(root, parsePath(path));
		const epoch = typeof v === 'number' ? v : typeof v === 'string' && /^\d{9,13}$/.test(v.trim()) ? Number(v) : undefined;
		if (epoch !== undefined) return new Date(epoch < 1e11 ? epoch * 1000 : epoch).toISOString();
		return readZonedDate(this.r, this.holder(root, path), path, offset, flags);
	}
}

/** The order's id as text, for naming it in errors before anything else is read. */
function idOf(raw: unknown, path: string): string | undefined {
	const id = valueAt(raw, parsePath(path));
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

function readLines(p: PathReader, raw: JsonObject, def: MappingDefinition): OrderLine[] {
	const m = def.map;
	const { array } = splitLinePath(m['lines.quantity']!);
	const list = valueAt(raw, parsePath(array));
	if (list === undefined) p.r.fail(array, 'is required (the order has no lines)');
	if (!Array.isArray(list)) p.r.fail(array, 'must be an array');
	if (list.length === 0) p.r.fail(array, 'must have at least one line');
	const field = (key: LineMapKey) => (m[key] === undefined ? undefined : splitLinePath(m[key]).field);
	return p.r.objects(list, array).map(({ item, path }) => {
		const label = (key: LineMapKey) => `${path}.${field(key)}`;
		const text = (key: LineMapKey) => p.text(item, field(key), label(key));
		return compact({
			sku: text('lines.sku'),
			quantity: p.integer(item, field('lines.quantity')!, label('lines.quantity'), 1),
			unitPriceCents: p.cents(item, field('lines.unitPrice'), def.money, label('lines.unitPrice')) ?? p.r.fail(label('lines.unitPrice'), 'is required'),
			title: text('lines.title'),
			channelListingId: text('lines.listingId'),
			channelVariantId: text('lines.variantId'),
			channelLineId: text('lines.lineId'),
		});
	});
}

/** Totals: shipping and discount absent are 0; without a total, items + shipping − discount; without a discount, what the total says was taken off. */
function readTotals(p: PathReader, raw: JsonObject, def: MappingDefinition, lines: OrderLine[]): CanonicalOrder['totals'] {
	const itemsCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
	const shippingCents = p.cents(raw, def.map.shipping, def.money) ?? 0;
	const discount = p.cents(raw, def.map.discount, def.money);
	const total = p.cents(raw, def.map.total, def.money);
	if (total === undefined)
		return { itemsCents, shippingCents, discountCents: discount ?? 0, totalCents: Math.max(0, itemsCents + shippingCents - (discount ?? 0)) };
	return { itemsCents, shippingCents, discountCents: discount ?? Math.max(0, itemsCents + shippingCents - total), totalCents: total };
}

function readPaymentMethod(p: PathReader, raw: JsonObject, def: MappingDefinition): PaymentMethod | undefined {
	const v = p.text(raw, def.map.paymentMethod);
	if (v === undefined) return undefined;
	const mapped = def.paymentMethodMap?.[v];
	return mapped ?? ((PAYMENT_METHODS as readonly string[]).includes(v) ? (v as PaymentMethod) : 'other');
}

/** The poller's identity of a listed order: its id and last change (creation when it has none). */
export function identifyMapped(def: MappingDefinition, input: unknown, channel: string): { channelOrderId: string; updatedAt: string } {
	const id = isJsonObject(input) ? idOf(input, def.map.id!) : undefined;
	const r = new RawReader(`${channel}:${id ?? '(no id)'}`);
	if (id === undefined) return r.fail(def.map.id!, 'is required (the order id)');
	const p = new PathReader(r);
	const flags = new Set<IntakeFlag>();
	const offset = def.timeZoneOffset ?? '-03:00';
	const updatedAt = p.date(input, def.map.updatedAt, offset, flags) ?? p.date(input, def.map.createdAt, offset, flags);
	return { channelOrderId: id, updatedAt: updatedAt ?? r.fail(def.map.updatedAt!, 'is required (the time the order last changed)') };
}

/**
 * Any JSON order → canonical order through a mapping (the configurable HTTP channel's normaliser and OMS
 * Store's Map JSON). Strict only where the OMS needs it: an id, a version time, lines with units and prices.
 * Lines without a SKU are kept unmapped; an unknown or absent status imports as paid, flagged status_unknown;
 * numbers may come as text. Throws OrderValidationError naming the order and the platform's field.
 */
export function mapOrder(def: MappingDefinition, input: unknown, channel: string, account: string): CanonicalOrder {
	const m = def.map;
	const id = isJsonObject(input) ? idOf(input, m.id!) : undefined;
	const r = new RawReader(`${channel}:${id ?? '(no id)'}`);
	if (!isJsonObject(input)) return r.fail('(order)', 'must be an object');
	const raw = input;
	const p = new PathReader(r);
	if (id === undefined) r.fail(m.id!, 'is required (the order id)');
	const flags = new Set<IntakeFlag>();
	const offset = def.timeZoneOffset ?? '-03:00';
	const createdAt = p.date(raw, m.createdAt, offset, flags);
	const updatedAt = p.date(raw, m.updatedAt, offset, flags) ?? createdAt ?? r.fail(m.updatedAt!, 'is required (the time the order last changed)');
	const lines = readLines(p, raw, def);
	const statusRaw = p.text(raw, m.status);
	const row = statusRaw === undefined ? undefined : def.statusMap?.[statusRaw];
	if (!row) flags.add('status_unknown');
	const currency = p.text(raw, m.currency);
	if (m.currency !== undefined && currency === undefined) flags.add('currency_from_account');
	const read = (prefix: 'customer' | 'shippingAddress') => (key: string) => p.text(raw, m[`${prefix}.${key}` as OrderMapKey]);
	const order: CanonicalOrder = {
		channel,
		account,
		channelOrderId: id!,
		createdAt: createdAt ?? updatedAt,
		updatedAt,
		...(row ? statusRow(row) : UNKNOWN_STATUS),
		channelStatusRaw: statusRaw ?? '(none)',
		currency: currency ?? def.currency ?? 'BRL',
		totals: readTotals(p, raw, def, lines),
		customer: readCustomer(read('customer'), { name: 'name', email: 'email', phone: 'phone', document: 'document' }),
		lines,
		shipments: [],
	};
	const address = readAddress(
		read('shippingAddress'),
		{
			name: 'name',
			street: 'street',
			number: 'number',
			complement: 'complement',
			district: 'district',
			city: 'city',
			state: 'state',
			postalCode: 'postalCode',
			country: 'country',
		},
		{ country: 'BR', name: order.customer.name || undefined },
	);
	if (address) order.shippingAddress = address;
	const paymentMethod = readPaymentMethod(p, raw, def);
	if (paymentMethod) order.paymentMethod = paymentMethod;
	if (flags.size > 0) order.flags = [...flags];
	return validateCanonicalOrder(order);
}

/** mapOrder with a malformed order as a value (Map JSON's error items); any other failure is thrown. */
export function tryMapOrder(
	def: MappingDefinition,
	input: unknown,
	channel: string,
	account: string,
): { order: CanonicalOrder } | { refused: OrderValidationError } {
	try {
		return { order: mapOrder(def, input, channel, account) };
	} catch (error) {
		if (error instanceof OrderValidationError) return { refused: error };
		throw error;
	}
}
