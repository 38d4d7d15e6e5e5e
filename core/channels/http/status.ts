import type { CanonicalStatus } from '../../model/order';
import { CANONICAL_STATUS_ROWS, type StatusMapping } from '../common/status';

/**
 * A definition's statusMap names canonical statuses only; each stands for the row built-in channels use for
 * it. Payment and fulfilment then follow the status (a platform whose statuses say more needs an adapter).
 */
export const HTTP_STATUS_ROWS = CANONICAL_STATUS_ROWS;

export const statusRow = (status: CanonicalStatus): StatusMapping => HTTP_STATUS_ROWS[status];
