import { OrderValidationError } from '../../model/validate';
import { decimalToCents } from './money';

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a channel's raw JSON for a normaliser. Every failure is an OrderValidationError naming the order and
 * the full field path in the channel's own terms ("OrderItems[1].ItemPrice.Amount"), so a broken payload can
 * be found in the channel's data. The key read is the path's last segment.
 */
export class RawReader {
	constructor(readonly orderRef: string) {}

	fail(path: string, reason: string): never {
		throw new OrderValidationError(this.orderRef, path, reason);
	}

	private get(obj: JsonObject, path: string): unknown {
		const v = obj[path.slice(path.lastIndexOf('.') + 1)];
		return v === null ? undefined : v;
	}

	optObject(obj: JsonObject, path: string): JsonObject | undefined {
		const v = this.get(obj, path);
		if (v === undefined) return undefined;
		if (!isJsonObject(v)) this.fail(path, 'must be an object');
		return v;
	}

	object(obj: JsonObject, path: string): JsonObject {
		return this.optObject(obj, path) ?? this.fail(path, 'is required');
	}

	optArray(obj: JsonObject, path: string): unknown[] | undefined {
		const v = this.get(obj, path);
		if (v === undefined) return undefined;
		if (!Array.isArray(v)) this.fail(path, 'must be an array');
		return v;
	}

	array(obj: JsonObject, path: string): unknown[] {
		return this.optArray(obj, path) ?? this.fail(path, 'is required');
	}

	/** Array elements that must be objects, with their paths. */
	objects(list: unknown[], path: string): Array<{ item: JsonObject; path: string }> {
		return list.map((item, i) => {
			if (!isJsonObject(item)) this.fail(`${path}[${i}]`, 'must be an object');
			return { item, path: `${path}[${i}]` };
		});
	}

	/** Blank strings count as absent: channels send "" for unknown optional values. */
	optString(obj: JsonObject, path: string): string | undefined {
		const v = this.get(obj, path);
		if (v === undefined) return undefined;
		if (typeof v === 'number' && Number.isFinite(v)) return String(v);
		if (typeof v !== 'string') this.fail(path, `must be a string, got ${typeof v}`);
		return v.trim() === '' ? undefined : v;
	}

	string(obj: JsonObject, path: string): string {
		return this.optString(obj, path) ?? this.fail(path, 'is required');
	}

	date(obj: JsonObject, path: string): string {
		const v = this.string(obj, path);
		if (Number.isNaN(Date.parse(v))) this.fail(path, `is not a valid date: "${v}"`);
		return v;
	}

	/**
	 * An integer, also when sent as a numeric string ("2", "2.0000": real stores send quantities so). A blank
	 * string is absent; a fraction or a value beyond 2^53 is an error.
	 */
	optInteger(obj: JsonObject, path: string, min = 0): number | undefined {
		const raw = this.get(obj, path);
		if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
		const v = typeof raw === 'string' && /^\s*[+-]?\d+(\.0*)?\s*$/.test(raw) ? Number(raw.trim().replace(/\.0*$/, '')) : raw;
		if (typeof v !== 'number' || !Number.isSafeInteger(v)) this.fail(path, `must be an integer, got ${JSON.stringify(raw)}`);
		if (v < min) this.fail(path, `must be >= ${min}, got ${v}`);
		return v;
	}

	integer(obj: JsonObject, path: string, min = 0): number {
		return this.optInteger(obj, path, min) ?? this.fail(path, 'is required');
	}

	/** A decimal amount ("25.99" or 25.99) as integer cents, exactly; a blank string is absent, as in optInteger. */
	optDecimalCents(obj: JsonObject, path: string): number | undefined {
		const v = this.get(obj, path);
		if (v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
		const cents = decimalToCents(v);
		if (cents === undefined) this.fail(path, `is not an exact decimal amount: ${JSON.stringify(v)}`);
		return cents;
	}
}
