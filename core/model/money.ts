/**
 * Money for people: cents as Brazilian text, "R$ 1.234,56" (dot thousands, comma decimals). Other currencies
 * keep their code in front ("USD 1.234,56"). Built by hand, not with Intl: ICU builds differ in spaces
 * (NBSP or not), and tests and dashboards compare this text.
 */
export function formatMoney(cents: number, currency = 'BRL'): string {
	if (!Number.isFinite(cents)) return '';
	const negative = cents < 0;
	const abs = Math.round(Math.abs(cents));
	const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	const text = `${units},${String(abs % 100).padStart(2, '0')}`;
	const symbol = currency.toUpperCase() === 'BRL' ? 'R$' : currency.toUpperCase();
	return `${negative ? '-' : ''}${symbol} ${text}`;
}

/** The totals of an order with a formatted twin beside each cents field (itemsCents → items: "R$ …"). */
export function formattedTotals(totals: Record<string, number>, currency: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(totals)) if (k.endsWith('Cents') && typeof v === 'number') out[k.slice(0, -5)] = formatMoney(v, currency);
	return out;
}

type Priced = { currency: string; totals: Record<string, unknown>; lines: Array<Record<string, unknown>> };

/**
 * An order as the nodes output it: every amount also as text beside its cents (totals.total beside
 * totals.totalCents, lines[].unitPrice beside unitPriceCents), so a person or a message template reads
 * "R$ 1.234,56" without arithmetic. Error items (no totals) pass through unchanged; Apply ignores the texts.
 */
export function withFormattedMoney<T>(item: T): T {
	const o = item as unknown as Partial<Priced>;
	if (!o || typeof o !== 'object' || !o.totals || typeof o.totals !== 'object' || typeof o.currency !== 'string' || !Array.isArray(o.lines)) return item;
	const currency = o.currency;
	return {
		...item,
		totals: { ...o.totals, ...formattedTotals(o.totals as Record<string, number>, currency) },
		lines: o.lines.map((l) => (l && typeof l.unitPriceCents === 'number' ? { ...l, unitPrice: formatMoney(l.unitPriceCents, currency) } : l)),
	} as T;
}
