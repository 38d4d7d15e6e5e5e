import fs from 'node:fs';
import path from 'node:path';
import { validateCanonicalOrder } from '../core/model/validate';
import { parseNfeKey } from '../core/sync/nfe-key';
import { PUSH_LEASE_TTL_MS, PUSH_LEASE_WAIT_MS } from '../core/sync/push-run';

/** The README's examples are part of the product: each one must be true. */
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const blocks = [...README.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

describe('README examples', () => {
	it('the canonical order example is a valid canonical order', () => {
		const json = blocks.filter((b) => b.lang === 'json');
		expect(json.length).toBeGreaterThanOrEqual(1);
		const order = validateCanonicalOrder(JSON.parse(json[0].text));
		expect(order.totals.itemsCents).toBe(order.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0));
		expect(order.totals.totalCents).toBe(order.totals.itemsCents + order.totals.shippingCents - order.totals.discountCents);
	});

	it('every 44-digit NF-e key in the README has a right check digit', () => {
		const keys = [...README.matchAll(/(?<!\d)\d{44}(?!\d)/g)].map((m) => m[0]);
		expect(keys.length).toBeGreaterThanOrEqual(1);
		for (const key of keys) expect([key, parseNfeKey(key)]).toEqual([key, expect.not.objectContaining({ invalid: expect.anything() })]);
	});

	it('the CLI flags the README shows are the ones the CLI accepts', () => {
		const cli = fs.readFileSync(path.join(__dirname, '..', 'cli.ts'), 'utf8');
		const section = README.slice(README.indexOf('### See how a raw order maps'), README.indexOf('### Status mappings'));
		const flags = new Set([...section.matchAll(/--([a-z]+)/g)].map((m) => m[1]));
		expect(flags.size).toBeGreaterThan(0);
		for (const flag of flags) expect([flag, cli.includes(`'${flag}'`) || cli.includes(`--${flag}`)]).toEqual([flag, true]);
	});

	it('the benchmark line shown is one JSON object', () => {
		const bench = blocks.find((b) => b.lang === '' && b.text.trim().startsWith('{'));
		expect(bench).toBeDefined();
		expect(JSON.parse(bench!.text)).toEqual(expect.objectContaining({ pg_drift: 0, pg_oversold_unflagged: 0 }));
	});

	it("Push Stock's lease figures are the code's (its life, the heartbeat's third of it, the wait)", () => {
		const ttl = PUSH_LEASE_TTL_MS / 1000;
		const heartbeat = (Math.floor(PUSH_LEASE_TTL_MS / 3) / 1000).toFixed(1);
		const text = README.replace(/\s+/g, ' ');
		expect(text).toContain(`a lease on its SKUs in the store (${ttl} s, renewed before every request and every third of its life, ${heartbeat} s,`);
		expect(text).toContain(`runs out within ${ttl} s and is taken over). A run waits up to ${PUSH_LEASE_WAIT_MS / 1000} s for SKUs`);
	});

	it('the npm scripts the README names exist', () => {
		const scripts = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).scripts as Record<string, string>;
		const named = new Set([...README.matchAll(/npm (?:run )?(test:e2e|test:queue|bench|start|test|lint|build)\b/g)].map((m) => m[1]));
		for (const s of named) expect([s, scripts[s] !== undefined]).toEqual([s, true]);
	});
});
