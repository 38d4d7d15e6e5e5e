import type { WriteFailure } from '../channels/types';
import type { PushRetryReason } from '../store/types';

/**
 * A failed stock write either certainly left the channel as it was, or may have changed it. Only a 4xx
 * answer (other than 408) says the channel refused the value; a 429 says it did not process it. Everything
 * else — a timeout, a reset connection, a 5xx, a 2xx the writer could not read, a writer that threw — may
 * hide a write the channel applied: its outcome is unknown, and the SKU must be sent again whatever value
 * the store last recorded.
 */
export function isUnknownOutcome(failure: WriteFailure): boolean {
	const code = failure.httpCode;
	if (code === undefined) return true;
	return !(code >= 400 && code < 500 && code !== 408);
}

export const retryReason = (failure: WriteFailure): PushRetryReason => (isUnknownOutcome(failure) ? 'unknown' : 'refused');
