import { createMagaluAdapter, MAGALU_DEFAULT_CHANNEL_ID } from '../../../../core/channels/magalu';
import { createMagaluWriter } from '../../../../core/channels/magalu/writer';
import { createFetchTransport } from '../../../../core/http/transport';
import { MagaluSimulator, magaluOrder } from '../../../simulators/magalu';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const auth = { accessToken: 'jwt-conformance', channelId: MAGALU_DEFAULT_CHANNEL_ID };
let sim: MagaluSimulator;

export const magaluWriterDriver: WriterDriver = {
	channel: 'magalu',
	start: async () => {
		sim = new MagaluSimulator(auth);
		await sim.start();
		sim.portfolio.set('livro_01', undefined).set('livro_02', undefined);
	},
	stop: () => sim.stop(),
	writer: (retry, refused) =>
		createMagaluWriter({
			transport: createFetchTransport({ authorization: `Bearer ${refused ? 'expired' : auth.accessToken}` }, 5000),
			baseUrl: sim.baseUrl,
			account: 'loja',
			retry,
		}),
	skus: ['livro_01', 'livro_02'],
	stockOf: (sku) => sim.portfolio.get(sku),
	refusedUpdate: { sku: 'not_in_portfolio', quantity: 1, listing: { listingId: 'not_in_portfolio' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /portfolios/,
	identityListings: true,
};

export const magaluListingDriver: ListingDriver = {
	channel: 'magalu',
	start: magaluWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) =>
		createMagaluAdapter({
			transport: createFetchTransport({ authorization: `Bearer ${refused ? 'expired' : auth.accessToken}` }, 5000),
			baseUrl: sim.baseUrl,
			account: 'loja',
			retry,
		}),
	put: (n, at) => {
		const id = `e3d0f7a2-0000-4000-8000-${String(n).padStart(12, '0')}`;
		sim.put(magaluOrder({ id, updatedAt: at.toISOString(), createdAt: at.toISOString() }));
		return id;
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/seller\/v1\/orders$/,
};
