import { CHANNEL_IDS } from '../../../core/channels/registry';
import { LISTING_DRIVERS } from './drivers';
import { describeListingConformance } from './listing-conformance';

for (const id of CHANNEL_IDS) describeListingConformance(LISTING_DRIVERS[id]);
