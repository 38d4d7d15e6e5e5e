import type { AdapterContext } from '../types';
import type { HttpChannelDefinition } from './definition';
import { parseChannelDefinition } from './parse';

export const HTTP_CHANNEL_ID = 'http';
export const HTTP_CHANNEL_LABEL = 'Configurable HTTP';

/** The context's definition (options.definition, JSON text), parsed once on first use. */
export function definitionOf(ctx: AdapterContext): () => HttpChannelDefinition {
	let parsed: HttpChannelDefinition | undefined;
	return () => (parsed ??= parseChannelDefinition(ctx.options?.definition));
}
