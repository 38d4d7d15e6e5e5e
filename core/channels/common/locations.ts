import type { HttpRequest } from '../../http/transport';
import type { AdapterContext, ChannelLocation } from '../types';
import { expectArray, send } from './http';
import { isJsonObject, type JsonObject } from './raw-reader';

/**
 * GET a list endpoint answering a JSON array of location objects (Nuvemshop /locations, VTEX warehouses):
 * entries without an id are skipped, ids become strings (Nuvemshop documents "numeric" but its example
 * is a ULID string), a missing name falls back to the id.
 */
export async function readLocationArray(ctx: AdapterContext, url: string, read: (entry: JsonObject) => { name?: string; active?: boolean }): Promise<ChannelLocation[]> {
	const req: HttpRequest = { method: 'GET', url };
	const list = expectArray(await send(ctx, req), req).filter(isJsonObject);
	return list
		.filter((l) => (typeof l.id === 'string' && l.id !== '') || typeof l.id === 'number')
		.map((l) => {
			const { name, active } = read(l);
			return { id: String(l.id), name: name || String(l.id), ...(active !== undefined ? { active } : {}) };
		});
}
