import type {
	ChannelId,
	ChannelWriter,
	DeliveryInput,
	InvoiceInput,
	ListingAnswer,
	ListingRef,
	ShipmentInput,
	CancelInput,
	StockPushResult,
	StockUpdate,
} from '../../core/channels/types';
import { ChannelHttpError } from '../../core/http/retry';

/**
 * A channel writer in memory: a catalogue of listed SKUs, the quantities it was sent, and knobs to make a
 * SKU's push fail (per SKU, as a bulk endpoint reports it) or the whole look-up fail.
 */
export class FakeWriter implements ChannelWriter {
	readonly resolveCalls: string[][] = [];
	readonly pushCalls: StockUpdate[][] = [];
	readonly quantities = new Map<string, number>();
	/** SKU → HTTP code its push is refused with. */
	readonly failing = new Map<string, number>();
	failResolveWith?: number;
	/** SKU → a write the channel applies but whose answer never arrives (the request times out). */
	readonly lostAnswers = new Set<string>();
	/** Every value the channel applied, in the order it applied them. */
	readonly writes: Array<[sku: string, quantity: number]> = [];
	/** Awaited before a push request reaches the channel: a test holds a slow request here. */
	hold?: (updates: StockUpdate[], call: number) => Promise<void>;
	readonly invoices: InvoiceInput[] = [];
	readonly shipments: ShipmentInput[] = [];
	readonly cancellations: CancelInput[] = [];
	readonly deliveries: DeliveryInput[] = [];
	pushInvoice?: (input: InvoiceInput) => Promise<void> = async (input) => void this.invoices.push(input);
	pushShipment?: (input: ShipmentInput) => Promise<void> = async (input) => void this.shipments.push(input);
	cancelOrder?: (input: CancelInput) => Promise<void> = async (input) => void this.cancellations.push(input);
	confirmDelivery?: (input: DeliveryInput) => Promise<void> = async (input) => void this.deliveries.push(input);
	/** Set by a test for a channel whose catalog shows barcodes. */
	resolveListingsByGtin?: (gtins: string[]) => Promise<Map<string, ListingRef>>;

	constructor(
		readonly listings: Map<string, ListingAnswer> = new Map(),
		readonly stockBatchSize = 50,
		readonly id: ChannelId = 'shopify',
	) {}

	static listing(...skus: string[]): Map<string, ListingRef> {
		return new Map(skus.map((sku, i) => [sku, { listingId: `L-${sku}`, inventoryItemId: `gid://shopify/InventoryItem/${100 + i}` }]));
	}

	async resolveListings(skus: string[]): Promise<Map<string, ListingAnswer>> {
		this.resolveCalls.push([...skus]);
		if (this.failResolveWith) throw new ChannelHttpError(this.failResolveWith, { method: 'GET', url: 'https://fake.test/products' }, `HTTP ${this.failResolveWith} from GET /products`);
		return new Map(skus.filter((s) => this.listings.has(s)).map((s) => [s, this.listings.get(s)!]));
	}

	async pushStock(updates: StockUpdate[]): Promise<StockPushResult[]> {
		this.pushCalls.push(updates);
		await this.hold?.(updates, this.pushCalls.length);
		const results = updates.map((u) => {
			const code = this.failing.get(u.sku);
			if (code) return { sku: u.sku, ok: false, error: { message: `HTTP ${code} from POST /inventory`, httpCode: code } };
			this.quantities.set(u.sku, u.quantity);
			this.writes.push([u.sku, u.quantity]);
			return { sku: u.sku, ok: true };
		});
		// Applied, but the answer is lost: what the HTTP layer reports after its last attempt timed out.
		if (updates.some((u) => this.lostAnswers.has(u.sku)))
			throw new ChannelHttpError(undefined, { method: 'POST', url: 'https://fake.test/inventory' }, 'Request timed out: POST /inventory');
		return results;
	}

	pushedSkus(): string[] {
		return this.pushCalls.flat().map((u) => u.sku);
	}
}
