#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { ChannelDefinitionError, parseChannelDefinition } from './core/channels/http';
import { parsePath, valueAt } from './core/channels/http/paths';
import { adapterFactory, CHANNEL_IDS, isChannelId } from './core/channels/registry';
import { ordersInResponse } from './core/channels/responses';
import { TransportError, type HttpTransport } from './core/http/transport';
import type { CanonicalOrder } from './core/model/order';
import { OrderValidationError } from './core/model/validate';

/**
 * node dist/cli.js normalize --channel <id> [--account <account>] [--currency <code>] [--definition <file>] < response.json
 * Prints the canonical order(s) of a channel API response: one order, or a list (printed as a list; the
 * malformed ones are reported on stderr). Exit codes: 0 done, 1 bad input, 2 bad usage.
 */

export interface CliIo {
	readStdin(): Promise<string>;
	out(text: string): void;
	err(text: string): void;
}

const USAGE = `Usage: node dist/cli.js normalize --channel <id> [--account <account>] [--currency <code>] [--definition <file>] < response.json
  Reads a channel API response on stdin (JSON, as the API returns it: one order, {"order": ...},
  {"results": [...]}, a list...) and prints the canonical order, or a list of them for a list.
  --account  the seller account on the channel (Shopify: the shop domain); Mercado Livre defaults to seller.id
  --currency the account's currency, for an order that names none (flagged currency_from_account; default BRL)
  --definition  channel http: the channel definition (JSON file); a list response is read at its list.itemsPath
  channels:  ${CHANNEL_IDS.join(', ')}`;

/** The configurable channel's definition file, as the adapter takes it, and the orders of a list response at its itemsPath. */
function httpDefinition(file: string | undefined, raw: unknown): { options: Record<string, string>; list?: unknown[] } {
	if (!file) throw new ChannelDefinitionError('(definition)', 'is required for channel http: pass --definition <file>');
	const text = readFileSync(file, 'utf8');
	const itemsPath = parseChannelDefinition(text).list.itemsPath;
	const listed = itemsPath ? valueAt(raw, parsePath(itemsPath)) : undefined;
	return { options: { definition: text }, list: Array.isArray(listed) ? listed : undefined };
}

/** normalize() never calls the channel; a transport that refuses proves it. */
const offline: HttpTransport = async (req) => {
	throw new TransportError(`The CLI works offline (attempted ${req.method} ${req.url})`, 'network');
};

function flag(args: string[], name: string): string | undefined {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
}

export async function main(args: string[], io: CliIo): Promise<number> {
	const channel = flag(args, 'channel');
	if (args[0] !== 'normalize' || !channel) {
		io.err(USAGE);
		return 2;
	}
	let factory;
	try {
		factory = adapterFactory(channel);
	} catch (error) {
		io.err((error as Error).message);
		return 2;
	}
	const text = await io.readStdin();
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		io.err(`stdin is not valid JSON: ${(error as Error).message}`);
		return 1;
	}
	const currency = flag(args, 'currency');
	let http: ReturnType<typeof httpDefinition> | undefined;
	try {
		if (channel === 'http') http = httpDefinition(flag(args, 'definition'), raw);
	} catch (error) {
		io.err((error as Error).message);
		return 2;
	}
	const adapter = factory({
		transport: offline,
		baseUrl: '',
		account: flag(args, 'account') ?? '',
		options: { ...(currency ? { currency } : {}), ...http?.options },
	});
	const { orders, list } = http?.list
		? { orders: http.list, list: true }
		: isChannelId(channel)
			? ordersInResponse(channel, raw)
			: { orders: [raw], list: false };
	const done: CanonicalOrder[] = [];
	const failed: OrderValidationError[] = [];
	for (const order of orders) {
		try {
			done.push(adapter.normalize(order));
		} catch (error) {
			if (!(error instanceof OrderValidationError)) throw error;
			failed.push(error);
		}
	}
	if (failed.some((e) => e.field === 'account') && !flag(args, 'account')) {
		// Most channels' raw orders do not name the seller account: it comes from the credential.
		io.err(`A ${channel} order does not name the seller account: pass --account <account>.\n${USAGE}`);
		return 2;
	}
	if (list || done.length > 0) io.out(JSON.stringify(list ? done : done[0], null, 2));
	for (const error of failed) io.err(`Malformed ${channel} order: ${error.message}`);
	return failed.length > 0 ? 1 : 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
	main(process.argv.slice(2), {
		readStdin: () => readAll(process.stdin),
		out: (t) => process.stdout.write(`${t}\n`),
		err: (t) => process.stderr.write(`${t}\n`),
	}).then(
		(code) => (process.exitCode = code),
		(error: unknown) => {
			process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
			process.exitCode = 1;
		},
	);
}
