import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import type { ChannelAdapter } from '../../../core/channels/types';
import type { WriteBackOperation } from '../../../core/sync/write-back';
import { toNodeError } from '../../shared/errors';
import { openAdapter, openChannel, type ChannelHandle, type StatusSyncDeps } from '../writer';
import * as cancelOrder from './cancelOrder.operation';
import * as confirmDelivery from './confirmDelivery.operation';
import * as getChannelOrder from './getChannelOrder.operation';
import * as pushInvoice from './pushInvoice.operation';
import * as pushShipment from './pushShipment.operation';
import * as pushStock from './pushStock.operation';
import * as reimportOrders from './reimportOrders.operation';
import { executeWriteBack } from './writeBack.execute';

/** What an operation may open: the channel's writer or its order reader, each once, with n8n errors. */
interface Opener {
	channel(): Promise<ChannelHandle>;
	adapter(): Promise<ChannelAdapter>;
	now: Date;
}

type Operation = (this: IExecuteFunctions, items: INodeExecutionData[], open: Opener) => Promise<INodeExecutionData[]>;

const writeBack = (operation: WriteBackOperation, fields: string[]): Operation =>
	async function (items, open) {
		return await executeWriteBack(this, items, await open.channel(), operation, fields);
	};

const operations: Record<string, Operation> = {
	pushStock: async function (items, open) {
		return await pushStock.execute.call(this, items, await open.channel());
	},
	pushInvoice: writeBack('pushInvoice', pushInvoice.fields),
	pushShipment: writeBack('pushShipment', pushShipment.fields),
	cancelOrder: writeBack('cancelOrder', cancelOrder.fields),
	confirmDelivery: writeBack('confirmDelivery', confirmDelivery.fields),
	getChannelOrder: async function (items, open) {
		let adapter;
		try {
			adapter = await open.adapter();
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		return await getChannelOrder.execute.call(this, items, adapter);
	},
	reimportOrders: async function (_items, open) {
		try {
			return await reimportOrders.execute.call(this, await open.adapter(), open.now);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	},
};

/** execute() of OMS Status Sync, as OMS Store's router: operation → handler. Tests pass fakes through `deps`. */
export function statusSyncRouter(deps: StatusSyncDeps = {}) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const op = operations[operation];
		if (!op) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
		const asNodeError = (error: unknown): never => {
			throw toNodeError(this.getNode(), error);
		};
		const open: Opener = {
			channel: () => openChannel(this, deps).catch(asNodeError),
			adapter: () => openAdapter(this, deps),
			now: deps.now?.() ?? new Date(),
		};
		return [await op.call(this, this.getInputData(), open)];
	};
}
