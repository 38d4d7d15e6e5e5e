import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { requiredStringProperty, secretProperty } from './shared/channelProperties';
import { urlFieldRoot } from './shared/requests';

/**
 * A PrestaShop shop's webservice key (Advanced Parameters → Webservice: enable the webservice, add a key with
 * GET on orders, customers, addresses, currencies, countries, states, products, combinations, order_carriers;
 * PUT on stock_availables and order_carriers; POST on order_histories). The key is the HTTP Basic user, with
 * an empty password (devdocs "Testing access"). Order state ids are the shop's own: Orders → Statuses shows them.
 */
export class PrestaShopOmsApi implements ICredentialType {
	name = 'prestaShopOmsApi';

	displayName = 'PrestaShop (OMS) API';

	icon = 'file:icons/prestashop.svg' as const;

	documentationUrl = 'https://devdocs.prestashop-project.org/9/webservice/tutorials/testing-access/';

	properties: INodeProperties[] = [
		requiredStringProperty('Webservice URL', 'baseUrl', { placeholder: 'https://loja.example.com.br/api', description: "The shop's address followed by /api" }),
		{ displayName: 'Account Name', name: 'shopName', type: 'string', default: '', description: "Names the account in the OMS; the shop's host when empty" },
		secretProperty('Webservice Key', 'apiKey'),
		{
			displayName: 'Time Zone Offset',
			name: 'timeZoneOffset',
			type: 'string',
			default: '-03:00',
			description: "The shop's time zone as an offset (PrestaShop writes dates in it, without a zone)",
		},
		{
			displayName: 'Order States',
			name: 'orderStates',
			type: 'string',
			default: '',
			placeholder: '14=paid, 15=shipped',
			description:
				'State id = status pairs for states that are not the stock ones (1 awaiting check, 2 payment accepted, 3 processing, 4 shipped, 5 delivered, 6 canceled, 7 refunded, 8 payment error, 9/12 backorder, 10 awaiting bank wire, 11 remote payment, 13 awaiting COD). Statuses: pending_payment, paid, invoiced, shipped, delivered, cancelled, returned.',
		},
		{ displayName: 'Shipped State ID', name: 'shippedState', type: 'string', default: '4', description: 'The state a shipment moves the order to' },
		{ displayName: 'Cancelled State ID', name: 'cancelledState', type: 'string', default: '6', description: 'The state a cancellation moves the order to' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.apiKey}}', password: '' } },
	};

	// The order states: a small read a key that reads orders is usually allowed (and the ids to map).
	test: ICredentialTestRequest = {
		request: { baseURL: urlFieldRoot('baseUrl'), url: '/order_states', qs: { output_format: 'JSON' } },
	};
}
