import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * VTEX's own response examples, copied unchanged from
 * vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c:"VTEX - Orders API.json", responses 200 → example of:
 *   get-order.json    GET /api/oms/pvt/orders/{orderId}                   (Get order)
 *   order-group.json  GET /api/oms/pvt/orders/order-group/{orderGroup}    (Get orders by order group ID)
 *   list-orders.json  GET /api/oms/pvt/orders                             (List orders)
 *   feed.json         GET /api/orders/feed                                (Retrieve feed items)
 * A fresh copy on each call, so a test may change it.
 */
export const VTEX_PUBLISHED_SOURCE = 'vtex/openapi-schemas@0d207e53c9166b8c18fd93b2407b452721f4d37c:VTEX - Orders API.json';

export type VtexPublished = 'get-order' | 'order-group' | 'list-orders' | 'feed';

export const publishedVtex = (name: VtexPublished): any => JSON.parse(readFileSync(join(__dirname, '../../fixtures/published/vtex', `${name}.json`), 'utf8'));
