import type { WriteFailure } from '../channels/types';

/**
 * Any error → the WriteFailure of a result. The HTTP status survives (ChannelHttpError carries it) so the
 * node can raise NodeApiError with the code; the message is the writer's, which names requests by path only.
 */
export function toWriteFailure(error: unknown): WriteFailure {
	const message = error instanceof Error ? error.message : String(error);
	const httpCode = (error as { httpCode?: unknown } | undefined)?.httpCode;
	return typeof httpCode === 'number' ? { message, httpCode } : { message };
}
