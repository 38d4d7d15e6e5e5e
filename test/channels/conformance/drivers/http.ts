import { createHttpChannelAdapter } from '../../../../core/channels/http';
import { createHttpChannelWriter } from '../../../../core/channels/http/writer';
import type { PagingStyle } from '../../../../core/channels/http/definition';
import type { AdapterContext } from '../../../../core/channels/types';
import { createFetchTransport } from '../../../../core/http/transport';
import { HttpChannelSimulator, httpOrder, simDefinition } from '../../../simulators/httpchan';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const ID_OF: Record<string, number> = { MOUSE: 881, TECLADO: 882 };

/** The writer and listing drivers of the configurable channel over its simulator in one paging style. */
export function httpChannelDrivers(style: PagingStyle): { writer: WriterDriver; listing: ListingDriver } {
	let sim: HttpChannelSimulator;
	/** What the n8n credential does: the configured header (another key when refused). */
	const context = (retry: AdapterContext['retry'], refused?: boolean): AdapterContext => ({
		transport: createFetchTransport({ 'x-api-key': refused ? 'revoked' : 'sim-key' }, 5000),
		baseUrl: sim.baseUrl,
		account: 'minhaloja',
		retry,
		options: { definition: JSON.stringify(simDefinition(style)) },
	});
	const start = async () => {
		sim = new HttpChannelSimulator(style);
		await sim.start();
		sim.putProduct(ID_OF.MOUSE, 'MOUSE', 9).putProduct(ID_OF.TECLADO, 'TECLADO', 2);
	};
	const writer: WriterDriver = {
		channel: 'http',
		start,
		stop: () => sim.stop(),
		writer: (retry, refused) => createHttpChannelWriter(context(retry, refused)),
		skus: ['MOUSE', 'TECLADO'],
		stockOf: (sku) => sim.products.get(ID_OF[sku])?.quantity,
		refusedUpdate: { sku: 'GONE', quantity: 1, listing: { listingId: '999' } },
		fault: (fault, path) => sim.injectFault(fault, path),
		stockPath: /\/products\/\d+\/stock$/,
	};
	const listing: ListingDriver = {
		channel: 'http',
		start,
		stop: () => sim.stop(),
		adapter: (retry, refused) => createHttpChannelAdapter(context(retry, refused)),
		put: (n, at) => {
			sim.put(httpOrder({ id: 100 + n, updatedAt: at.toISOString() }));
			return String(100 + n);
		},
		fault: (fault, path) => sim.injectFault(fault, path),
		listPath: /\/api\/v1\/orders$/,
	};
	return { writer, listing };
}

// The registry's drivers use offset paging (the style with the most to check: the list moves under it).
const offset = httpChannelDrivers('offset');
export const httpWriterDriver = offset.writer;
export const httpListingDriver = offset.listing;
