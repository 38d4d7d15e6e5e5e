import { ChannelHttpError } from '../../http/retry';

/**
 * Nuvemshop answers 404 {"description": "Last page is 0"} to a listing with no results, and "Last page is N"
 * past the end: both mean "nothing more", not a missing resource.
 */
export function isPastLastPage(error: unknown): boolean {
	if (!(error instanceof ChannelHttpError) || error.httpCode !== 404) return false;
	const body = error.responseBody as { description?: unknown } | undefined;
	return typeof body?.description === 'string' && /^Last page is \d+$/.test(body.description);
}
