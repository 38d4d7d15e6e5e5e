import type { IntakeFlag, Invoice, OrderLine, OrderTotals } from '../../model/order';
import { isJsonObject, RawReader, type JsonObject } from './raw-reader';

/**
 * Reads that several normalisers need on top of RawReader: opening a raw order, required money, UTC dates
 * and status-table look-ups. Functions over a RawReader so every failure still names order and field.
 */

/** A reader named "channel:id" (or "channel:(no id)") and the raw order, checked to be an object. */
export function openRawOrder(channel: string, raw: unknown, idKey: string): { r: RawReader; o: JsonObject } {
	const id = isJsonObject(raw) ? raw[idKey] : undefined;
	const usable = (typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isSafeInteger(id));
	const r = new RawReader(`${channel}:${usable ? String(id) : '(no id)'}`);
	return { r, o: isJsonObject(raw) ? raw : r.fail('(order)', 'must be an object') };
}

/** Required, non-negative decimal money → cents. */
export function readCents(r: RawReader, obj: JsonObject, path: string): number {
	const cents = r.optDecimalCents(obj, path) ?? r.fail(path, 'is required');
	if (cents < 0) r.fail(path, `must not be negative, got ${cents / 100}`);
	return cents;
}

/**
 * A decimal amount stored with more places than cents (PrestaShop keeps six: "9.775000") → cents, half-up.
 * For line prices computed from a tax rate, where a sub-cent is the platform's own arithmetic, not a typo.
 */
export function readRoundedCents(r: RawReader, obj: JsonObject, path: string): number {
	const text = r.string(obj, path).trim();
	const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
	if (!m) return r.fail(path, `is not a non-negative decimal amount: ${JSON.stringify(text)}`);
	const fraction = (m[2] ?? '').padEnd(3, '0');
	const cents = Number(m[1]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
	return Number.isSafeInteger(cents) ? cents : r.fail(path, `is too large: ${text}`);
}

/** A date-time with no zone designator; channels that send these (Woo's *_gmt fields) mean UTC. */
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** A channel date-time → ISO 8601 UTC, so canonical dates compare as instants whatever the host's zone. */
export function readUtcDate(r: RawReader, obj: JsonObject, path: string): string {
	return readOptUtcDate(r, obj, path) ?? r.fail(path, 'is required');
}

export function readOptUtcDate(r: RawReader, obj: JsonObject, path: string): string | undefined {
	const v = r.optString(obj, path);
	if (v === undefined) return undefined;
	const ms = Date.parse(NO_ZONE.test(v) ? `${v.replace(' ', 'T')}Z` : v);
	if (Number.isNaN(ms)) r.fail(path, `is not a valid date: "${v}"`);
	return new Date(ms).toISOString();
}

/**
 * A channel date-time → ISO 8601 UTC, absent when blank. An offset written without a colon ("+0000") is
 * accepted; a date with no offset at all is read at `assumedOffset` (the channel's documented zone, e.g.
 * "Z" or "-04:00") and the order is flagged time_zone_assumed.
 */
export function readZonedDate(r: RawReader, obj: JsonObject, path: string, assumedOffset: string, flags: { add(flag: IntakeFlag): unknown }): string | undefined {
	const v = r.optString(obj, path);
	if (v === undefined) return undefined;
	const text = v.trim().replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	const zoned = /(Z|[+-]\d{2}:\d{2})$/i.test(text);
	const ms = Date.parse(zoned ? text : `${text}${assumedOffset}`);
	if (Number.isNaN(ms)) r.fail(path, `is not a valid date: "${v}"`);
	if (!zoned) flags.add('time_zone_assumed');
	return new Date(ms).toISOString();
}

/** Looks a channel status up in a mapping table; an unknown value is an error, never a silent guess. */
export function readMapped<V>(r: RawReader, obj: JsonObject, path: string, table: Readonly<Record<string, V>>): V {
	const v = r.string(obj, path);
	if (!Object.prototype.hasOwnProperty.call(table, v)) {
		r.fail(path, `has an unknown value "${v}" (known: ${Object.keys(table).join(', ')})`);
	}
	return table[v];
}

/** Document numbers (CPF/CNPJ) as digits only, as the canonical model stores them. */
export function digitsOnly(value: string | undefined): string | undefined {
	const digits = value?.replace(/\D/g, '');
	return digits ? digits : undefined;
}

/** Drops undefined members, so optional canonical fields are absent rather than present-and-undefined. */
export function compact<T extends object>(obj: T): T {
	return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A store-local date-time → ISO UTC, for channels that write dates without a zone in the store's time
 * (Tray, Loja Integrada): "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS", "…T…" with any fraction, read at `offset`; a
 * value that carries its own zone ("Z", "-03:00") keeps it. "0000-00-00" placeholders and blanks are absent.
 * `time` completes a date-only value (Tray's separate `hour`).
 */
export function readLocalDate(r: RawReader, obj: JsonObject, path: string, offset: string, time?: string): string | undefined {
	const raw = r.optString(obj, path);
	if (raw === undefined || raw.startsWith('0000-00-00')) return undefined;
	// A Brazilian day "DD/MM/YYYY" (MadeiraMadeira's NF-e and shipment dates) is that day's ISO form.
	const v = raw.trim().replace(/^(\d{2})\/(\d{2})\/(\d{4})$/, '$3-$2-$1');
	let text = (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T${time ?? '00:00:00'}` : v.replace(' ', 'T')).replace(/(\.\d{3})\d+/, '$1');
	if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) text += offset;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) r.fail(path, `is not a valid date: "${raw}"`);
	return new Date(ms).toISOString();
}

/** The calendar day (YYYY-MM-DD) of an instant at a UTC offset ("-03:00"), for day-precision filters. */
export function localDay(iso: string, offset: string): string {
	return localDateTime(iso, offset).slice(0, 10);
}

/** The calendar day of an instant at a UTC offset written the Brazilian way (DD/MM/YYYY), for APIs that take it so. */
export function brazilianDay(iso: string, offset: string): string {
	const [y, m, d] = localDay(iso, offset).split('-');
	return `${d}/${m}/${y}`;
}

/** An instant as a zone-less local date-time "YYYY-MM-DDTHH:MM:SS" at `offset`, for filters in store time. */
export function localDateTime(iso: string, offset: string): string {
	const sign = offset.startsWith('-') ? -1 : 1;
	const [h, m] = offset.slice(1).split(':').map(Number);
	return new Date(Date.parse(iso) + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 19);
}

/** The account's UTC offset from options.timeZoneOffset ("-03:00"), else the channel's documented or assumed one. */
export function accountOffset(options: Record<string, unknown> | undefined, fallback: string): string {
	const o = options?.timeZoneOffset;
	return typeof o === 'string' && /^[+-]\d{2}:\d{2}$/.test(o) ? o : fallback;
}

/**
 * Totals from what the buyer was charged (Tray, Loja Integrada): items at the unit prices paid, shipping, and
 * the charged total. A coupon or discount may live in fields the total already reflects but the discount field
 * does not, so discountCents is every reduction whatever field names it: max(0, items + shipping − total). A
 * fee the buyer paid (a payment rate) shows as a total above items + shipping.
 */
export function chargedTotals(lines: ReadonlyArray<Pick<OrderLine, 'unitPriceCents' | 'quantity'>>, shippingCents: number, totalCents: number): OrderTotals {
	const itemsCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
	return { itemsCents, shippingCents, discountCents: Math.max(0, itemsCents + shippingCents - totalCents), totalCents };
}

/** chargedTotals read from the order: an absent shipping field is no shipping; the charged total is required. */
export function readChargedTotals(r: RawReader, raw: JsonObject, lines: readonly OrderLine[], shippingPath: string, totalPath: string): OrderTotals {
	const shippingCents = r.optDecimalCents(raw, shippingPath) === undefined ? 0 : readCents(r, raw, shippingPath);
	return chargedTotals(lines, shippingCents, readCents(r, raw, totalPath));
}

/**
 * An NF-e record under the channel's key names, its date in store time (Tray, MadeiraMadeira; Olist's carry their
 * zone): absent unless it has a 44-digit key or a number (listings that carry an empty record). `path` '' = the
 * order's own fields.
 */
export function readLocalInvoice(
	r: RawReader,
	item: JsonObject,
	path: string,
	offset: string,
	keys: Readonly<Record<'nfeKey' | 'number' | 'series' | 'issuedAt' | 'url', string>>,
): Invoice | undefined {
	const at = (key: string) => (path ? `${path}.${key}` : key);
	const invoice: Invoice = compact({
		nfeKey: digitsOnly(r.optString(item, at(keys.nfeKey))),
		number: r.optString(item, at(keys.number)),
		series: r.optString(item, at(keys.series)),
		issuedAt: readLocalDate(r, item, at(keys.issuedAt), offset),
		url: r.optString(item, at(keys.url)),
	});
	return invoice.nfeKey?.length === 44 || invoice.number ? invoice : undefined;
}
