import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';
import { CHANNELS, writerFactory } from '../../../core/channels/registry';
import type { ChannelId, WriterFactory } from '../../../core/channels/types';
import { openChannelContext } from '../../shared/channels';

/**
 * The Location / Warehouse pickers of Push Stock: the stock locations of the node's channel (Shopify and
 * Nuvemshop locations, VTEX warehouses), read with the node's channel credential. `filter` is the text typed
 * in the picker, matched against names and ids; a location the channel reports inactive says so.
 */
export function searchLocationsWith(factory: (channel: ChannelId) => WriterFactory = writerFactory) {
	return async function searchLocations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const channel = this.getNodeParameter('channel') as ChannelId;
		const { context } = await openChannelContext(this, channel, { parameter: (name) => this.getNodeParameter(name) });
		const writer = factory(channel)(context);
		if (!writer.listLocations) throw new NodeOperationError(this.getNode(), `${CHANNELS[channel].label} has no list of stock locations: type the ID`);
		const wanted = filter?.trim().toLowerCase();
		const results = (await writer.listLocations())
			.filter((l) => !wanted || l.name.toLowerCase().includes(wanted) || l.id.toLowerCase().includes(wanted))
			.map((l) => ({ name: l.active === false ? `${l.name} (inactive)` : l.name, value: l.id }));
		return { results };
	};
}

export const listSearch = { searchLocations: searchLocationsWith() };
