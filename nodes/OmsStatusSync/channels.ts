import { CHANNEL_IDS } from '../../core/channels/registry';
import { channelFields as fieldsOf, channelProperty as propertyOf } from '../shared/channels';

/** Every registered channel writes back: the picker and each channel's own fields (Amazon Seller ID…). */
export const channelProperty = propertyOf(CHANNEL_IDS, 'mercadolivre');
export const channelFields = fieldsOf(CHANNEL_IDS);
