/**
 * CPU profiles of a running n8n for the webhook benchmark (BENCH_CPU_PROFILE=<folder>): n8n is started with
 * `--inspect` on a private port and each burst is profiled through the DevTools protocol, so every phase gets
 * its own .cpuprofile (open in Chrome DevTools) and a summary of where the samples fell.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** One DevTools session on n8n's inspector port. */
export async function connectProfiler(port: number) {
	const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
	const ws = new WebSocket(list[0].webSocketDebuggerUrl);
	await new Promise<void>((resolve, reject) => {
		ws.onopen = () => resolve();
		ws.onerror = () => reject(new Error(`inspector on port ${port} refused the session`));
	});
	let id = 0;
	const waiting = new Map<number, (result: unknown) => void>();
	ws.onmessage = (m) => {
		const msg = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
		if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
	};
	const send = (method: string, params: object = {}) =>
		new Promise<unknown>((resolve) => {
			waiting.set(++id, resolve);
			ws.send(JSON.stringify({ id, method, params }));
		});
	await send('Profiler.enable');
	await send('Profiler.setSamplingInterval', { interval: 500 });
	return {
		start: () => send('Profiler.start'),
		/** Stops the profile, writes `<dir>/<label>.cpuprofile` and returns its summary. */
		async stop(dir: string, label: string) {
			const { profile } = (await send('Profiler.stop')) as { profile: Profile };
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
			return summarise(profile);
		},
		close: () => ws.close(),
	};
}

/** Where a frame's code lives: our package, an n8n package, a library, or V8/the runtime. */
export function bucketOf(url: string, fn: string): string {
	if (!url) return fn.startsWith('(') ? fn : `(native) ${fn}`;
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
	if (m) return m[1];
	if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/').slice(0, 2).join('/');
	return url;
}

/**
 * Self time by code bucket and by function, plus inclusive time of chosen functions (the time spent inside
 * them, their callees included, counted once per sample).
 */
export function summarise(profile: Profile, inclusive: string[] = ['createBridge', 'initialize', 'acquire', 'executeWebhook', 'runWebhook', 'getCredentials', 'applyDefaultsAndOverwrites', 'getNodeParameter', 'webhook', 'acceptDelivery', 'saveStaticData']) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const selfUs = new Map<number, number>();
	profile.samples.forEach((s, i) => selfUs.set(s, (selfUs.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
	const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
	const buckets = new Map<string, number>();
	const fns = new Map<string, number>();
	const incl = new Map<string, number>(inclusive.map((f) => [f, 0]));
	for (const [nodeId, us] of selfUs) {
		const n = byId.get(nodeId)!;
		const { functionName: fn, url, lineNumber } = n.callFrame;
		const b = bucketOf(url, fn);
		buckets.set(b, (buckets.get(b) ?? 0) + us);
		const key = `${fn || '(anonymous)'} ${url.split('node_modules/').pop()}:${lineNumber + 1}`;
		fns.set(key, (fns.get(key) ?? 0) + us);
		const seen = new Set<string>();
		for (let at: number | undefined = nodeId; at !== undefined; at = parent.get(at)) {
			const name = byId.get(at)!.callFrame.functionName;
			if (incl.has(name) && !seen.has(name)) {
				seen.add(name);
				incl.set(name, incl.get(name)! + us);
			}
		}
	}
	const pct = (us: number) => Number(((us / total) * 100).toFixed(1));
	const top = (m: Map<string, number>, n: number) =>
		[...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ [k]: pct(us) }));
	return {
		sampledMs: Math.round(total / 1000),
		idlePct: pct(buckets.get('(idle)') ?? 0),
		bucketsPct: top(buckets, 25),
		functionsPct: top(fns, 40),
		inclusivePct: Object.fromEntries([...incl].map(([k, v]) => [k, pct(v)])),
	};
}
