import type { CanonicalOrder, IntakeFlag } from '../../model/order';
import { validateCanonicalOrder } from '../../model/validate';
import { readMapped } from './fields';
import type { JsonObject, RawReader } from './raw-reader';
import { tolerantStatus, UNKNOWN_STATUS, type StatusMapping } from './status';

/**
 * The steps every normaliser shares around its own field mapping: the required lines, the status read through
 * the channel's table, the order's identity and clock, and the finish (optional parts, flags, validation).
 */

/** The order's lines, read one by one; an order without any is an error item (only that and a missing id are). */
export function requireLines<L>(r: RawReader, path: string, lines: L[]): L[] {
	if (lines.length === 0) r.fail(path, 'must have at least one line');
	return lines;
}

/** The lines in the array at `path` (each read by `readLine` with its path, "items[2]"), at least one. */
export function readOrderLines<L>(r: RawReader, raw: JsonObject, path: string, readLine: (item: JsonObject, path: string) => L): L[] {
	return requireLines(r, path, r.objects(r.array(raw, path), path).map(({ item, path: at }) => readLine(item, at)));
}

/**
 * The status at `path` through the channel's table, with its text kept as channelStatusRaw. An unknown text
 * imports the order reserved and flagged status_unknown (tolerantStatus), never rejected.
 */
export function readTableStatus(
	r: RawReader,
	raw: JsonObject,
	path: string,
	table: Readonly<Record<string, StatusMapping>>,
	flags: Set<IntakeFlag>,
): StatusMapping & { channelStatusRaw: string } {
	const mapping = tolerantStatus(() => readMapped(r, raw, path, table), UNKNOWN_STATUS, flags);
	return { ...mapping, channelStatusRaw: r.string(raw, path) };
}

/** What every canonical order opens with. An order the channel never marked as changed counts as changed when placed. */
export function orderHead(channel: CanonicalOrder['channel'], account: string, channelOrderId: string, createdAt: string, updatedAt: string | undefined) {
	return { channel, account, channelOrderId, createdAt, updatedAt: updatedAt ?? createdAt };
}

/** The optional parts a normaliser may find; those it did not find stay off the order. */
export type OrderExtras = Partial<Pick<CanonicalOrder, 'shippingAddress' | 'invoice' | 'paymentMethod' | 'shipBy' | 'originMarketplace' | 'groupId' | 'warehouse'>>;

/** Every normaliser's last step: the extras found and the intake flags (when any) on the order, then validation. */
export function finishOrder(order: CanonicalOrder, extras: OrderExtras, flags: Iterable<IntakeFlag> = []): CanonicalOrder {
	for (const [key, value] of Object.entries(extras) as [keyof OrderExtras, OrderExtras[keyof OrderExtras]][]) {
		if (value) (order as unknown as Record<string, unknown>)[key] = value;
	}
	const found = [...flags];
	if (found.length > 0) order.flags = found;
	return validateCanonicalOrder(order);
}
