import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, optionalStringProperty, requiredStringProperty, secretProperty, timeZoneOffsetProperty } from './shared/channelProperties';
import { WAKE_API } from '../core/channels/wake/api';
import { apiRoot, headerAuthentication } from './shared/requests';

/**
 * A Wake Commerce (formerly Tray Corp) store's API token (admin: Configurações → Integrações → Tokens, with GET
 * on /pedidos, /pedidos/{pedidoId} and /situacoesPedido, PUT on /produtos/estoques and /pedidos/{pedidoId}/status,
 * POST on /pedidos/{pedidoId}/rastreamento), sent as "Authorization: Basic <token>" (wakecommerce.readme.io).
 * Order status ids are the store's own: GET /situacoesPedido lists them.
 */
export class WakeOmsApi implements ICredentialType {
	name = 'wakeOmsApi';

	displayName = 'Wake Commerce (OMS) API';

	icon = 'file:icons/wake.svg' as const;

	documentationUrl = 'https://wakecommerce.readme.io/docs/introducao';

	properties: INodeProperties[] = [
		requiredStringProperty('Store Name', 'storeName', { description: "Names the account in the OMS (the store's domain, for example)" }),
		secretProperty('API Token', 'token'),
		timeZoneOffsetProperty('The zone of dates that carry none (Brasília unless the store says otherwise)'),
		optionalStringProperty(
			'Order Statuses',
			'orderStatuses',
			"Status id = status pairs for the store's statuses (GET /situacoesPedido); the others are read by their names. Statuses: pending_payment, paid, invoiced, shipped, delivered, cancelled, returned.",
			{ placeholder: '2=paid, 5=shipped' },
		),
		optionalStringProperty('Distribution Center ID', 'distributionCenterId', 'The centroDistribuicaoId stock is written to (1 when empty)', {
			placeholder: '1',
		}),
		optionalStringProperty('Invoiced Status ID', 'invoicedStatusId', 'The status an NF-e moves the order to (none: the invoice is recorded, the status kept)'),
		optionalStringProperty(
			'Shipped Status ID',
			'shippedStatusId',
			'The status a shipment moves the order to (none: the tracking is recorded, the status kept)',
		),
		optionalStringProperty('Cancelled Status ID', 'cancelledStatusId', "The status Cancel Order sets (empty: the store's status whose name says cancelled)"),
		baseUrlOverrideProperty('https://api.fbits.net', 'Another API root (a proxy or a test simulator); https://api.fbits.net when empty'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({ Authorization: '=Basic {{$credentials.token}}' });

	// The store's order statuses: small, and the ids the settings above name.
	test: ICredentialTestRequest = {
		request: { baseURL: apiRoot(WAKE_API), url: '/situacoesPedido' },
	};
}
