import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { optionalStringProperty, requiredStringProperty, secretProperty, timeZoneOffsetProperty } from './shared/channelProperties';
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
		optionalStringProperty('Account Name', 'shopName', "Names the account in the OMS; the shop's host when empty"),
		secretProperty('Webservice Key', 'apiKey'),
		timeZoneOffsetProperty("The shop's time zone as an offset (PrestaShop writes dates in it, without a zone)"),
		optionalStringProperty(
			'Order States',
			'orderStates',
			'State id = status pairs for states that are not the stock ones (1 awaiting check, 2 payment accepted, 3 processing, 4 shipped, 5 delivered, 6 canceled, 7 refunded, 8 payment error, 9/12 backorder, 10 awaiting bank wire, 11 remote payment, 13 awaiting COD). Statuses: pending_payment, paid, invoiced, shipped, delivered, cancelled, returned.',
			{ placeholder: '14=paid, 15=shipped' },
		),
		optionalStringProperty('Shipped State ID', 'shippedState', 'The state a shipment moves the order to', { default: '4' }),
		optionalStringProperty('Cancelled State ID', 'cancelledState', 'The state a cancellation moves the order to', { default: '6' }),
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
