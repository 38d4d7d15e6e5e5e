import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** How a node turns a failed item into n8n's two answers: the error it throws, or the error item it emits. */
export interface ItemErrors {
	/** Thrown when the node does not continue on fail. */
	toError(error: unknown, itemIndex: number): Error;
	/** The `json` of the error item when it does. */
	errorJson(error: unknown): IDataObject;
}

export const paired = (json: IDataObject, item: number): INodeExecutionData => ({ json, pairedItem: { item } });

export const asJson = (value: object): IDataObject => value as unknown as IDataObject;

/**
 * The item loop of both action nodes: `work` runs once per input item, as n8n nodes do, so every parameter
 * can be an expression over the item; its rows are paired with that item. A failed item stops the run, or,
 * with "continue on fail", becomes an error item and the next item still runs (the ones before stay done).
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	errors: ItemErrors,
	work: (itemIndex: number) => Promise<object[]>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			out.push(...(await work(i)).map((row) => paired(asJson(row), i)));
		} catch (error) {
			if (!ctx.continueOnFail()) throw errors.toError(error, i);
			out.push(paired(errors.errorJson(error), i));
		}
	}
	return out;
}
