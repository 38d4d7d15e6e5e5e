import type { SimRequest, SimResponse } from './http-sim';
import { readForm } from './multipart';
import { json } from './sim-paging';

/**
 * v2.order.upload_invoice_doc as its API document describes it (congminh1254/shopee-sdk@cb231e9:
 * schemas/v2.order.upload_invoice_doc.json): multipart order_sn (required), file_type (required int: 1 pdf,
 * 2 jpeg, 3 png, 4 xml), file (required, ≤ 1MB); the answer {request_id, error, message}. The refusals use the
 * document's own error names and texts. [?] Chosen here: the texts naming each field (the document has
 * "Wrong parameters, detail: {msg}." and the example "field file_type type error."), the XML read like Shopee's
 * invoice_data (chNFe, nNF, serie; status valid; other file types are kept as nothing), and a second upload replacing the first.
 */
const envelope = (error: string, message: string) => json(200, { request_id: 'sim', error, message });
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

export function uploadInvoiceDoc(req: SimRequest, orders: Map<string, Record<string, unknown>>): SimResponse {
	const form = readForm(req);
	if (!form) return envelope('error_param', 'Wrong parameters, detail: multipart/form-data expected.');
	const { order_sn: sn, file_type: fileType } = form.fields;
	if (!sn) return envelope('error_param', 'Wrong parameters, detail: field order_sn is required.');
	if (fileType === undefined) return envelope('error_param', 'Wrong parameters, detail: field file_type is required.');
	if (!/^[1-4]$/.test(fileType)) return envelope('error_param', 'Wrong parameters, detail: field file_type type error.');
	const file = form.files.file;
	if (!file || file.content === '') return envelope('error_param', 'Wrong parameters, detail: field file is required.');
	if (Buffer.byteLength(file.content, 'utf8') > 1024 * 1024) return envelope('order.upload_invoice_error', 'File error.');
	const order = orders.get(sn);
	if (!order) return envelope('error_param', 'The information you queried is not found.');
	if (fileType === '4') {
		const key = tag(file.content, 'chNFe');
		if (!key || !/^\d{44}$/.test(key)) return envelope('order.upload_invoice_error', 'File error.');
		order.invoice_data = { number: tag(file.content, 'nNF') ?? '', series_number: tag(file.content, 'serie') ?? '', access_key: key, status: 'valid', pending_reason: '' };
	}
	return envelope('', '');
}
