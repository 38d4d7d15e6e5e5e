import { header, jsonBody, sameAccount } from '../../webhooks/body';
import { verifySharedSecret } from '../../webhooks/signature';
import type { DeliveryRead, WebhookDelivery, WebhookReader, WebhookSecrets } from '../../webhooks/types';

/**
 * VTEX Orders Hook (POST /api/orders/hook/config): VTEX signs nothing; the hook sends the headers it was
 * configured with, so one of them carries a secret, checked in constant time. The body names the account and
 * app key the hook belongs to (Origin.Account, Origin.Key: HookConfiguration in vtex/openapi-schemas "VTEX -
 * Orders API.json"); both must be the credential's. The body is a pointer: the order is read from the API.
 *
 * Event key: OrderId + State + LastChange (the transition), the same on every retry of one event.
 */
export const vtexWebhookReader: WebhookReader = {
	channel: 'vtex',

	/** [?] Saving a hook configuration is reported to post {"hookConfig": "ping"} and expect 200 (not in the stored docs). */
	handshake(delivery: WebhookDelivery): string | undefined {
		return jsonBody(delivery)?.hookConfig === 'ping' ? 'VTEX hook ping' : undefined;
	},

	authenticate(delivery: WebhookDelivery, secrets: WebhookSecrets): boolean {
		const name = secrets.headerName?.trim().toLowerCase();
		if (!name || !verifySharedSecret(secrets.headerValue ?? '', header(delivery, name))) return false;
		const origin = jsonBody(delivery)?.Origin as { Account?: unknown; Key?: unknown } | undefined;
		const account = typeof origin?.Account === 'string' ? origin.Account : undefined;
		const key = typeof origin?.Key === 'string' ? origin.Key : undefined;
		return sameAccount(account, secrets.account) && (secrets.appId === undefined || sameAccount(key, secrets.appId));
	},

	read(delivery: WebhookDelivery): DeliveryRead {
		const body = jsonBody(delivery);
		const orderId = typeof body?.OrderId === 'string' && body.OrderId.trim() !== '' ? body.OrderId.trim() : undefined;
		if (!body || !orderId) return { ignore: 'VTEX hook body names no OrderId' };
		const state = typeof body.State === 'string' ? body.State : '';
		const lastChange = typeof body.LastChange === 'string' ? body.LastChange : '';
		return { eventId: `${orderId}|${state}|${lastChange}`, channelOrderId: orderId, topic: state };
	},
};
