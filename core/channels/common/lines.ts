import type { OrderLine } from '../../model/order';
import { compact, readCents } from './fields';
import type { JsonObject, RawReader } from './raw-reader';

/** Where a channel keeps a line's fields: keys of the line object. */
export interface LineKeys {
	sku: string;
	quantity: string;
	/** The unit price paid. */
	price: string;
	listingId?: string;
	variantId?: string;
	lineId?: string;
	title?: string;
}

/**
 * One order line under the channel's key names, the same rules for every normaliser that reads flat lines:
 * units a whole number from 1 (numeric text accepted), the unit price as exact money, a blank SKU absent (the
 * line is then kept unmapped), a variant id "0" absent (channels write 0 for "no variant"). `path` names the
 * line in errors ("products[2]").
 */
export function readKeyedLine(r: RawReader, item: JsonObject, path: string, keys: LineKeys): OrderLine {
	const text = (key: string | undefined) => (key === undefined ? undefined : r.optString(item, `${path}.${key}`));
	const variant = text(keys.variantId);
	return compact({
		sku: text(keys.sku)?.trim(),
		quantity: r.integer(item, `${path}.${keys.quantity}`, 1),
		unitPriceCents: readCents(r, item, `${path}.${keys.price}`),
		channelListingId: text(keys.listingId),
		channelVariantId: variant === '0' ? undefined : variant,
		channelLineId: text(keys.lineId),
		title: text(keys.title),
	});
}
