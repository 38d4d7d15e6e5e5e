import { boletoDeadline, DEFAULT_EXPIRY_RULES, expiryCutoffs, expiryRules } from '../../core/store/expiry';

/** The expiry rules as pure functions: business days, the boleto cutoff, validation. Days in Brasília (UTC−3). */

const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();

describe('expiry rules', () => {
	test('a boleto counts Monday–Friday after its own day and is released when the last one ends', () => {
		// Friday 2026-11-20 20:00 BRT → Mon, Tue, Wed, Thu → released at Friday 00:00 BRT (03:00Z)
		expect(iso(boletoDeadline(ms('2026-11-20T23:00:00Z'), DEFAULT_EXPIRY_RULES))).toBe('2026-11-27T03:00:00.000Z');
		// Saturday and Sunday count nothing: a boleto from the weekend ends with the same Thursday
		expect(iso(boletoDeadline(ms('2026-11-22T15:00:00Z'), DEFAULT_EXPIRY_RULES))).toBe('2026-11-27T03:00:00.000Z');
		// Tuesday → Wed, Thu, Fri, Mon
		expect(iso(boletoDeadline(ms('2026-11-24T13:00:00Z'), DEFAULT_EXPIRY_RULES))).toBe('2026-12-01T03:00:00.000Z');
		// 23:30Z on Monday is still Monday 20:30 in Brasília, not Tuesday
		expect(iso(boletoDeadline(ms('2026-11-23T23:30:00Z'), { boletoBusinessDays: 1, utcOffsetMinutes: -180 }))).toBe('2026-11-25T03:00:00.000Z');
	});

	test('the boleto cutoff agrees with the deadline for every reservation time, over two weeks hour by hour', () => {
		const rules = expiryRules({ boletoBusinessDays: 3 });
		const start = ms('2026-11-13T00:00:00Z');
		for (let now = start + 7 * 24 * 3600e3; now < start + 21 * 24 * 3600e3; now += 5 * 3600e3 + 17 * 60e3) {
			const cutoff = expiryCutoffs(rules, now).boleto;
			for (let reserved = start; reserved < now; reserved += 3600e3 + 7 * 60e3) {
				expect([iso(reserved), iso(now), iso(reserved) < cutoff]).toEqual([iso(reserved), iso(now), boletoDeadline(reserved, rules) <= now]);
			}
		}
	});

	test('hourly methods are measured back from now', () => {
		const c = expiryCutoffs(DEFAULT_EXPIRY_RULES, ms('2026-11-23T23:00:00Z'));
		expect(c).toMatchObject({ pix: '2026-11-23T21:00:00.000Z', credit_card: '2026-11-20T23:00:00.000Z', unknown: '2026-11-20T23:00:00.000Z' });
		expect(Object.keys(c).sort()).toEqual(['boleto', 'credit_card', 'debit_card', 'other', 'pix', 'unknown', 'wallet']);
	});

	test('partial rules keep the defaults; bad values are refused', () => {
		expect(expiryRules({ hours: { pix: 1 } })).toEqual({ ...DEFAULT_EXPIRY_RULES, hours: { ...DEFAULT_EXPIRY_RULES.hours, pix: 1 } });
		expect(() => expiryRules({ hours: { pix: -1 } })).toThrow('pix must be zero or more');
		expect(() => expiryRules({ hours: { boleto: 5 } as never })).toThrow('unknown payment method "boleto"');
		expect(() => expiryRules({ boletoBusinessDays: 1.5 })).toThrow('whole number');
		expect(() => expiryRules({ boletoBusinessDays: 61 })).toThrow('from 0 to 60');
		expect(() => expiryRules({ utcOffsetMinutes: 24 * 60 })).toThrow('UTC offset');
	});
});
