import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** Parameter readers whose errors name the parameter and the item, in words a non-developer can act on. */

const invalid = (ctx: IExecuteFunctions, message: string, itemIndex: number) =>
	new NodeOperationError(ctx.getNode(), message, { itemIndex });

export function text(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
}

/** An optional text parameter: empty means "not set". */
export function optionalText(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	return text(ctx, name, itemIndex) || undefined;
}

export function requiredText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = text(ctx, name, itemIndex);
	if (!value) throw invalid(ctx, `${label} is empty`, itemIndex);
	return value;
}

/**
 * Quantities are whole numbers; an expression may hand over "5" as text, which is accepted. With bounds
 * the value is also checked here, so one out-of-range item is an error item and not a failed batch.
 */
export function integer(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number, bounds?: { min: number; max: number }): number {
	const raw = ctx.getNodeParameter(name, itemIndex);
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw invalid(ctx, `${label} must be a whole number, got ${JSON.stringify(raw)}`, itemIndex);
	}
	if (bounds && (value < bounds.min || value > bounds.max)) {
		throw invalid(ctx, `${label} must be between ${bounds.min} and ${bounds.max}, got ${String(value)}`, itemIndex);
	}
	return value;
}

/** "A, B,,C " → ["A", "B", "C"]. */
export function commaList(value: string): string[] {
	return value
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}
