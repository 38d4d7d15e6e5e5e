import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

/**
 * Decrypted credentials for the webhook path, kept a short time. n8n 2.x decrypts a credential inside a new
 * expression isolate on every getCredentials (CredentialsHelper.applyDefaultsAndOverwrites): profiled in a real
 * n8n during a burst, that was the largest share of a delivery's cost, twice per delivery (the channel's
 * credential and the store's). Entries are keyed by credential type and id (the node names them without
 * decrypting) and used for CREDENTIAL_TTL_MS after they were read: short, because a secret replaced after a
 * leak should stop verifying soon (10 s), and long enough that a burst decrypts once, not per delivery. The
 * webhook re-verifies a delivery that failed with cached secrets against freshly read ones before refusing
 * it, so a new secret is accepted at once.
 */
export const CREDENTIAL_TTL_MS = 10_000;
const MAX_ENTRIES = 200;

/**
 * Credential types n8n never rewrites while requests are made with them: no OAuth2 token (n8n refreshes it in
 * place and saves it) and no preAuthentication (an expirable token saved back). Only these may be served from
 * the cache where channel requests are sent (the webhook drain's order reads): a cached copy of a refreshing
 * credential would send the token n8n just replaced, and a rotated refresh token would then be spent twice.
 * An allowlist, so a new credential type is read each time until it is known to be static.
 */
export const STATIC_CREDENTIAL_TYPES: ReadonlySet<string> = new Set(['omsStoreApi', 'wooCommerceOmsApi', 'wooCommerceApi', 'nuvemshopOmsApi', 'vtexOmsApi', 'shopifyAccessTokenApi']);

interface Entry {
	at: number;
	read: Promise<ICredentialDataDecryptedObject>;
	settled: boolean;
}

const cache = new Map<string, Entry>();

interface Ctx {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
}

/**
 * `ctx` whose getCredentials answers from the cache (or, with `fresh`, reads again and refreshes the entry).
 * Concurrent calls share one read: a burst's first deliveries all arrive before the first read ends. A fresh
 * call joins only a read still running. A credential without an id (an unsaved node), or of a type
 * `cacheable` refuses, is always read.
 */
export function withCachedCredentials<T extends Ctx>(ctx: T, fresh = false, now: () => number = Date.now, cacheable: (type: string) => boolean = () => true): T {
	const getCredentials = async (type: string): Promise<ICredentialDataDecryptedObject> => {
		const id = ctx.getNode().credentials?.[type]?.id;
		if (!id || !cacheable(type)) return ctx.getCredentials(type);
		const key = `${type}\u0000${id}`;
		const hit = cache.get(key);
		const usable = hit && (fresh ? !hit.settled : !hit.settled || now() - hit.at < CREDENTIAL_TTL_MS);
		if (hit && usable) return { ...(await hit.read) };
		if (cache.size >= MAX_ENTRIES) for (const [k, v] of cache) if (v.settled && now() - v.at >= CREDENTIAL_TTL_MS) cache.delete(k);
		const entry: Entry = { at: now(), read: ctx.getCredentials(type), settled: false };
		cache.set(key, entry);
		// A failed read is forgotten (the next call reads again); the caller still gets its error.
		entry.read.then(
			() => (entry.settled = true),
			() => cache.get(key) === entry && cache.delete(key),
		);
		return { ...(await entry.read) };
	};
	// The context's other methods read its own fields through the prototype.
	return Object.create(ctx, { getCredentials: { value: getCredentials } }) as T;
}

/** Tests: forget every entry. */
export function clearCredentialCache(): void {
	cache.clear();
}
