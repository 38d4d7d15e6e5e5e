import { fulfilmentWarehouse } from '../common/fulfilment';
import { optionPairs } from '../common/option-pairs';
import { isJsonObject, type JsonObject } from '../common/raw-reader';

/**
 * Magalu Fulfillment: Magalu ships a delivery from its own warehouse and stock, so its lines never take the
 * seller's stock (as Amazon FBA and Mercado Livre Full). An order whose every delivery is a fulfilment
 * one is held in the adapter option `fulfillmentWarehouse` (`magalu-fulfillment` by default); in a mixed
 * order the fulfilment deliveries' lines are left out (normalize.ts).
 *
 * [3P]/[?] Which field marks a fulfilment delivery is NOT confirmed by Magalu: the stored copies of its
 * published get_order / get_delivery pages stop before the delivery's `shipping` block, and the pages found
 * (developers.magalu.com seller-pedidos, developers.eupreciso.com.br, which publishes the same order shape)
 * show no such field. Third-party Magalu clients read `deliveries[].shipping.provider.extras.is_fulfillment`
 * (compared to `true`; one PHP SDK's synthetic test order has it beside `is_mle` and `shipping_type: "FULL"`,
 * and calls it the Magalu Entregas mark, so its meaning is not settled either),
 * and one integration notes that these `provider.extras` keys came from an older Magalu knowledge base and are
 * absent from the OpenAPI it read (which has `shipping.provider` and a nullable `shipping.logistic_network`).
 * Sources: test/fixtures/published/magalu/SOURCES.md. So the test is the adapter option `fulfillmentWhen`:
 * "path=value" pairs relative to a delivery, separated by commas, semicolons or new lines; any pair that
 * matches makes the delivery a fulfilment one. `none` turns the test off.
 */
export const MAGALU_FULFILLMENT_WAREHOUSE = 'magalu-fulfillment';
export const MAGALU_FULFILLMENT_WHEN = 'shipping.provider.extras.is_fulfillment=true';

interface Condition {
	path: string[];
	value: string;
}

/** A delivery's value as text for comparing: booleans and numbers as written, strings trimmed; case is ignored. */
function textOf(v: unknown): string | undefined {
	if (typeof v === 'string') return v.trim().toLowerCase();
	return typeof v === 'boolean' || typeof v === 'number' ? String(v) : undefined;
}

function parseConditions(option: unknown): Condition[] {
	const raw = typeof option === 'string' && option.trim() !== '' ? option : MAGALU_FULFILLMENT_WHEN;
	if (raw.trim().toLowerCase() === 'none') return [];
	return optionPairs(raw, 'Magalu "Fulfillment When"', `path=value (e.g. ${MAGALU_FULFILLMENT_WHEN})`, /[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/).map(
		([path, value]) => ({
			path: path.split('.'),
			value: value.toLowerCase(),
		}),
	);
}

export interface MagaluFulfillment {
	/** The OMS warehouse of Magalu Fulfillment orders. */
	readonly warehouse: string;
	/** True when the delivery ships from Magalu's warehouse. */
	isFulfillment(delivery: JsonObject): boolean;
}

/** The account's fulfilment test and warehouse, from the adapter options; a malformed `fulfillmentWhen` throws, naming the entry. */
export function magaluFulfillment(options: Record<string, unknown> | undefined): MagaluFulfillment {
	const conditions = parseConditions(options?.fulfillmentWhen);
	const valueAt = (delivery: JsonObject, path: string[]): unknown =>
		path.reduce<unknown>((node, key) => (isJsonObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), delivery);
	return {
		warehouse: fulfilmentWarehouse(options, 'fulfillmentWarehouse', MAGALU_FULFILLMENT_WAREHOUSE),
		isFulfillment: (delivery) => conditions.some((c) => textOf(valueAt(delivery, c.path)) === c.value),
	};
}
