import { accountOffset } from '../common/fields';
import type { AdapterContext } from '../types';

/**
 * Plugg.To API (a hub: one seller account, orders from the marketplaces it connects), read in:
 * - developers.plugg.to ("Introduction": https://api.plugg.to, `Authorization: Bearer`; "Get one order": GET
 *   /orders/{id} answers {Order: {…}} — its example is test/fixtures/published/pluggto; "Update invoice", "Update
 *   order tracking status": PUT /orders/{id} with status and shipments[], the shipment `id` to be sent when the
 *   order has one, and {error, type: "not_updated"} when the order already has that status; "Update Sku
 *   Stock": {action: "update", quantity, sku});
 * - Plugg.To's own PHP library plugg-to/pluggto-php@f0ba21f6f4930edd9fbb7c512cf5284834882596 (POST /oauth/token:
 *   grant_type password with client id/secret and the API user/password, refresh_token; the order statuses
 *   its validation allows);
 * - integrations: PUT /skus/{sku}/stock (nordweg/spree_pluggto), GET /orders?created=<day>to<day>&limit= and
 *   lists answering {result: [{Order}]} (third-party scripts).
 * [?] Not confirmed: the `modified` filter (read with the documented `created` form, "YYYY-MM-DDtoYYYY-MM-DD"),
 * the `next` parameter (the id after which a page starts) and the list's order (by id, ascending), the largest
 * `limit` (100 assumed), the time zone of dates without one (Brasília, -03:00, assumed), the HTTP status of
 * not_updated, and cancellation as status `canceled` on PUT /orders/{id}.
 */
export const PLUGGTO_API = 'https://api.plugg.to';
export const PLUGGTO_MAX_PAGE = 100;
export const pluggToOffset = (ctx: AdapterContext): string => accountOffset(ctx.options, '-03:00');
