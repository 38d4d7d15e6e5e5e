import { NodeOperationError, type IDataObject, type IHookFunctions, type ITriggerFunctions, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';
import type { AdapterContext, ChannelAdapter } from '../../core/channels/types';
import { adapterFactory, CHANNELS, isChannelId, type ChannelId } from '../../core/channels/registry';
import type { RetryPolicy } from '../../core/http/retry';
import type { OmsStore } from '../../core/store/types';
import { admit, resolve, type IntakeContext } from '../../core/webhooks/intake';
import { webhookReader } from '../../core/webhooks/readers';
import type { WebhookRegistrar, WebhookSecrets } from '../../core/webhooks/types';
import { N8N_CHANNELS, openChannelContext } from '../shared/channels';
import { toNodeError } from '../shared/errors';
import { openStore } from '../shared/store';
import { withCachedCredentials } from '../shared/credential-cache';
import { drainerOf, keepTestItems, queueOf } from './queue';
import { withFormattedMoney } from '../../core/model/money';

/** Seams for tests (tiny retry sleeps, a clock); production uses the defaults. */
export interface WebhookTriggerDeps {
	retry?: RetryPolicy;
	timeoutMs?: number;
	now?: () => Date;
}

export interface Options {
	includeRaw?: boolean;
	inboxRetentionDays?: number;
	registerWebhook?: boolean;
	batchSize?: number;
	executionsAtOnce?: number;
	maxAttempts?: number;
}

type Ctx = IWebhookFunctions | IHookFunctions | ITriggerFunctions;

export interface OpenedChannel {
	channel: ChannelId;
	adapterContext: AdapterContext;
	secrets: WebhookSecrets;
	registrar?: WebhookRegistrar;
}

/** The channel of the node: its credential as an AdapterContext (n8n's auth on every request) and its secrets. */
export async function openChannel(ctx: Ctx, deps: WebhookTriggerDeps): Promise<OpenedChannel> {
	const channel = ctx.getNodeParameter('channel') as ChannelId;
	const webhooks = isChannelId(channel) ? CHANNELS[channel].capabilities.webhooks : undefined;
	const secretsOf = webhooks && N8N_CHANNELS[channel].webhookSecrets;
	if (!webhooks || !secretsOf) throw new NodeOperationError(ctx.getNode(), `The channel "${channel}" has no webhooks`);
	const { context, credentials, webhookSecrets } = await openChannelContext(ctx, channel, { ...deps, parameter: (name) => ctx.getNodeParameter(name) });
	// The chosen credential's own field names (n8n's Shopify credentials keep the secret elsewhere).
	const secrets = (webhookSecrets ?? secretsOf)(credentials, context.account);
	return { channel, adapterContext: context, secrets, registrar: webhooks.registrar?.(context, secrets) };
}

/**
 * Authenticate → read → inbox for this node's queue: the live webhook and the missed-deliveries sweep take
 * the same path. In the editor's test mode only the event id is recorded (the delivery runs at once).
 */
export function queueingIntake(opened: OpenedChannel, store: OmsStore, queue: string, test = false): IntakeContext {
	const key = { channel: opened.channel, account: opened.adapterContext.account };
	return {
		...key,
		reader: webhookReader(opened.channel),
		secrets: opened.secrets,
		accept: async (read, eventId) => {
			if (test) return eventId === undefined ? 'new' : store.recordDelivery({ ...key, eventId });
			const body = read.order === undefined ? undefined : JSON.stringify(read.order);
			return store.acceptDelivery({ ...key, queue, eventId, channelOrderId: read.channelOrderId, topic: read.topic, body });
		},
	};
}

/** The body exactly as received; n8n reads it for the content types it parses, else it is read here. */
async function rawBodyOf(req: { rawBody?: unknown; readRawBody?: () => Promise<void> }): Promise<Buffer> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') await req.readRawBody().catch(() => undefined);
	const raw = req.rawBody;
	return Buffer.isBuffer(raw) ? raw : Buffer.from(typeof raw === 'string' ? raw : '');
}

/** The node's URLs a channel may sign (Shopee): production, and the test URL for the editor's test deliveries. */
function signedUrls(ctx: IWebhookFunctions, test: boolean): string[] {
	const production = ctx.getNodeWebhookUrl('default');
	const testUrl = test ? (ctx as { getWebhookResourceUrl?: (name: string) => string | undefined }).getWebhookResourceUrl?.('default') : undefined;
	return [production, testUrl].filter((u): u is string => typeof u === 'string' && u !== '');
}

const lastPrune = new WeakMap<OmsStore, number>();
const PRUNE_EVERY_MS = 3600_000;

/** At most once an hour per store per process: the inbox forgets ids older than the retention. */
async function pruneNow(store: OmsStore, retentionDays: number, now: Date): Promise<void> {
	if (now.getTime() - (lastPrune.get(store) ?? 0) < PRUNE_EVERY_MS) return;
	lastPrune.set(store, now.getTime());
	await store.pruneDeliveries(new Date(now.getTime() - retentionDays * 86400_000));
}

/**
 * webhook(): verify → queue → answer. A verified delivery is written to the store's queue (with its event
 * id, in one atomic write) BEFORE the 200, so what was acknowledged is durable; then the node's drain
 * (trigger.ts) is woken and webhook() returns no items: n8n starts no execution per delivery. The drain runs
 * the queued deliveries in batches, at most "Executions at Once" at a time: a burst or a stalled channel
 * grows rows in the store, not executions in memory. No channel call happens here (Mercado Livre wants the
 * answer within 500 ms, VTEX within 5 s): pointer orders are read by the drain.
 *
 * A failed verification is 401 with nothing queued. A repeated event id is answered 200 with nothing queued:
 * a channel's retry of a delivery already taken is not a failure (WooCommerce disables a webhook after 5
 * non-2xx answers). A store that cannot record the delivery fails the request (5xx), so the channel retries.
 *
 * The editor's test deliveries (mode "manual") are read at once and run as before, one execution each.
 */
export function webhookTriggerWebhook(deps: WebhookTriggerDeps = {}) {
	return async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as Options;
		const now = deps.now?.() ?? new Date();
		const test = this.getMode() === 'manual';
		const queue = queueOf(this);
		const delivery = { rawBody: await rawBodyOf(req), headers: req.headers, urls: signedUrls(this, test) };
		const attempt = async (ctx: IWebhookFunctions) => {
			const opened = await openChannel(ctx, deps).catch((error: unknown) => {
				throw toNodeError(this.getNode(), error);
			});
			const { store, safeMessage: safe } = await openStore(ctx);
			const intake = queueingIntake(opened, store, queue, test);
			const admission = await admit(delivery, intake).catch((error: unknown) => {
				throw new NodeOperationError(this.getNode(), `Could not record the delivery in the OMS store: ${safe(error)}`);
			});
			return { opened, store, safe, intake, admission };
		};
		// Live deliveries verify against cached credentials; one that fails is verified again with fresh ones
		// (a secret rotated in n8n), so what is refused was refused by the current secret.
		let taken = await attempt(test ? this : withCachedCredentials(this));
		if (!test && taken.admission.status === 401) taken = await attempt(withCachedCredentials(this, true));
		const { opened, store, safe, intake, admission } = taken;
		if (admission.status === 401) {
			res.status(401).send('Unauthorized');
			return { noWebhookResponse: true };
		}
		res.status(200).end();
		if (!('accepted' in admission)) return { noWebhookResponse: true };
		if (!test) {
			drainerOf(queue)?.wake();
			await pruneNow(store, options.inboxRetentionDays ?? 7, now).catch(() => undefined);
			return { noWebhookResponse: true };
		}

		const adapter = adapterFactory(opened.channel)(opened.adapterContext) as ChannelAdapter;
		let item;
		try {
			item = await resolve(admission.accepted, intake, { adapter, inbox: store, includeRaw: options.includeRaw });
		} catch (error) {
			// Acknowledged already: report the failure as an item, as a poll trigger reports a bad order.
			item = { error: { orderRef: `${opened.channel}:${admission.accepted.channelOrderId}`, field: '(webhook)', message: safe(error) }, raw: { topic: admission.accepted.topic } };
		}
		if (!item) return { noWebhookResponse: true };
		const items = [withFormattedMoney(item) as unknown as IDataObject];
		keepTestItems(queue, items); // n8n runs trigger() for this execution: it emits them (trigger.ts)
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(items)] };
	};
}

/** checkExists / create / delete over the channel's registrar; no-ops where the channel has none (ML, Magalu). */
export function webhookTriggerMethods(deps: WebhookTriggerDeps = {}) {
	const withRegistrar = async (ctx: IHookFunctions) => {
		const options = ctx.getNodeParameter('options', {}) as Options;
		if (options.registerWebhook === false) return undefined;
		const opened = await openChannel(ctx, deps);
		return opened.registrar;
	};
	const urlOf = (ctx: IHookFunctions) => {
		const url = ctx.getNodeWebhookUrl('default');
		if (!url) throw new NodeOperationError(ctx.getNode(), 'The node has no webhook URL');
		return url;
	};
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const registrar = await withRegistrar(this);
			if (!registrar) return true;
			const url = urlOf(this);
			const found = await registrar.find(url).catch((error: unknown) => {
				throw toNodeError(this.getNode(), error);
			});
			if (found.stale.length) await registrar.remove(found.stale, url);
			const staticData = this.getWorkflowStaticData('node');
			if (found.complete) {
				staticData.webhookIds = found.ids;
				return true;
			}
			// Partly there (a topic missing, an old secret): start clean, create() registers every topic.
			if (found.ids.length) await registrar.remove(found.ids, url);
			delete staticData.webhookIds;
			return false;
		},

		async create(this: IHookFunctions): Promise<boolean> {
			const registrar = await withRegistrar(this);
			if (!registrar) return true;
			const ids = await registrar.create(urlOf(this)).catch((error: unknown) => {
				throw toNodeError(this.getNode(), error);
			});
			this.getWorkflowStaticData('node').webhookIds = ids;
			return true;
		},

		async delete(this: IHookFunctions): Promise<boolean> {
			const registrar = await withRegistrar(this);
			if (!registrar) return true;
			const staticData = this.getWorkflowStaticData('node');
			const url = urlOf(this);
			try {
				const ids = Array.isArray(staticData.webhookIds) ? (staticData.webhookIds as string[]) : (await registrar.find(url)).ids;
				await registrar.remove(ids, url);
			} catch {
				// As n8n's own triggers do: a failed removal answers false and keeps the ids for the next try.
				return false;
			}
			delete staticData.webhookIds;
			return true;
		},
	};
}
