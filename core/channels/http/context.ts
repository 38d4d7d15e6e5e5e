import type { AdapterContext } from '../types';
import type { HttpChannelDefinition } from './definition';
import { parseChannelDefinition } from './parse';

export const HTTP_CHANNEL_ID = 'http';
export const HTTP_CHANNEL_LABEL = 'Configurable HTTP';

/**
 * The context's definition (options.definition, JSON text): checked at once when given, so a trigger with an
 * unusable definition fails on activation; without one (registry checks, the CLI listing channels) on first use.
 */
export function definitionOf(ctx: AdapterContext): () => HttpChannelDefinition {
	let parsed = ctx.options?.definition === undefined ? undefined : parseChannelDefinition(ctx.options.definition);
	return () => (parsed ??= parseChannelDefinition(ctx.options?.definition));
}
