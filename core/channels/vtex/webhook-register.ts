import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { verifySharedSecret } from '../../webhooks/signature';
import type { FoundRegistrations, WebhookRegistrar, WebhookSecrets } from '../../webhooks/types';
import { joinUrl, send } from '../common/http';
import type { AdapterContext } from '../types';
import { VTEX_STATUS_MAP } from './status';

const HOOK_ID = 'orders-hook';

interface HookConfig {
	hook?: { url?: unknown; headers?: Record<string, unknown> };
}

/**
 * The VTEX Orders Hook (GET/POST/DELETE /api/orders/hook/config, "VTEX - Orders API.json"): one hook
 * configuration per app key, filtered FromWorkflow on every status the OMS maps, sending the secret header.
 * Creating it replaces a hook this app key had for another URL; deleting it only happens when it still
 * points at this node's URL.
 */
export function vtexRegistrar(ctx: AdapterContext, secrets: WebhookSecrets): WebhookRegistrar {
	const url = joinUrl(ctx.baseUrl, '/api/orders/hook/config');

	async function current(): Promise<HookConfig | undefined> {
		try {
			const res = await send(ctx, { method: 'GET', url });
			return typeof res.body === 'object' && res.body !== null ? (res.body as HookConfig) : undefined;
		} catch (error) {
			if (error instanceof ChannelHttpError && error.httpCode === 404) return undefined;
			throw error;
		}
	}

	return {
		async find(deliveryUrl: string): Promise<FoundRegistrations> {
			const hook = (await current())?.hook;
			if (hook?.url !== deliveryUrl) return { ids: [], complete: false, stale: [] };
			// A rotated secret means the configured hook sends the old value: write it again.
			const sent = Object.entries(hook.headers ?? {}).find(([k]) => k.toLowerCase() === secrets.headerName?.toLowerCase())?.[1];
			const sameSecret = typeof sent === 'string' && verifySharedSecret(secrets.headerValue ?? '', sent);
			return { ids: [HOOK_ID], complete: sameSecret, stale: [] };
		},

		async create(deliveryUrl: string): Promise<string[]> {
			if (!secrets.headerName || !secrets.headerValue) throw new Error('The VTEX hook needs a secret header name and value in the credential');
			const req: HttpRequest = {
				method: 'POST',
				url,
				body: {
					filter: { type: 'FromWorkflow', status: Object.keys(VTEX_STATUS_MAP) },
					hook: { url: deliveryUrl, headers: { [secrets.headerName]: secrets.headerValue } },
				},
			};
			await send(ctx, req);
			return [HOOK_ID];
		},

		async remove(_ids: string[], deliveryUrl: string): Promise<void> {
			if ((await current())?.hook?.url !== deliveryUrl) return;
			try {
				await send(ctx, { method: 'DELETE', url });
			} catch (error) {
				if (!(error instanceof ChannelHttpError && error.httpCode === 404)) throw error;
			}
		},
	};
}
