import { randomUUID } from 'node:crypto';
import type { IDataObject, IRun, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import type { ChannelAdapter } from '../../core/channels/types';
import { adapterFactory, CHANNELS } from '../../core/channels/registry';
import { InboxDrainer } from '../../core/webhooks/drain';
import { resolve, type IntakeContext } from '../../core/webhooks/intake';
import { MissedSweeper, recoverMissed } from '../../core/webhooks/recover';
import { openStore } from '../shared/store';
import { STATIC_CREDENTIAL_TYPES, withCachedCredentials } from '../shared/credential-cache';
import { openChannel, queueingIntake, type OpenedChannel, type Options, type WebhookTriggerDeps } from './webhook';
import { queueOf, registerDrainer, registerSweeper, takeTestItems } from './queue';
import { withFormattedMoney } from '../../core/model/money';
import { inIsolate } from './isolate-scope';

/** Drain timings; tests shorten them. */
export interface DrainTimings {
	claimTtlMs?: number;
	maxRunMs?: number;
	pollMs?: number;
	/** The first missed-deliveries sweep after activation (default 5 s; tests push it out and sweep by hand). */
	firstSweepMs?: number;
}

interface SweepSetup {
	opened: OpenedChannel;
	intake: IntakeContext;
	queue: string;
	around: <T>(reads: () => Promise<T>) => Promise<T>;
	deps: DrainTimings;
	wake(): void;
	warn(error: unknown): void;
}

/**
 * Mercado Livre keeps the notifications it could not deliver (missed_feeds, 2 days): while the workflow is
 * active the node reads them every "Missed Notifications Every" minutes (and soon after activation, when a
 * downtime just ended) into its own queue, through the same checks and de-duplication as live notifications.
 * Here rather than in OMS Status Sync or the poll trigger: only this node's queue is de-duplicated with the
 * live webhooks, and only its drain emits them. Answers the stop function.
 */
function startSweeps(ctx: ITriggerFunctions, s: SweepSetup): () => void {
	const missed = CHANNELS[s.opened.channel].capabilities.webhooks?.missed;
	const minutes = Number(ctx.getNodeParameter('missedFeedsMinutes', 15));
	if (!missed || !(minutes > 0)) return () => undefined;
	const source = missed(s.opened.adapterContext, s.opened.secrets);
	const sweeper = new MissedSweeper({
		sweep: () => s.around(() => recoverMissed(source, s.intake)),
		onQueued: () => s.wake(),
		onError: s.warn,
		everyMs: minutes * 60_000,
		firstMs: s.deps.firstSweepMs ?? 5000,
	});
	const unregister = registerSweeper(s.queue, sweeper);
	sweeper.start();
	return () => {
		unregister();
		sweeper.stop();
	};
}

/**
 * trigger(): the node's drain, running while the workflow is active. It takes queued deliveries in batches,
 * reads pointer orders (4 at a time) and starts one execution per batch through emit() with a done promise,
 * so it knows when the execution ended and how (n8n's RabbitMQ trigger limits parallel messages the same
 * way). webhook() only verifies and queues; it wakes this drain in the same process, and a drain in another
 * process (queue mode: webhooks and triggers on different instances) finds the rows at its next poll.
 *
 * In the editor's test mode n8n runs trigger() for the execution a test delivery started (a node with both
 * webhook() and trigger() is run as a trigger): it emits the items webhook() kept for it.
 */
export function webhookTriggerTrigger(deps: WebhookTriggerDeps & DrainTimings = {}) {
	return async function trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const queue = queueOf(this);
		if (this.getMode() === 'manual') {
			return { manualTriggerFunction: async () => this.emit([this.helpers.returnJsonArray(takeTestItems(queue) as IDataObject[])]) };
		}
		const options = this.getNodeParameter('options', {}) as Options;
		// The drain's order reads send the channel's credential: n8n decrypts it, in a new expression isolate,
		// for every request a trigger makes. Static credentials are read once per 10 s instead.
		const reading = withCachedCredentials(this, false, Date.now, (type) => STATIC_CREDENTIAL_TYPES.has(type));
		const opened = await openChannel(reading, deps);
		const { store, safeMessage: safe } = await openStore(this);
		const adapter = adapterFactory(opened.channel)(opened.adapterContext) as ChannelAdapter;
		const intake = queueingIntake(opened, store, queue);
		const around = inIsolate(this);
		const drainer = new InboxDrainer({
			store,
			queue,
			holder: `drain-${randomUUID()}`,
			batchSize: options.batchSize ?? 100,
			maxInFlight: options.executionsAtOnce ?? 1,
			maxAttempts: options.maxAttempts ?? 5,
			claimTtlMs: deps.claimTtlMs ?? 120_000,
			maxRunMs: deps.maxRunMs ?? 30 * 60_000,
			pollMs: deps.pollMs ?? 1000,
			readConcurrency: 4,
			resolve: async (row, lastAttempt) => {
				const delivered = { channelOrderId: row.channelOrderId, topic: row.topic ?? undefined, order: row.body === null ? undefined : (JSON.parse(row.body) as unknown) };
				return resolve(delivered, intake, { adapter, inbox: store, includeRaw: options.includeRaw, rethrowReadErrors: !lastAttempt });
			},
			emit: async (items) => {
				const done = this.helpers.createDeferredPromise<IRun>();
				this.emit([this.helpers.returnJsonArray(items.map(withFormattedMoney) as unknown as IDataObject[])], undefined, done);
				const run = (await done.promise) as IRun | undefined;
				// undefined: n8n started no execution (it refused the run); that is a failure to retry, not a success.
				return run !== undefined && run.status === 'success';
			},
			onError: (error) => this.logger.warn(`OMS webhook inbox ${queue}: ${safe(error)}`),
			aroundReads: around,
		});
		const unregister = registerDrainer(queue, drainer);
		drainer.start();
		const stopSweeps = startSweeps(this, { opened, intake, queue, around, deps, wake: () => drainer.wake(), warn: (e) => this.logger.warn(`OMS webhook missed deliveries ${queue}: ${safe(e)}`) });
		return {
			closeFunction: async () => {
				stopSweeps();
				unregister();
				drainer.stop();
			},
		};
	};
}
