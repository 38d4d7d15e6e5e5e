import type { HttpChannelDefinition } from './definition';

/**
 * The README's example definition, also the editor's starting value. Its paths and names are an example of
 * the shape a consultant fills in, not any platform's documented API (none was found for GenComm, GenHub or
 * Xtech): a test runs it against the configurable simulator.
 */
export const EXAMPLE_DEFINITION: HttpChannelDefinition = {
	platform: 'Minha Plataforma',
	list: {
		path: '/api/v1/orders',
		query: { sort: 'id' },
		changedSince: { param: 'updated_since', format: 'iso' },
		itemsPath: 'data',
		paging: { style: 'offset', param: 'offset', sizeParam: 'limit', maxSize: 100 },
	},
	order: { path: '/api/v1/orders/{id}' },
	map: {
		id: 'id',
		createdAt: 'created_at',
		updatedAt: 'updated_at',
		status: 'status',
		currency: 'currency',
		total: 'total',
		shipping: 'shipping_total',
		discount: 'discount_total',
		paymentMethod: 'payment.method',
		'customer.name': 'customer.name',
		'customer.email': 'customer.email',
		'customer.phone': 'customer.phone',
		'customer.document': 'customer.cpf',
		'shippingAddress.street': 'shipping_address.street',
		'shippingAddress.number': 'shipping_address.number',
		'shippingAddress.district': 'shipping_address.district',
		'shippingAddress.city': 'shipping_address.city',
		'shippingAddress.state': 'shipping_address.state',
		'shippingAddress.postalCode': 'shipping_address.zip',
		'lines.sku': 'items[].sku',
		'lines.quantity': 'items[].quantity',
		'lines.unitPrice': 'items[].price',
		'lines.title': 'items[].name',
		'lines.listingId': 'items[].product_id',
		'lines.lineId': 'items[].id',
	},
	money: 'decimal',
	currency: 'BRL',
	timeZoneOffset: '-03:00',
	statusMap: {
		aguardando_pagamento: 'pending_payment',
		pago: 'paid',
		faturado: 'invoiced',
		enviado: 'shipped',
		entregue: 'delivered',
		cancelado: 'cancelled',
		devolvido: 'returned',
	},
	paymentMethodMap: { pix: 'pix', boleto: 'boleto', cartao: 'credit_card' },
	writes: {
		lookup: { method: 'GET', path: '/api/v1/products', query: { sku: '{sku}' }, idPath: 'data[0].id' },
		stock: { method: 'PUT', path: '/api/v1/products/{listingId}/stock', body: { quantity: '{quantity}' } },
		invoice: {
			method: 'POST',
			path: '/api/v1/orders/{orderId}/invoice',
			body: { key: '{nfeKey}', number: '{number}', series: '{series}', issued_at: '{issuedAt}' },
		},
		shipment: {
			method: 'POST',
			path: '/api/v1/orders/{orderId}/shipment',
			body: { carrier: '{carrier}', tracking_code: '{trackingCode}', tracking_url: '{trackingUrl}' },
		},
		cancel: { method: 'POST', path: '/api/v1/orders/{orderId}/cancel', body: { reason: '{reason}' } },
	},
};
