import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every shipped template (workflows-templates/*.json): nodes at least 220 px apart, no node on a sticky note,
 * notes that do not overlap, every note in Portuguese and English, and the files exactly what
 * scripts/gen-templates.js writes (deterministic ids: a second run changes nothing).
 */
const DIR = join(__dirname, '..', '..', 'workflows-templates');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const STICKY = 'n8n-nodes-base.stickyNote';
// The space n8n's canvas gives a node: default nodes are 100 × 100; the AI Agent is wider.
const SIZE: Record<string, [number, number]> = { '@n8n/n8n-nodes-langchain.agent': [220, 100] };

interface N { id: string; name: string; type: string; position: [number, number]; parameters: { content?: string; width?: number; height?: number } }
type Box = [number, number, number, number];
const load = (f: string): { nodes: N[] } => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const box = (n: N): Box => {
	const [w, h] = n.type === STICKY ? [n.parameters.width!, n.parameters.height!] : (SIZE[n.type] ?? [100, 100]);
	return [n.position[0], n.position[1], n.position[0] + w, n.position[1] + h];
};
const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe.each(FILES)('template %s', (file) => {
	const nodes = load(file).nodes;
	const steps = nodes.filter((n) => n.type !== STICKY);
	const notes = nodes.filter((n) => n.type === STICKY);

	it('keeps every two nodes at least 220 px apart (horizontally or vertically)', () => {
		const close: string[] = [];
		for (let i = 0; i < steps.length; i++) for (let j = i + 1; j < steps.length; j++) {
			const [a, b] = [steps[i], steps[j]];
			const d = Math.max(Math.abs(a.position[0] - b.position[0]), Math.abs(a.position[1] - b.position[1]));
			if (d < 220) close.push(`${a.name} ↔ ${b.name}: ${d} px`);
		}
		expect(close).toEqual([]);
	});

	it('puts no node on a sticky note and no note on another', () => {
		expect(notes.length).toBeGreaterThan(0);
		const hits: string[] = [];
		for (const s of notes) {
			for (const n of steps) if (overlap(box(n), box(s))) hits.push(`${n.name} on ${s.name}`);
			for (const t of notes) if (t !== s && overlap(box(t), box(s))) hits.push(`${t.name} on ${s.name}`);
		}
		expect(hits).toEqual([]);
	});

	it('writes every sticky note in Portuguese, then English', () => {
		for (const s of notes) {
			const parts = s.parameters.content!.split('\n---\n');
			expect([s.name, parts.length]).toEqual([s.name, 2]);
			const [pt, en] = parts;
			// Words that only one of the two languages uses.
			expect([s.name, /\b(não|você|pedidos?|estoque|uma|para|são|também)\b/i.test(pt)]).toEqual([s.name, true]);
			expect([s.name, /\b(the|and|your|every|when)\b/i.test(en)]).toEqual([s.name, true]);
			expect([s.name, /\b(the|your)\b/i.test(pt), /\b(você|não)\b/i.test(en)]).toEqual([s.name, false, false]);
		}
	});

	it('has unique UUID-shaped node ids', () => {
		const ids = nodes.map((n) => n.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
});

it('the committed templates are exactly what scripts/gen-templates.js writes', () => {
	const out = mkdtempSync(join(tmpdir(), 'oms-templates-'));
	try {
		execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'gen-templates.js')], { env: { ...process.env, OMS_TEMPLATES_OUT: out } });
		const generated = readdirSync(out).sort();
		expect(generated).toEqual(FILES);
		for (const f of FILES) expect([f, readFileSync(join(out, f), 'utf8') === readFileSync(join(DIR, f), 'utf8')]).toEqual([f, true]);
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
});
