import { idText, jsonBody } from '../../webhooks/body';
import type { DeliveryRead, WebhookDelivery, WebhookReader } from '../../webhooks/types';
import { deliveryRef } from './delivery-ref';

/** Order and delivery statuses the webhook pages list. */
const ORDER_STATUSES = ['new', 'approved', 'cancelled', 'finished'];
const DELIVERY_STATUSES = ['shipped', 'approved', 'cancelled', 'delivered'];

type Pointer = { status: string; id: string; resource: string };

function pointer(delivery: WebhookDelivery): Pointer | undefined {
	const data = jsonBody(delivery)?.data as { status?: unknown; params?: { id?: unknown }; resource?: unknown } | undefined;
	const id = idText(data?.params?.id);
	if (!id || typeof data?.status !== 'string' || typeof data.resource !== 'string' || !data.resource.includes(id)) return undefined;
	return { status: data.status, id, resource: data.resource };
}

/**
 * Magalu (developers.magalu.com/docs/seller-pedidos/webhooks.en): orders and deliveries post
 * `{"data": {"status", "params": {"id"}, "resource"}}`. The pages document no signature, no secret header and
 * no seller in these bodies, so a delivery is authenticated by its documented shape only and is trusted as a
 * pointer, nothing more: the order is read with the seller's token, which answers only that seller's orders.
 *
 * No event id is documented: deliveries are de-duplicated on the order version read afterwards. Delivery
 * events (shipped, approved, cancelled, delivered) are queued as `delivery:<id>` and read through the delivery
 * to its order, so a cancelled or shipped delivery reaches the order's lines of that delivery.
 */
export const magaluWebhookReader: WebhookReader = {
	channel: 'magalu',

	authenticate(delivery: WebhookDelivery): boolean {
		const p = pointer(delivery);
		return p !== undefined && (ORDER_STATUSES.includes(p.status) || DELIVERY_STATUSES.includes(p.status));
	},

	read(delivery: WebhookDelivery): DeliveryRead {
		const p = pointer(delivery);
		if (!p) return { ignore: 'Magalu body is not {data: {status, params: {id}, resource}}' };
		// A delivery event names the delivery: queued as a reference the adapter resolves to its order (delivery-ref.ts).
		if (/\/deliveries\//.test(p.resource)) return { channelOrderId: deliveryRef(p.id), topic: `delivery ${p.status}` };
		if (!/\/orders\//.test(p.resource)) return { ignore: `Magalu resource "${p.resource}" is not an order` };
		return { channelOrderId: p.id, topic: `order ${p.status}` };
	},
};
