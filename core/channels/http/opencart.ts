import type { HttpChannelDefinition } from './definition';

/**
 * OpenCart through the configurable channel (README, "OpenCart"). OpenCart's core API (3.x api/*, 4.0
 * api/sale/*, 4.1 signed api/order calls) has no order listing: it builds carts and orders, reads one order
 * without its products (3.x api/order/info) and adds order history (a status change). Orders changed since a
 * time are listed by an extension; this definition uses the open-source CartRover GSS API extension
 * (github.com/CartRover/CartRover-OpenCart-RestAPI, OpenCart 2.2–3.x), which rides the core API's session:
 * api/login (API user name and key, the caller's IP allowed in System → Users → API) gives an api_token that
 * each request carries. Status writes are the core's api/order/history.
 *
 * Read from the extension's and OpenCart 3.0.x.x's source, not confirmed on a live store: the listing shows
 * one order status per request (`status`, default 2 Processing: one trigger per status to follow), only
 * orders with a shipping total (it joins oc_order_total on code "shipping"), pages by page number in
 * `offset` (LIMIT limit OFFSET offset*limit) with no ORDER BY (MyISAM table order: insertion, i.e. order id),
 * and gives every order of a page the first order's shipping zone code and country ISO (so the map reads the
 * order's own zone name and leaves the country to the BR default). Prices are ex-tax (oc_order_product.price).
 * Dates carry no zone: 3.0.3+ writes them in the store's Time Zone setting (config_timezone, UTC on install:
 * PHP and MySQL are set to it at startup), 3.0.2 and older in the MySQL server's zone.
 */
export const OPENCART_DEFINITION: HttpChannelDefinition = {
	platform: 'OpenCart',
	session: {
		login: {
			method: 'POST',
			path: '/index.php',
			query: { route: 'api/login' },
			body: { username: '{username}', key: '{secret}' },
			bodyFormat: 'form',
		},
		tokenPath: 'api_token',
		ttlSeconds: 3000,
		send: { in: 'query', name: 'api_token' },
		expired: { bodyPath: 'error', bodyMatches: 'permission' },
	},
	errorPath: 'error',
	list: {
		path: '/index.php',
		query: { route: 'extension/feed/gss_api/orders', status: '2' },
		changedSince: { param: 'date_from', format: 'local' },
		paging: { style: 'page', param: 'offset', sizeParam: 'limit', maxSize: 500, firstPage: 0 },
	},
	map: {
		id: 'order_id',
		createdAt: 'date_added',
		updatedAt: 'date_modified',
		status: 'order_status_id',
		currency: 'currency_code',
		total: 'total',
		shipping: 'shipping_cost',
		paymentMethod: 'payment_code',
		'customer.name': 'firstname + lastname',
		'customer.email': 'email',
		'customer.phone': 'telephone',
		'shippingAddress.name': 'shipping_firstname + shipping_lastname',
		'shippingAddress.street': 'shipping_address_1',
		'shippingAddress.complement': 'shipping_address_2',
		'shippingAddress.city': 'shipping_city',
		'shippingAddress.state': 'shipping_zone',
		'shippingAddress.postalCode': 'shipping_postcode',
		'lines.sku': 'line_item[].sku',
		'lines.quantity': 'line_item[].quantity',
		'lines.unitPrice': 'line_item[].price',
		'lines.title': 'line_item[].name',
		'lines.listingId': 'line_item[].product_id',
		'lines.lineId': 'line_item[].order_product_id',
	},
	money: 'decimal',
	currency: 'BRL',
	// OpenCart's default (config_timezone UTC); a store set to America/Sao_Paulo writes its dates at -03:00.
	timeZoneOffset: '+00:00',
	// OpenCart's default order statuses (install/opencart.sql, oc_order_status); a store's own ids go here too.
	statusMap: {
		'1': 'pending_payment',
		'2': 'paid',
		'3': 'shipped',
		'5': 'delivered',
		'7': 'cancelled',
		'8': 'cancelled',
		'9': 'paid',
		'10': 'cancelled',
		'11': 'returned',
		'12': 'cancelled',
		'13': 'cancelled',
		'14': 'cancelled',
		'15': 'paid',
		'16': 'cancelled',
	},
	writes: {
		shipment: {
			method: 'POST',
			path: '/index.php',
			query: { route: 'api/order/history', order_id: '{orderId}' },
			body: { order_status_id: '3', notify: '1', override: '0', comment: 'Enviado: {carrier} {trackingCode} {trackingUrl}' },
			bodyFormat: 'form',
		},
		cancel: {
			method: 'POST',
			path: '/index.php',
			query: { route: 'api/order/history', order_id: '{orderId}' },
			body: { order_status_id: '7', notify: '1', override: '0', comment: '{reason}' },
			bodyFormat: 'form',
		},
	},
};
