import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as catalog from './actions/catalog/Catalog.resource';
import * as maintenance from './actions/maintenance/Maintenance.resource';
import * as order from './actions/order/Order.resource';
import * as report from './actions/report/Report.resource';
import * as reservation from './actions/reservation/Reservation.resource';
import { router } from './actions/router';
import * as stock from './actions/stock/Stock.resource';
import { omsStoreConnectionTest } from '../shared/store-credential-test';
import { allowChangesAsToolField } from './actions/tool-guard';

/** The OMS stock and reservation store as an n8n action node: the operations live in actions/, the rules in the core. */
export class OmsStore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OMS Store',
		name: 'omsStore',
		icon: { light: 'file:oms.svg', dark: 'file:oms.dark.svg' },
		group: ['transform'],
		version: 1,
		// Display words, not raw values ("Order: Apply", not "apply: order").
		subtitle:
			'={{ ({order: "Order", stock: "Stock", reservation: "Reservation", maintenance: "Maintenance", catalog: "Catalog", report: "Report"})[$parameter["resource"]] + ": " + ({apply: "Apply", adjust: "Adjust", getAvailability: "Get Availability", listChanged: "List Changed", pushStatus: "Push Status", lowStock: "Low Stock", dashboard: "Dashboard", setOnHand: "Set On Hand", get: "Get", expire: "Expire", list: "List", mapJson: "Map JSON", ledger: "Ledger", reconcile: "Reconcile", linkListing: "Link Listing", unlinkListing: "Unlink Listing", listLinks: "List Links", listUnlinked: "List Unlinked", defineKit: "Define Kit", removeKit: "Remove Kit", listKits: "List Kits", setPublishRule: "Set Publish Rule", removePublishRule: "Remove Publish Rule", listPublishRules: "List Publish Rules", setChannelWarehouses: "Set Channel Warehouses", removeChannelWarehouses: "Remove Channel Warehouses", listChannelWarehouses: "List Channel Warehouses"})[$parameter["operation"]] }}',
		description: 'Keep stock and order reservations for all your sales channels in one place',
		defaults: { name: 'OMS Store' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// A database credential has no HTTP test request: the node tests it by opening the store.
		credentials: [{ name: 'omsStoreApi', required: true, testedBy: 'omsStoreConnectionTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Catalog', value: 'catalog', description: 'Which SKU each channel listing sells, kits, and how each channel account is offered stock' },
					{ name: 'Maintenance', value: 'maintenance' },
					{ name: 'Order', value: 'order' },
					{ name: 'Report', value: 'report' },
					{ name: 'Reservation', value: 'reservation' },
					{ name: 'Stock', value: 'stock' },
				],
				default: 'order',
			},
			...order.description,
			...stock.description,
			...reservation.description,
			...maintenance.description,
			...catalog.description,
			...report.description,
			allowChangesAsToolField,
		],
	};

	methods = {
		credentialTest: { omsStoreConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
