import { describeListingConformance } from './conformance/listing-conformance';
import { httpChannelDrivers } from './conformance/drivers/http';

// The registry's suites run the offset style (conformance/drivers/index.ts); the other styles here.
for (const style of ['page', 'cursor', 'link'] as const) {
	describe(`configurable HTTP channel, ${style} paging`, () => describeListingConformance(httpChannelDrivers(style).listing));
}
