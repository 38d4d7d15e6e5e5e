import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { OrderValidationError } from '../../../../core/model/validate';
import { asJson, forEachItem as forEachInputItem, paired, type ItemErrors } from '../../../shared/items';
import type { StoreHandle } from '../../../shared/store';

/** Every operation: gets the node's input items and the credential's store, returns the output items. */
export type OperationExecute = (this: IExecuteFunctions, items: INodeExecutionData[], oms: StoreHandle) => Promise<INodeExecutionData[]>;

/** The error item of "continue on fail"; a malformed order also names the order and the field. */
export function errorJson(error: unknown, oms: StoreHandle): IDataObject {
	const message = oms.safeMessage(error);
	if (error instanceof OrderValidationError) return { error: { message, orderRef: error.orderRef, field: error.field } };
	return { error: { message } };
}

/** A store failure as the node's error: the redacted message, and what was (not) written. */
export function storeNodeError(ctx: IExecuteFunctions, error: unknown, oms: StoreHandle, itemIndex?: number): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const description =
		error instanceof OrderValidationError
			? 'Nothing from this run was written to the store. Fix the order, or set the node to continue on error to apply the other orders.'
			: undefined;
	// Built from the redacted text, never from the driver's error object: that one could carry connection details.
	return new NodeOperationError(ctx.getNode(), oms.safeMessage(error), { itemIndex, description });
}

/** The store's item errors, for the shared item loop. */
const storeErrors = (ctx: IExecuteFunctions, oms: StoreHandle): ItemErrors => ({
	toError: (error, itemIndex) => storeNodeError(ctx, error, oms, itemIndex),
	errorJson: (error) => errorJson(error, oms),
});

/** Runs `work` once per input item (nodes/shared/items.ts), with the store's error items. */
export function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	oms: StoreHandle,
	work: (itemIndex: number) => Promise<object[]>,
): Promise<INodeExecutionData[]> {
	return forEachInputItem(ctx, items, storeErrors(ctx, oms), work);
}

/**
 * Store-wide actions (expire, reconcile, changes feed) run once per execution, with the parameters of the
 * first item: running them once per input item would repeat the same action.
 */
export async function onceForAll(ctx: IExecuteFunctions, oms: StoreHandle, work: () => Promise<object[]>): Promise<INodeExecutionData[]> {
	try {
		return (await work()).map((row) => paired(asJson(row), 0));
	} catch (error) {
		if (!ctx.continueOnFail()) throw storeNodeError(ctx, error, oms, 0);
		return [paired(errorJson(error, oms), 0)];
	}
}

/** What the store made of one input when it settles each input on its own (see applyOrdersSettled). */
export type ItemOutcome = { ok: true; result: object } | { ok: false; error: unknown; orderRef?: string };

/** A store call that writes all its inputs or none, as inOneBatch's `run`: every input it returns a result for is written. */
export const allWritten =
	<T>(run: (inputs: T[]) => Promise<object[]>) =>
	async (inputs: T[]): Promise<ItemOutcome[]> =>
		(await run(inputs)).map((result) => ({ ok: true as const, result }));

/**
 * Reads every item first, then makes ONE store call (one transaction) for all the valid ones; the store
 * returns results in input order. With "continue on fail" a bad item becomes an error item and the others
 * still go through; without it the run stops before anything is written. A store call that settles each
 * input on its own (a refused input becomes an error item while the others are written) returns its outcomes;
 * one that writes all or nothing is wrapped in allWritten. Without continue on fail the run stops on the first
 * refused input, saying how many of the others were written.
 */
export async function inOneBatch<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	oms: StoreHandle,
	parse: (itemIndex: number) => T,
	run: (inputs: T[]) => Promise<ItemOutcome[]>,
): Promise<INodeExecutionData[]> {
	const out: Array<INodeExecutionData | undefined> = new Array(items.length);
	const inputs: T[] = [];
	const indexes: number[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			inputs.push(parse(i));
			indexes.push(i);
		} catch (error) {
			if (!ctx.continueOnFail()) throw storeNodeError(ctx, error, oms, i);
			out[i] = paired(errorJson(error, oms), i);
		}
	}
	if (inputs.length === 0) return out.filter((item): item is INodeExecutionData => item !== undefined);
	let outcomes: ItemOutcome[];
	try {
		outcomes = await run(inputs);
	} catch (error) {
		// The store refused the call as a whole: no item of it was written.
		if (!ctx.continueOnFail()) throw storeNodeError(ctx, error, oms);
		outcomes = inputs.map(() => ({ ok: false, error }));
	}
	const written = outcomes.filter((o) => o.ok).length;
	outcomes.forEach((outcome, k) => {
		const i = indexes[k];
		if (outcome.ok) {
			out[i] = paired(asJson(outcome.result), i);
			return;
		}
		if (!ctx.continueOnFail()) throw refusedItemError(ctx, outcome, oms, i, written);
		const json = errorJson(outcome.error, oms);
		if (outcome.orderRef !== undefined) (json.error as IDataObject).orderRef ??= outcome.orderRef;
		out[i] = paired(json, i);
	});
	return out.filter((item): item is INodeExecutionData => item !== undefined);
}

function refusedItemError(
	ctx: IExecuteFunctions,
	outcome: { error: unknown; orderRef?: string },
	oms: StoreHandle,
	itemIndex: number,
	written: number,
): NodeOperationError {
	// A validation error names its order already.
	const ref = outcome.orderRef !== undefined && !(outcome.error instanceof OrderValidationError) ? `Order ${outcome.orderRef}: ` : '';
	const description =
		written === 0
			? 'Nothing from this run was written to the store.'
			: `The other ${written} item(s) of this run were written; running them again changes nothing. Set the node to continue on error to get the refused item as an error item instead.`;
	return new NodeOperationError(ctx.getNode(), `${ref}${oms.safeMessage(outcome.error)}`, { itemIndex, description });
}
