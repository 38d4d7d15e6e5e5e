import type { INodeProperties } from 'n8n-workflow';
import type { AdapterContext } from '../../../core/channels/types';

/** The node field of a channel that lists by creation only (see lookbackMs): how many days each poll reads back. */
export function daysReadBackProperty(name: string, channel: string, defaultDays: number, changes: string): INodeProperties {
	return {
		displayName: 'Days Read Back',
		name,
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 180 },
		default: defaultDays,
		description: `${channel} has no "changed since" filter: each poll reads again the orders placed this many days before it, to see their changes (${changes}). An order changing later than this after it was placed is not seen.`,
	};
}

/** The adapter option the field sets (absent when the field is an expression that did not give a number). */
export const lookbackOption = (value: unknown): AdapterContext['options'] => (typeof value === 'number' ? { lookbackDays: value } : {});
