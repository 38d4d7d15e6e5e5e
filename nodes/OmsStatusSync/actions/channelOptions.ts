import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/fields';

/**
 * Settings a channel's writer reads from AdapterContext.options that its credential does not hold. Each is
 * shown for its channel only; empty ones are not passed, so the writer's default applies.
 */
export const channelOptionsProperty: INodeProperties = optionsCollection([
	{
		displayName: 'Carrier Codes',
		name: 'carrierCodes',
		type: 'string',
		default: '',
		placeholder: 'Correios, Jadlog',
		description:
			"Carrier codes your Seller Central account accepts beyond Amazon's standard list, comma-separated. A carrier on neither list is sent as \"Other\" with its name.",
		displayOptions: { show: { '/channel': ['amazon'] } },
	},
	{
		displayName: 'Location ID',
		name: 'locationId',
		type: 'string',
		default: '',
		placeholder: 'gid://shopify/Location/1',
		description: 'The location whose stock is set; empty for the first location of the shop',
		displayOptions: { show: { '/channel': ['shopify'] } },
	},
	{
		displayName: 'Location ID',
		name: 'locationId',
		type: 'string',
		default: '',
		description: 'The Nuvemshop stock location (multi-location stores); empty for the store\'s stock',
		displayOptions: { show: { '/channel': ['nuvemshop'] } },
	},
	{
		displayName: 'Product Type',
		name: 'productType',
		type: 'string',
		default: 'PRODUCT',
		description: 'Amazon product type of the listings whose quantity is patched',
		displayOptions: { show: { '/channel': ['amazon'] } },
	},
	{
		displayName: 'Shipped Status ID',
		name: 'shippedStatusId',
		type: 'string',
		default: '',
		placeholder: '16',
		description: 'Push Shipment: the ID of the store\'s "sent" order status (GET /orders/statuses), set together with the tracking code; empty to leave the status as it is',
		displayOptions: { show: { '/channel': ['tray'] } },
	},
	{
		displayName: 'Site ID',
		name: 'siteId',
		type: 'string',
		default: 'MLB',
		description: 'Mercado Livre site the listings belong to (MLB is Brazil)',
		displayOptions: { show: { '/channel': ['mercadolivre'] } },
	},
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		placeholder: '1_1',
		description: 'The VTEX warehouse whose stock is set (required to push stock)',
		displayOptions: { show: { '/channel': ['vtex'] } },
	},
]);
