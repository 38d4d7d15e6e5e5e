import { CHANNEL_IDS } from '../../../core/channels/registry';
import { WRITER_DRIVERS } from './drivers';
import { describeWriterConformance } from './writer-conformance';

for (const id of CHANNEL_IDS) describeWriterConformance(WRITER_DRIVERS[id]);
