import fs from 'node:fs';

/** Burst helpers of the webhook benchmark: post deliveries N at a time, sample n8n's memory, sum rounds. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};

/** Samples a process's resident memory (VmRSS) every 100 ms. */
export function rssProbe(pid: number) {
	let peakKb = 0;
	const read = () => {
		const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		if (m) peakKb = Math.max(peakKb, Number(m[1]));
	};
	read();
	const timer = setInterval(read, 100);
	return { stop: () => (clearInterval(timer), read(), Math.round(peakKb / 1024)) };
}

export interface Post {
	url: string;
	headers: Record<string, string>;
	body: Uint8Array;
}

export interface BurstResult {
	/** When each delivery was posted, its answer's status and how long the answer took. */
	started: number[];
	status: number[];
	answerMs: number[];
	statuses: Record<number, number>;
	ms: number;
}

/** Posts every delivery, `concurrency` at a time. */
export async function burst(posts: Post[], concurrency: number): Promise<BurstResult> {
	const started: number[] = new Array(posts.length);
	const answerMs: number[] = new Array(posts.length);
	const status: number[] = new Array(posts.length);
	const statuses: Record<number, number> = {};
	let next = 0;
	const t0 = Date.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < posts.length) {
				const i = next++;
				started[i] = Date.now();
				const res = await fetch(posts[i].url, { method: 'POST', headers: posts[i].headers, body: posts[i].body });
				await res.arrayBuffer();
				answerMs[i] = Date.now() - started[i];
				statuses[res.status] = (statuses[res.status] ?? 0) + 1;
				status[i] = res.status;
			}
		}),
	);
	return { started, status, answerMs, statuses, ms: Date.now() - t0 };
}

/** Several bursts of one path as one figure: accepted (200) per second of burst time, answers over all. */
export function summed(bursts: BurstResult[]) {
	const statuses: Record<number, number> = {};
	for (const b of bursts) for (const [s, n] of Object.entries(b.statuses)) statuses[Number(s)] = (statuses[Number(s)] ?? 0) + n;
	const ms = bursts.reduce((t, b) => t + b.ms, 0);
	const answers = bursts.flatMap((b) => b.answerMs);
	return { statuses, ms, acceptedPerSec: Math.round(((statuses[200] ?? 0) / ms) * 10_000) / 10, answerP50Ms: pct(answers, 50), answerP95Ms: pct(answers, 95) };
}
