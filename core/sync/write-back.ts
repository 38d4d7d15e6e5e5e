import type { CancelInput, ChannelWriter, DeliveryInput, InvoiceInput, ShipmentInput } from '../channels/types';
import { normalizeNfeKey, parseNfeKey } from './nfe-key';

/**
 * Invoice, shipment and cancellation write-back: inputs are checked here, before any channel request, so a
 * typo in an NF-e key is reported as such instead of as a channel's 400 (or, worse, accepted).
 */

export type WriteBackOperation = 'pushInvoice' | 'pushShipment' | 'cancelOrder' | 'confirmDelivery';

/** A bad input value; `field` is the input's property name. */
export class WriteBackInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'WriteBackInputError';
	}
}

export class UnsupportedOperationError extends Error {
	constructor(
		readonly channelLabel: string,
		readonly operation: WriteBackOperation,
	) {
		super(`${channelLabel} does not support ${OPERATION_WORDS[operation]} through its API`);
		this.name = 'UnsupportedOperationError';
	}
}

const OPERATION_WORDS: Record<WriteBackOperation, string> = {
	pushInvoice: 'sending invoices',
	pushShipment: 'sending shipment tracking',
	cancelOrder: 'cancelling orders',
	confirmDelivery: 'confirming deliveries',
};

type Raw = Record<string, unknown>;

const str = (raw: Raw, field: string): string => (raw[field] === undefined || raw[field] === null ? '' : String(raw[field]).trim());

function required(raw: Raw, field: string, label: string): string {
	const value = str(raw, field);
	if (!value) throw new WriteBackInputError(field, `${label} is empty`);
	return value;
}

function optional(raw: Raw, field: string): string | undefined {
	return str(raw, field) || undefined;
}

function date(raw: Raw, field: string, label: string, isRequired: boolean): string | undefined {
	const value = isRequired ? required(raw, field, label) : optional(raw, field);
	if (value !== undefined && Number.isNaN(Date.parse(value))) throw new WriteBackInputError(field, `${label} is not a date: "${value}"`);
	return value;
}

function httpUrl(raw: Raw, field: string, label: string): string | undefined {
	const value = optional(raw, field);
	if (value === undefined) return undefined;
	if (!/^https?:\/\/[^\s]+$/i.test(value)) throw new WriteBackInputError(field, `${label} must be an http(s) URL`);
	return value;
}

/** Digits only (leading zeros allowed), at most `maxDigits`: as number and series appear in the key. */
function digits(raw: Raw, field: string, label: string, maxDigits: number): string {
	const value = required(raw, field, label);
	if (!new RegExp(`^\\d{1,${maxDigits}}$`).test(value)) throw new WriteBackInputError(field, `${label} must be up to ${maxDigits} digits, got "${value}"`);
	return value;
}

export function validateInvoice(raw: Raw): InvoiceInput {
	const channelOrderId = required(raw, 'channelOrderId', 'Channel order ID');
	const nfeKey = normalizeNfeKey(required(raw, 'nfeKey', 'NF-e key'));
	const parts = parseNfeKey(nfeKey);
	if ('invalid' in parts) throw new WriteBackInputError('nfeKey', `NF-e key ${parts.invalid}`);
	const number = digits(raw, 'number', 'Invoice number', 9);
	const series = digits(raw, 'series', 'Invoice series', 3);
	// The key embeds number and series: a mismatch means the fields describe two different invoices.
	if (Number(number) !== parts.number) throw new WriteBackInputError('number', `Invoice number ${number} does not match the NF-e key (${parts.number})`);
	if (Number(series) !== parts.series) throw new WriteBackInputError('series', `Invoice series ${series} does not match the NF-e key (${parts.series})`);
	const issuedAt = date(raw, 'issuedAt', 'Issue date', true)!;
	const input: InvoiceInput = { channelOrderId, nfeKey, number, series, issuedAt };
	const xml = optional(raw, 'xml');
	if (xml !== undefined) input.xml = xml;
	const url = httpUrl(raw, 'url', 'Invoice URL');
	if (url !== undefined) input.url = url;
	const groupId = optional(raw, 'groupId');
	if (groupId !== undefined) input.groupId = groupId;
	if (raw.totalCents !== undefined && raw.totalCents !== null && raw.totalCents !== '') {
		const total = Number(raw.totalCents);
		if (!Number.isInteger(total) || total < 0) throw new WriteBackInputError('totalCents', `Invoice total must be whole cents ≥ 0, got ${JSON.stringify(raw.totalCents)}`);
		input.totalCents = total;
	}
	return input;
}

export function validateShipment(raw: Raw): ShipmentInput {
	const input: ShipmentInput = {
		channelOrderId: required(raw, 'channelOrderId', 'Channel order ID'),
		carrier: required(raw, 'carrier', 'Carrier'),
		trackingCode: required(raw, 'trackingCode', 'Tracking code'),
	};
	const trackingUrl = httpUrl(raw, 'trackingUrl', 'Tracking URL');
	if (trackingUrl !== undefined) input.trackingUrl = trackingUrl;
	const shippedAt = date(raw, 'shippedAt', 'Shipping date', false);
	if (shippedAt !== undefined) input.shippedAt = shippedAt;
	const groupId = optional(raw, 'groupId');
	if (groupId !== undefined) input.groupId = groupId;
	return input;
}

export function validateCancel(raw: Raw): CancelInput {
	const input: CancelInput = { channelOrderId: required(raw, 'channelOrderId', 'Channel order ID') };
	const reason = optional(raw, 'reason');
	if (reason !== undefined) input.reason = reason;
	return input;
}

export function validateDelivery(raw: Raw): DeliveryInput {
	const input: DeliveryInput = { channelOrderId: required(raw, 'channelOrderId', 'Channel order ID') };
	const deliveredAt = date(raw, 'deliveredAt', 'Delivery date', false);
	if (deliveredAt !== undefined) input.deliveredAt = deliveredAt;
	return input;
}

export type WriteBackInput = InvoiceInput | ShipmentInput | CancelInput | DeliveryInput;

const VALIDATORS: Record<WriteBackOperation, (raw: Raw) => WriteBackInput> = {
	pushInvoice: validateInvoice,
	pushShipment: validateShipment,
	cancelOrder: validateCancel,
	confirmDelivery: validateDelivery,
};

/**
 * Checks that the channel can do it at all (a writer without the method means its API cannot), validates,
 * then calls the writer. Returns the validated input, as sent.
 */
export async function writeBack(writer: ChannelWriter, channelLabel: string, operation: WriteBackOperation, raw: Raw): Promise<WriteBackInput> {
	const method = writer[operation] as ((input: WriteBackInput) => Promise<void>) | undefined;
	if (!method) throw new UnsupportedOperationError(channelLabel, operation);
	const input = VALIDATORS[operation](raw);
	await method.call(writer, input);
	return input;
}

/**
 * Write-back acts per group: the orders of one Mercado Livre pack (or one Magalu delivery) share a shipment,
 * which takes one NF-e and one tracking code. Within a run, the first order of a group is sent; the key
 * says which later ones to skip (undefined: the order has no group and is always sent).
 */
export function groupKey(operation: WriteBackOperation, raw: Raw): string | undefined {
	const group = str(raw, 'groupId');
	return group && operation !== 'cancelOrder' && operation !== 'confirmDelivery' ? `${operation}\u0000${group}` : undefined;
}
