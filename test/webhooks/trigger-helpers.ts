import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import { OmsWebhookTrigger } from '../../nodes/OmsWebhookTrigger/OmsWebhookTrigger.node';
import { webhookTriggerTrigger, type DrainTimings } from '../../nodes/OmsWebhookTrigger/trigger';
import { webhookTriggerMethods, webhookTriggerWebhook } from '../../nodes/OmsWebhookTrigger/webhook';
import { tinyRetry } from '../channels/helpers/channel-test';
import { WebhookHarness } from '../harness/n8n-webhook-harness';

/** The OMS Order Webhook Trigger in a harness: one fresh SQLite store per call, short retries and timeouts, its drain. */
export function webhookTrigger(o: {
	parameters: INodeParameters;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	authenticate: (credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions) => IHttpRequestOptions;
	/** Drain timings; by default the drain never polls or sweeps on its own (tests settle and sweep explicitly). */
	drain?: DrainTimings;
}): WebhookHarness {
	const nodeType = new OmsWebhookTrigger();
	const deps = { retry: tinyRetry(2).retry, timeoutMs: 2000 };
	nodeType.webhook = webhookTriggerWebhook(deps);
	nodeType.webhookMethods = { default: webhookTriggerMethods(deps) };
	nodeType.trigger = webhookTriggerTrigger({ ...deps, pollMs: 3600_000, firstSweepMs: 3600_000, ...o.drain });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-webhook-'));
	return new WebhookHarness({
		nodeType,
		parameters: o.parameters,
		credentials: { omsStoreApi: { storeType: 'sqlite', sqlitePath: path.join(dir, 'oms.sqlite') }, [o.credentialType]: o.credentials },
		authenticate: (type, c, req) => (type === o.credentialType ? o.authenticate(c, req) : req),
	});
}

/** The trigger on Mercado Livre: the OAuth2 credential of a simulator's seller (bearer token, client ID). */
export function mercadoLivreTrigger(sim: { baseUrl: string; sellerId: number }, token: string, clientId: string, parameters: INodeParameters = {}): WebhookHarness {
	return webhookTrigger({
		parameters: { channel: 'mercadolivre', ...parameters },
		credentialType: 'mercadoLivreOAuth2Api',
		credentials: { baseUrl: sim.baseUrl, sellerId: '', clientId, oauthTokenData: { access_token: token, user_id: sim.sellerId } },
		authenticate: (c, req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${(c.oauthTokenData as { access_token?: string }).access_token}` } }),
	});
}
