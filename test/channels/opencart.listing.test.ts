import { createHttpChannelAdapter } from '../../core/channels/http';
import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';
import { forgetSessions } from '../../core/channels/http/session';
import type { AdapterContext } from '../../core/channels/types';
import { createFetchTransport } from '../../core/http/transport';
import { OpenCartSimulator } from '../simulators/opencart';
import { describeListingConformance } from './conformance/listing-conformance';

/**
 * The listing conformance suite over the OpenCart definition (login session, CartRover listing): as
 * installed (dates in UTC) and in a store whose Time Zone is America/Sao_Paulo (the definition at -03:00).
 */
let sim: OpenCartSimulator;
const STORES = [
	{ name: 'time zone UTC (as installed)', offsetMinutes: 0, timeZoneOffset: '+00:00' },
	{ name: 'time zone America/Sao_Paulo', offsetMinutes: -180, timeZoneOffset: '-03:00' },
];

describe.each(STORES)('OpenCart (configurable HTTP channel), $name', ({ offsetMinutes, timeZoneOffset }) => {
	const context = (retry: AdapterContext['retry'], refused?: boolean): AdapterContext => ({
		transport: createFetchTransport({}, 5000),
		baseUrl: sim.baseUrl,
		account: 'loja-opencart',
		retry,
		options: {
			definition: JSON.stringify({ ...OPENCART_DEFINITION, timeZoneOffset }),
			loginUsername: 'Default',
			loginSecret: refused ? 'chave-revogada' : 'chave-api-256',
		},
	});
	describeListingConformance({
		channel: 'http',
		start: async () => {
			forgetSessions();
			sim = new OpenCartSimulator(offsetMinutes);
			await sim.start();
		},
		stop: () => sim.stop(),
		adapter: (retry, refused) => createHttpChannelAdapter(context(retry, refused)),
		put: (n, at) => {
			sim.put({ id: 100 + n, updatedAt: at.toISOString() });
			return String(100 + n);
		},
		// One path for every route (/index.php?route=…): a fault may land on the login, which is retried like a read.
		fault: (fault, path) => sim.injectFault(fault, path),
		listPath: /\/index\.php$/,
	});
});
