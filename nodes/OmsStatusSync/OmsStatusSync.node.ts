import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { omsStoreConnectionTest } from '../shared/store-credential-test';
import * as cancelOrder from './actions/cancelOrder.operation';
import * as confirmDelivery from './actions/confirmDelivery.operation';
import { channelOptionsProperty } from './actions/channelOptions';
import * as getChannelOrder from './actions/getChannelOrder.operation';
import * as pushInvoice from './actions/pushInvoice.operation';
import * as pushShipment from './actions/pushShipment.operation';
import * as pushStock from './actions/pushStock.operation';
import * as reimportOrders from './actions/reimportOrders.operation';
import { statusSyncRouter } from './actions/router';
import { channelFields, channelProperty } from './channels';
import { listSearch } from './methods/listSearch';

/** Sends OMS stock, invoices, tracking and cancellations back to the sales channels. */
export class OmsStatusSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OMS Status Sync',
		name: 'omsStatusSync',
		icon: { light: 'file:omsSync.svg', dark: 'file:omsSync.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ ({pushStock: "Push Stock", pushInvoice: "Push Invoice", pushShipment: "Push Shipment", cancelOrder: "Cancel Order", confirmDelivery: "Confirm Delivery", reimportOrders: "Re-Import Orders", getChannelOrder: "Get Channel Order"})[$parameter["operation"]] + " · " + ({mercadolivre: "Mercado Livre", shopify: "Shopify", woocommerce: "WooCommerce", vtex: "VTEX", nuvemshop: "Nuvemshop", magalu: "Magalu", amazon: "Amazon", tray: "Tray", lojaintegrada: "Loja Integrada", shopee: "Shopee", magento: "Magento 2 / Adobe Commerce", mirakl: "Mirakl", americanas: "Americanas", http: "Configurable HTTP", madeiramadeira: "MadeiraMadeira", prestashop: "PrestaShop", via: "Via (Casas Bahia)", anymarket: "AnyMarket", wake: "Wake Commerce (Tray Corp)", pluggto: "Plugg.To", olist: "Olist"})[$parameter["channel"]] }}',
		description: 'Push stock, invoices, shipments and cancellations from the OMS to your sales channels, re-import recent orders, and read one order by its ID',
		defaults: { name: 'OMS Status Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Literal, not built from CHANNELS: the community linter reads this array from the source. A test checks
		// it names each channel's trigger credential. They name the channel as '/channel' (a root path): n8n's editor
		// takes a field that every credential is shown by for the "authentication" selector and hides it from the
		// parameters; the Channel field must stay in sight.
		credentials: [
			{ name: 'omsStoreApi', required: true, testedBy: 'omsStoreConnectionTest', displayOptions: { show: { operation: ['pushStock'] } } },
			{ name: 'mercadoLivreOAuth2Api', required: true, displayOptions: { show: { '/channel': ['mercadolivre'] } } },
			// Shopify and WooCommerce: one per option of the channel's Authentication field (nodes/shared/channels).
			{ name: 'shopifyOmsApi', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyOmsApi'] } } },
			{ name: 'shopifyOmsOAuth2Api', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyOmsOAuth2Api'] } } },
			{ name: 'shopifyAccessTokenApi', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyAccessTokenApi'] } } },
			{ name: 'shopifyOAuth2Api', required: true, displayOptions: { show: { '/channel': ['shopify'], authentication: ['shopifyOAuth2Api'] } } },
			{ name: 'wooCommerceOmsApi', required: true, displayOptions: { show: { '/channel': ['woocommerce'], authentication: ['wooCommerceOmsApi'] } } },
			{ name: 'wooCommerceApi', required: true, displayOptions: { show: { '/channel': ['woocommerce'], authentication: ['wooCommerceApi'] } } },
			{ name: 'vtexOmsApi', required: true, displayOptions: { show: { '/channel': ['vtex'] } } },
			{ name: 'nuvemshopOmsApi', required: true, displayOptions: { show: { '/channel': ['nuvemshop'] } } },
			{ name: 'magaluOAuth2Api', required: true, displayOptions: { show: { '/channel': ['magalu'] } } },
			{ name: 'amazonSpApi', required: true, displayOptions: { show: { '/channel': ['amazon'] } } },
			{ name: 'trayOmsApi', required: true, displayOptions: { show: { '/channel': ['tray'] } } },
			{ name: 'lojaIntegradaOmsApi', required: true, displayOptions: { show: { '/channel': ['lojaintegrada'] } } },
			{ name: 'shopeeOmsApi', required: true, displayOptions: { show: { '/channel': ['shopee'] } } },
			{ name: 'magentoOmsApi', required: true, displayOptions: { show: { '/channel': ['magento'], authentication: ['magentoOmsApi'] } } },
			{ name: 'magento2Api', required: true, displayOptions: { show: { '/channel': ['magento'], authentication: ['magento2Api'] } } },
			{ name: 'miraklOmsApi', required: true, displayOptions: { show: { '/channel': ['mirakl'] } } },
			{ name: 'americanasOmsApi', required: true, displayOptions: { show: { '/channel': ['americanas'] } } },
			{ name: 'httpChannelOmsApi', required: true, displayOptions: { show: { '/channel': ['http'] } } },
			{ name: 'madeiraMadeiraOmsApi', required: true, displayOptions: { show: { '/channel': ['madeiramadeira'] } } },
			{ name: 'prestaShopOmsApi', required: true, displayOptions: { show: { '/channel': ['prestashop'] } } },
			{ name: 'viaOmsApi', required: true, displayOptions: { show: { '/channel': ['via'] } } },
			{ name: 'anyMarketOmsApi', required: true, displayOptions: { show: { '/channel': ['anymarket'] } } },
			{ name: 'wakeOmsApi', required: true, displayOptions: { show: { '/channel': ['wake'] } } },
			{ name: 'pluggToOmsApi', required: true, displayOptions: { show: { '/channel': ['pluggto'] } } },
			{ name: 'olistOmsApi', required: true, displayOptions: { show: { '/channel': ['olist'] } } },
		],
		properties: [
			channelProperty,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Cancel Order', value: 'cancelOrder', description: 'Cancel an order on the channel', action: 'Cancel an order' },
					{
						name: 'Confirm Delivery',
						value: 'confirmDelivery',
						description: 'Tell the channel the buyer received the order (marketplaces where the seller reports it)',
						action: 'Confirm a delivery',
					},
					{
						name: 'Get Channel Order',
						value: 'getChannelOrder',
						description: 'Read one order from the channel by its ID, as a canonical OMS order',
						action: 'Get an order from the channel',
					},
					{ name: 'Push Invoice', value: 'pushInvoice', description: "Send an order's NF-e to the channel", action: 'Push an invoice' },
					{ name: 'Push Shipment', value: 'pushShipment', description: 'Send carrier and tracking code to the channel', action: 'Push a shipment' },
					{ name: 'Push Stock', value: 'pushStock', description: 'Publish OMS stock levels on the channel', action: 'Push stock' },
					{
						name: 'Re-Import Recent Orders',
						value: 'reimportOrders',
						description: 'Read again the orders changed in the last hours (catch-up after a failed run)',
						action: 'Re import recent orders',
					},
				],
				default: 'pushStock',
			},
			...channelFields,
			...pushStock.description,
			...pushInvoice.description,
			...pushShipment.description,
			...cancelOrder.description,
			...confirmDelivery.description,
			...reimportOrders.description,
			...getChannelOrder.description,
			channelOptionsProperty,
		],
	};

	/** The store credential is tested by opening the store, as in the OMS Store node; pickers list the channel's locations. */
	methods = {
		credentialTest: { omsStoreConnectionTest },
		listSearch,
	};

	execute = statusSyncRouter();
}
