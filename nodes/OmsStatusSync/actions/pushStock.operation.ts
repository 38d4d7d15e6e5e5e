import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';
import { DEFAULT_WAREHOUSE, skuIdentity } from '../../../core/model/order';
import { CHANGED_SINCE_LAST_PUSH, pushStock, type SkuPushResult, type SkuRef } from '../../../core/sync/push-stock';
import { getStore, type StoreHandle } from '../../shared/store';
import { recordExecutionData } from '../../shared/execution-data';
import type { ChannelHandle } from '../writer';

export { description } from './pushStock.description';

/** Static-data key of the changed-since cursors, one per channel account and warehouse. */
export const CURSORS_KEY = 'stockCursors';

interface Named {
	refs: SkuRef[];
	/** SKU → the input items that named it, for pairedItem. */
	itemsOf: Map<string, number[]>;
	errors: INodeExecutionData[];
}

/**
 * An item is a stock level ({sku, warehouse}), an OMS Store Apply result, whose `affected` are levels, or a
 * Link Listing result: its SKU and the levels its waiting orders moved (a kit's components, when a listing
 * is linked to a kit), so those and the kits containing them are published too.
 */
function levelsOf(json: IDataObject): SkuRef[] | undefined {
	const moved = Array.isArray(json.orders) ? (json.orders as IDataObject[]).flatMap((o) => (Array.isArray(o?.affected) ? (o.affected as IDataObject[]) : [])) : [];
	const candidates = Array.isArray(json.affected) ? (json.affected as IDataObject[]) : json.sku !== undefined ? [json, ...moved] : undefined;
	if (!candidates) return undefined;
	return candidates
		.filter((c) => typeof c?.sku === 'string' && c.sku.trim() !== '')
		// Results name SKUs in their store identity: pair them back with the items the same way.
		.map((c) => ({ sku: skuIdentity(String(c.sku)), warehouse: typeof c.warehouse === 'string' ? c.warehouse : undefined }));
}

function namedSkus(ctx: IExecuteFunctions, items: INodeExecutionData[]): Named {
	const named: Named = { refs: [], itemsOf: new Map(), errors: [] };
	items.forEach((item, i) => {
		const refs = levelsOf(item.json);
		if (!refs) {
			const message = 'The item has no "sku" (nor "affected" levels of an OMS Store Apply result)';
			if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), message, { itemIndex: i });
			named.errors.push({ json: { error: { message } }, pairedItem: { item: i } });
			return;
		}
		for (const ref of refs) {
			named.refs.push(ref);
			named.itemsOf.set(ref.sku, [...(named.itemsOf.get(ref.sku) ?? []), i]);
		}
	});
	return named;
}

const paired = (indexes: number[] | undefined): IPairedItemData | IPairedItemData[] =>
	!indexes || indexes.length === 0 ? { item: 0 } : indexes.length === 1 ? { item: indexes[0] } : indexes.map((item) => ({ item }));

/** A failed SKU without continue-on-fail: raised after the others were pushed, with the channel's HTTP code. */
function failureError(ctx: IExecuteFunctions, failed: SkuPushResult[], total: number): Error {
	const first = failed[0];
	const message = `SKU ${first.sku}: ${first.error?.message ?? 'push failed'}`;
	const description = `${failed.length} of ${total} SKUs failed (${failed.map((r) => r.sku).join(', ')}); the others were pushed. Failed SKUs wait in the store's retry set and are sent again when due (after 1 min, doubling up to 1 h).`;
	if (first.error?.httpCode === undefined) return new NodeOperationError(ctx.getNode(), message, { description });
	return new NodeApiError(ctx.getNode(), { message, sku: first.sku }, { message, description, httpCode: String(first.error.httpCode) });
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], channel: ChannelHandle): Promise<INodeExecutionData[]> {
	const oms: StoreHandle = await getStore.call(this);
	const changedSince = this.getNodeParameter('source', 0) === 'changedSinceLastPush';
	const warehouse = String(this.getNodeParameter('warehouse', 0, DEFAULT_WAREHOUSE) || DEFAULT_WAREHOUSE).trim();
	const named = changedSince ? undefined : namedSkus(this, items);
	// Keyed by account and warehouse: switching the node to another store or warehouse starts that one afresh.
	const staticData = changedSince ? this.getWorkflowStaticData('node') : undefined;
	const cursors = (staticData?.[CURSORS_KEY] ?? {}) as IDataObject;
	const cursorKey = `${channel.storeKey}|${warehouse}`;

	let outcome;
	try {
		outcome = await pushStock({
			store: oms.store,
			channel: channel.storeKey,
			writer: channel.writer,
			levels: named ? named.refs : CHANGED_SINCE_LAST_PUSH,
			warehouse,
			safetyStock: this.getNodeParameter('safetyStock', 0, 0) as number,
			maxQuantity: this.getNodeParameter('maxQuantity', 0, 0) as number,
			cursor: typeof cursors[cursorKey] === 'string' ? cursors[cursorKey] : undefined,
			pageSize: changedSince ? (this.getNodeParameter('pageSize', 0, 1000) as number) : undefined,
			force: this.getNodeParameter('pushUnchanged', 0, false) as boolean,
		});
	} catch (error) {
		// Store (or rule) failures: nothing was pushed past the point of failure; the message is redacted.
		const message = oms.safeMessage(error);
		if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), message);
		return [...(named?.errors ?? []), { json: { error: { message } }, pairedItem: { item: 0 } }];
	}
	// The cursor moves past failed SKUs: they wait in the store's retry set, which every run reads first.
	if (staticData && outcome.cursor !== undefined) staticData[CURSORS_KEY] = { ...cursors, [cursorKey]: outcome.cursor };

	const failed = outcome.results.filter((r) => r.status === 'failed');
	if (failed.length > 0 && !this.continueOnFail()) throw failureError(this, failed, outcome.results.length);
	const out = outcome.results.map((r) => ({
		json: { channel: channel.storeKey, ...r } as unknown as IDataObject,
		pairedItem: paired(named?.itemsOf.get(r.sku)),
	}));
	recordExecutionData(this, { channels: [channel.channel], pushedSkus: outcome.results.filter((r) => r.status === 'pushed' || r.status === 'failed').map((r) => r.sku) });
	return [...(named?.errors ?? []), ...out];
}
