import { createAmazonAdapter, LWA_TOKEN_PATH, LwaTokenProvider, withLwaAuth } from '../../../../core/channels/amazon';
import { createAmazonWriter } from '../../../../core/channels/amazon/writer';
import type { RetryPolicy } from '../../../../core/http/retry';
import { createFetchTransport } from '../../../../core/http/transport';
import { AmazonSpApiSimulator, amazonOrder, amazonTime } from '../../../simulators/amazon';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';

const lwa = { clientId: 'amzn1.application-oa2-client.sim', clientSecret: 'sim-client-secret', refreshToken: 'Atzr|sim-refresh' };
const SELLER = 'A3SELLER';
const BR = 'A2Q3Y263D00KWC';
let sim: AmazonSpApiSimulator;
/** Refused: no LWA access token at all, which SP-API answers 403. */
const transport = (retry: RetryPolicy, refused?: boolean) => {
	const plain = createFetchTransport({}, 5000);
	return refused ? plain : withLwaAuth(plain, new LwaTokenProvider(lwa, plain, { tokenUrl: sim.baseUrl + LWA_TOKEN_PATH, retry }));
};

export const amazonWriterDriver: WriterDriver = {
	channel: 'amazon',
	start: async () => {
		sim = new AmazonSpApiSimulator(lwa);
		await sim.start();
		sim.listing(SELLER, 'SKU-1').listing(SELLER, 'SKU-2');
	},
	stop: () => sim.stop(),
	writer: (retry, refused) =>
		createAmazonWriter({ transport: transport(retry, refused), baseUrl: sim.baseUrl, account: SELLER, retry, options: { marketplaceIds: BR } }),
	skus: ['SKU-1', 'SKU-2'],
	stockOf: (sku) => sim.quantityOf(SELLER, sku),
	refusedUpdate: { sku: 'NOT-LISTED', quantity: 3, listing: { listingId: 'NOT-LISTED' } },
	fault: (fault, path) => sim.injectFault(fault, path),
	stockPath: /\/listings\//,
	identityListings: true,
	authStatus: 403,
};

export const amazonListingDriver: ListingDriver = {
	channel: 'amazon',
	start: amazonWriterDriver.start,
	stop: () => sim.stop(),
	adapter: (retry, refused) =>
		createAmazonAdapter({ transport: transport(retry, refused), baseUrl: sim.baseUrl, account: SELLER, retry, options: { marketplaceIds: BR } }),
	put: (n, at) => {
		const id = `702-${String(n).padStart(7, '0')}-5550000`;
		sim.put(amazonOrder({ id, lastUpdate: amazonTime(at.getTime()), purchaseDate: amazonTime(at.getTime()) }));
		return id;
	},
	fault: (fault, path) => sim.injectFault(fault, path),
	listPath: /\/orders\/2026-01-01\/orders$/,
	authStatus: 403,
	// Amazon lists only windows ending 2½ minutes in the past.
	t0: Math.floor(Date.now() / 60_000) * 60_000 - 12 * 3600_000,
};
