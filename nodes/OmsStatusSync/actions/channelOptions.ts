import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection } from '../../shared/fields';

/**
 * A stock location picked from the channel's own list (listSearch `searchLocations`, through the node's
 * channel credential) or typed by ID. Saved workflows that hold a plain ID string keep working (see
 * channelOptions in ../writer.ts).
 */
function locationPicker(displayName: string, name: string, channel: string, placeholder: string, description: string): INodeProperties {
	const noun = displayName.split(' ').pop()!.toLowerCase();
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		displayOptions: { show: { '/channel': [channel] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: 'searchLocations', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
	};
}

/** A text setting shown for one channel only (`channel` names it as the node's Channel field does). */
function channelSetting(
	channel: string,
	displayName: string,
	name: string,
	defaultValue: string,
	description: string,
	more: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: defaultValue, description, displayOptions: { show: { '/channel': [channel] } }, ...more };
}

/**
 * Settings a channel's writer reads from AdapterContext.options that its credential does not hold. Each is
 * shown for its channel only; empty ones are not passed, so the writer's default applies.
 */
export const channelOptionsProperty: INodeProperties = optionsCollection([
	channelSetting(
		'amazon',
		'Carrier Codes',
		'carrierCodes',
		'',
		'Carrier codes your Seller Central account accepts beyond Amazon\'s standard list, comma-separated. A carrier on neither list is sent as "Other" with its name.',
		{ placeholder: 'Correios, Jadlog' },
	),
	locationPicker(
		'Nuvemshop Location',
		'locationId',
		'nuvemshop',
		'01HTMFDH09VC6E2Q8KGTGP44D3',
		"The Nuvemshop stock location (multi-location stores); empty for the store's default location",
	),
	channelSetting('amazon', 'Product Type', 'productType', 'PRODUCT', 'Amazon product type of the listings whose quantity is patched'),
	channelSetting(
		'tray',
		'Shipped Status ID',
		'shippedStatusId',
		'',
		'Push Shipment: the ID of the store\'s "sent" order status (GET /orders/statuses), set together with the tracking code; empty to leave the status as it is',
		{ placeholder: '16' },
	),
	locationPicker(
		'Shopify Location',
		'locationId',
		'shopify',
		'gid://shopify/Location/1',
		'The Shopify location whose stock is set; empty for the first location of the shop',
	),
	channelSetting('mercadolivre', 'Site ID', 'siteId', 'MLB', 'Mercado Livre site the listings belong to (MLB is Brazil)'),
	locationPicker(
		'VTEX Warehouse',
		'warehouseId',
		'vtex',
		'1_1',
		'The VTEX warehouse whose stock is set (required to push stock). Not the OMS Warehouse above: that one says which OMS stock is sold.',
	),
]);
