import { ChannelHttpError } from '../../http/retry';
import type { HttpRequest } from '../../http/transport';
import { expectObject, joinUrl, multipartForm, send } from '../common/http';
import { listingsBySku, pushed, rejected, sendWrite, stockInBatches } from '../common/writer';
import type { AdapterContext, ChannelWriter, StockPushResult, StockUpdate } from '../types';

/** STO01 imports run asynchronously: STO02 is read until COMPLETE or FAILED, this often and this many times. */
const IMPORT_POLL_MS = 2000;
const IMPORT_POLLS = 30;
const STOCK_BATCH = 500;

/**
 * Mirakl write-back (seller OpenAPI, see api.ts):
 * - stock: STO01 POST /api/offers/stock/imports, a CSV file `"offer-sku";"quantity"` (the global quantity; no
 *   warehouse-code) — the offer SKU is the seller's SKU, so every SKU resolves without a call. The import runs
 *   asynchronously: STO02 is read until COMPLETE, and the offers of STO03's error report are refused. An
 *   import still running after IMPORT_POLLS reads is reported as not pushed (the next push sends it again);
 * - shipment: OR23 PUT /api/orders/{id}/tracking {carrier_name, carrier_url, tracking_number} (carrier_code
 *   only when it is one of the operator's codes [?]: not sent), then OR24 PUT /api/orders/{id}/ship;
 * - cancel: OR29 PUT /api/orders/{id}/cancel (the whole order; no reason field).
 * Not supported: the NF-e. OR74 attaches documents, but its accepted file types (csv, pdf, txt, images...)
 * leave out XML, and the document type codes are set by each operator [?]: not built.
 * [?] The error report's columns (the file's own header is read: "offer-sku" and an error column).
 */
export function createMiraklWriter(ctx: AdapterContext): ChannelWriter {
	const url = (path: string) => joinUrl(ctx.baseUrl, path);
	const pollMs = Number(ctx.options?.importPollMs ?? IMPORT_POLL_MS);
	const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

	async function get(path: string): Promise<HttpRequest & { res: Awaited<ReturnType<typeof send>> }> {
		const req: HttpRequest = { method: 'GET', url: url(path) };
		return { ...req, res: await send(ctx, req) };
	}

	/** The offer SKUs of STO03's CSV error report, with their messages. */
	function errorsOf(csv: string): Map<string, string> {
		const rows = csv
			.split(/\r?\n/)
			.filter((l) => l.trim() !== '')
			.map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
		const header = rows.shift() ?? [];
		const sku = header.indexOf('offer-sku');
		const message = header.findIndex((h) => /error/i.test(h));
		return new Map(rows.map((r) => [r[sku] ?? '', r[message] ?? 'refused by the stock import']));
	}

	async function pushBatch(updates: StockUpdate[]): Promise<StockPushResult[]> {
		const csv = ['"offer-sku";"quantity"', ...updates.map((u) => `"${u.listing.listingId.replace(/"/g, '""')}";"${u.quantity}"`)].join('\n');
		const importUrl = url('/api/offers/stock/imports');
		// Absolute quantities: a file sent again after a 5xx sets the same stock.
		const created = expectObject(
			await sendWrite(ctx, 'POST', importUrl, { ...multipartForm({}, { file: { filename: 'stock.csv', content: csv, type: 'text/csv' } }), idempotent: true }),
			{ method: 'POST', url: importUrl },
		);
		const id = encodeURIComponent(String(created.import_id));
		for (let i = 0; i < IMPORT_POLLS; i++) {
			const read = await get(`/api/offers/stock/imports/${id}/status`);
			const status = expectObject(read.res, read);
			if (status.status === 'FAILED') throw new ChannelHttpError(undefined, read, `Mirakl stock import ${String(created.import_id)} FAILED`, status);
			if (status.status === 'COMPLETE') {
				const errors =
					status.has_error_report === true
						? errorsOf(String((await get(`/api/offers/stock/imports/${id}/error_report`)).res.body ?? ''))
						: new Map<string, string>();
				return updates.map((u) =>
					errors.has(u.listing.listingId)
						? rejected(u.sku, { message: `Mirakl refused offer ${u.listing.listingId}: ${errors.get(u.listing.listingId)}` })
						: pushed(u.sku),
				);
			}
			await sleep(pollMs);
		}
		const message = `Mirakl stock import ${String(created.import_id)} still running; sent again at the next push`;
		return updates.map((u) => rejected(u.sku, { message }));
	}

	return {
		id: 'mirakl',
		...stockInBatches(STOCK_BATCH, listingsBySku, pushBatch),

		async pushShipment(input) {
			const order = (path: string) => url(`/api/orders/${encodeURIComponent(input.channelOrderId)}/${path}`);
			await sendWrite(ctx, 'PUT', order('tracking'), {
				body: { carrier_name: input.carrier, carrier_url: input.trackingUrl, tracking_number: input.trackingCode },
				idempotent: true,
			});
			await sendWrite(ctx, 'PUT', order('ship'));
		},

		cancelOrder: (input) => sendWrite(ctx, 'PUT', url(`/api/orders/${encodeURIComponent(input.channelOrderId)}/cancel`)).then(() => undefined),
	};
}
