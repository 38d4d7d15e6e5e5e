import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { getStore } from '../../shared/store';
import * as catalog from './catalog/Catalog.resource';
import * as maintenance from './maintenance/Maintenance.resource';
import * as order from './order/Order.resource';
import * as report from './report/Report.resource';
import * as reservation from './reservation/Reservation.resource';
import type { OperationExecute } from './shared/execute';
import * as stock from './stock/Stock.resource';
import { refuseUnconfirmedToolChange } from './tool-guard';

/** Operations that need no store (pure transformations): the store is not opened for them. */
const withoutStore: Record<
	string,
	Record<string, { executeWithoutStore: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]> }>
> = {
	order: { mapJson: order.mapJson },
};

const operations: Record<string, Record<string, { execute: OperationExecute }>> = {
	order: { apply: order.apply, get: order.get, list: order.list, registerReturn: order.registerReturn },
	stock: {
		setOnHand: stock.setOnHand,
		adjust: stock.adjust,
		getAvailability: stock.getAvailability,
		listChanged: stock.listChanged,
		pushStatus: stock.pushStatus,
		lowStock: stock.lowStock,
	},
	reservation: { expire: reservation.expire, list: reservation.list },
	maintenance: { reconcile: maintenance.reconcile, ledger: maintenance.ledger },
	catalog: {
		linkListing: catalog.linkListing,
		unlinkListing: catalog.unlinkListing,
		listLinks: catalog.listLinks,
		listUnlinked: catalog.listUnlinked,
		defineKit: catalog.defineKit,
		removeKit: catalog.removeKit,
		listKits: catalog.listKits,
		setPublishRule: catalog.setPublishRule,
		removePublishRule: catalog.removePublishRule,
		listPublishRules: catalog.listPublishRules,
		setListingRule: catalog.setListingRule,
		removeListingRule: catalog.removeListingRule,
		listListingRules: catalog.listListingRules,
		setChannelWarehouses: catalog.setChannelWarehouses,
		removeChannelWarehouses: catalog.removeChannelWarehouses,
		listChannelWarehouses: catalog.listChannelWarehouses,
		setBarcodes: catalog.setBarcodes,
	},
	report: { dashboard: report.dashboard },
};

/** Resource and operation cannot be expressions (noDataExpression), so they are read once. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const pure = withoutStore[resource]?.[operation];
	if (pure) return [await pure.executeWithoutStore.call(this, items)];
	const op = operations[resource]?.[operation];
	if (!op) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	refuseUnconfirmedToolChange(this, resource, operation);

	const oms = await getStore.call(this);
	return [await op.execute.call(this, items, oms)];
}
