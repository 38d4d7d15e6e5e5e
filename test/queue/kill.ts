import type { Channels } from '../e2e/channels';
import { STOCK_WRITES, type ChannelName, type PushLog } from './burst';
import type { Cluster } from './cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGKILLs worker 1 in the middle of its stock pushes, so the run exercises what a dead push leaves behind
 * (its store lease, a write the channel may still apply): the channels hold their stock writes' answers
 * until worker 1 has one on its way (at most `maxWaitMs`), then the worker is killed and the writes go
 * through — a killed worker's last request reaches the channel, as it can in production. Without the
 * hold, whether a kill hits a push was luck. Returns what the log should say.
 */
export async function killWorkerWhilePushing(cluster: Cluster, channels: Channels, pushes: Record<ChannelName, PushLog[]>, maxWaitMs = 60_000): Promise<string> {
	let open!: () => void;
	const gate = new Promise<void>((resolve) => (open = resolve));
	for (const sim of [channels.woo, channels.nuvemshop, channels.vtex]) sim.stall(STOCK_WRITES, gate);
	const from = Date.now();
	const held = () => (Object.keys(pushes) as ChannelName[]).flatMap((c) => pushes[c].filter((p) => p.at >= from && p.by === 'worker1').map((p) => `${c} ${p.path} ${p.body.slice(0, 80)}`));
	while (held().length === 0 && Date.now() - from < maxWaitMs) await sleep(100);
	const inFlight = held();
	cluster.workers[0].proc?.kill('SIGKILL'); // no shutdown: its running jobs die with it
	await sleep(1000);
	open();
	return inFlight.length ? `with ${inFlight.length} stock write(s) on their way: ${inFlight.join(' | ')}` : `no stock write of worker 1 seen within ${maxWaitMs / 1000} s`;
}
