import { contractErrors, loadContract } from '../contract/contracts';
import { HttpSimulator, type SimRequest, type SimResponse } from './http-sim';
import { intParam, json } from './sim-paging';

/**
 * VTEX Orders API after vtex/openapi-schemas "VTEX - Orders API.json": X-VTEX-API-AppKey/AppToken auth,
 * the Feed v3 queue (GET /api/orders/feed?maxlot ≤ 10; POST {handles} commits; 404 without a feed
 * configuration; read-but-uncommitted items reappear after the visibility timeout, with a new handle),
 * GET /api/oms/pvt/orders/{orderId} and the order list used for samples. Time is a settable clock so tests
 * can pass the visibility timeout without sleeping.
 *
 * Write side (after "VTEX - Logistics API.json" and the Orders API): the catalog's SKU-id-by-RefId lookup,
 * PATCH inventory quantity per SKU and warehouse (204), POST invoice (stored as a package; an Output invoice
 * makes the order `invoiced`), PATCH invoice tracking, POST cancel (refused once invoiced, as documented).
 * Each state change queues a feed event, as a FromWorkflow feed would. [?] The 400/404 bodies of the write
 * endpoints are not in the spec; they use the read side's `{error: {message}}` shape.
 * Every write is first checked against the stored contract (test/fixtures/contracts/vtex: the published
 * request schemas): what the schema refuses (a tracking body without trackingUrl, say) is a 400 here too.
 */

const VTEX_CONTRACTS = [loadContract('vtex/orders-api.json'), loadContract('vtex/logistics-api.json')];

/** A write the published request schema refuses: VTEX's 400, before any other check. */
function refusedByContract(req: SimRequest): SimResponse | undefined {
	const errors = contractErrors(VTEX_CONTRACTS, req);
	return errors.length ? json(400, { error: { code: '1', message: `Invalid request: ${errors.join('; ')}` } }) : undefined;
}

export type VtexOrder = Record<string, unknown>;

export interface VtexItemSpec {
	refId: string | null;
	quantity: number;
	/** Unit price in cents. */
	price: number;
	skuId?: string;
	productId?: string;
}

export interface VtexPackageSpec {
	type?: 'Output' | 'Input';
	invoiceNumber?: string;
	invoiceKey?: string;
	trackingNumber?: string;
	delivered?: boolean;
}

export interface VtexOrderSpec {
	orderId: string;
	status: string;
	lastChange: string;
	creationDate?: string;
	items?: VtexItemSpec[];
	shipping?: number;
	discounts?: number;
	packages?: VtexPackageSpec[];
}

/** Shaped like the GET /api/oms/pvt/orders/{orderId} example (trimmed to the order's substance). */
export function vtexOrder(spec: VtexOrderSpec): VtexOrder {
	const items = spec.items ?? [{ refId: 'BIGBML', quantity: 1, price: 990, skuId: '18', productId: '6' }];
	const itemsTotal = items.reduce((s, i) => s + i.price * i.quantity, 0);
	const shipping = spec.shipping ?? 300;
	const discounts = spec.discounts ?? 0;
	return {
		orderId: spec.orderId,
		sequence: '502556',
		marketplaceOrderId: '',
		origin: 'Marketplace',
		affiliateId: '',
		salesChannel: '1',
		merchantName: null,
		status: spec.status,
		workflowIsInError: false,
		statusDescription: spec.status,
		value: itemsTotal + shipping - discounts,
		creationDate: spec.creationDate ?? spec.lastChange,
		lastChange: spec.lastChange,
		orderGroup: spec.orderId.replace(/-\d+$/, ''),
		totals: [
			{ id: 'Items', name: 'Total dos Itens', value: itemsTotal },
			{ id: 'Discounts', name: 'Total dos Descontos', value: -discounts },
			{ id: 'Shipping', name: 'Total do Frete', value: shipping },
			{ id: 'Tax', name: 'Total da Taxa', value: 0 },
		],
		items: items.map((i, n) => ({
			uniqueId: `94913BB553334977BFD669A24E678C6${n}`, id: i.skuId ?? String(18 + n), productId: i.productId ?? String(6 + n), ean: '3256873',
			lockId: '00-1415461749731-01', quantity: i.quantity, seller: '1', name: `Bay Max ${i.refId ?? n}`, refId: i.refId,
			price: i.price, listPrice: i.price + 1000, manualPrice: null, priceTags: [], sellerSku: i.skuId ?? String(18 + n),
			measurementUnit: 'un', unitMultiplier: 1.0, sellingPrice: i.price, isGift: false,
		})),
		clientProfileData: {
			id: 'clientProfile_6930', email: 'rodrigo.smith@email.com', firstName: 'Rodrigo', lastName: 'Smith', documentType: 'cpf',
			document: '845.134.270-19', phone: '+5561992227222', corporateName: null, corporateDocument: null, isCorporate: false,
		},
		shippingData: {
			id: 'shippingData',
			address: {
				addressType: 'residential', receiverName: 'Rodrigo Smith', addressId: '3206601248910', postalCode: '22630-011', city: 'Rio de Janeiro',
				state: 'RJ', country: 'BRA', street: 'Avenida Lúcio Costa', number: '126', neighborhood: 'Barra da Tijuca', complement: '10', reference: 'apartment',
			},
			logisticsInfo: [{ itemIndex: 0, selectedSla: 'Normal', price: shipping, deliveryCompany: 'All CEPs', shippingEstimate: '4bd' }],
		},
		packageAttachment: {
			packages: (spec.packages ?? []).map((p) => ({
				items: [{ itemIndex: 0, quantity: 1, price: 0 }],
				courier: 'PAC Correios', invoiceNumber: p.invoiceNumber ?? '24382', invoiceValue: itemsTotal, invoiceUrl: null,
				issuanceDate: spec.lastChange, trackingNumber: p.trackingNumber ?? null, invoiceKey: p.invoiceKey ?? null,
				trackingUrl: p.trackingNumber ? `https://tracking.example.com/${p.trackingNumber}` : null, type: p.type ?? 'Output',
				courierStatus: p.delivered ? { status: 'ok', finished: true, deliveredDate: spec.lastChange, data: [] } : null,
			})),
		},
		storePreferencesData: { countryCode: 'BRA', currencyCode: 'BRL', currencySymbol: 'R$', timeZone: 'E. South America Standard Time' },
	};
}

interface FeedEvent {
	eventId: string;
	orderId: string;
	state: string;
	lastState: string;
	lastChange: string;
	currentChange: string;
	visibleAt: number;
	handle?: string;
}

export interface VtexSimOptions {
	appKey: string;
	appToken: string;
	visibilityTimeoutSeconds?: number;
}

export class VtexSimulator extends HttpSimulator {
	readonly orders = new Map<string, VtexOrder>();
	readonly feed: FeedEvent[] = [];
	feedConfigured = true;
	/** Catalog: seller RefId → VTEX skuId. */
	readonly catalog = new Map<string, string>();
	/** EAN → skuId ("Get SKU by EAN"); the SKU's RefId is its catalog key. */
	readonly eans = new Map<string, string>();
	readonly warehouses = new Set<string>(['1_1']);
	/** Names of the warehouses (the picker's list); a warehouse without one is listed by id only. */
	readonly warehouseNames = new Map<string, string>([['1_1', 'Estoque principal']]);
	/** Stock per "skuId@warehouseId". */
	readonly inventory = new Map<string, { quantity: number; unlimitedQuantity: boolean }>();
	/** The simulator's clock (ms). */
	now = Date.parse('2024-05-01T12:00:00Z');
	private seq = 0;

	constructor(private readonly opts: VtexSimOptions) {
		super();
		this.route('GET', '/api/orders/feed', (req) => this.guard(req, () => this.readFeed(req)));
		this.route('POST', '/api/orders/feed', (req) => this.guard(req, () => this.commit(req)));
		this.route('GET', '/api/oms/pvt/orders', (req) => this.guard(req, () => this.listOrders(req)));
		this.route('GET', '/api/oms/pvt/orders/:orderId', (req, p) => this.guard(req, () => this.getOrder(p.orderId)));
		this.route('GET', '/api/catalog_system/pvt/sku/stockkeepingunitidbyrefid/:refId', (req, p) => this.guard(req, () => this.skuIdByRefId(p.refId)));
		this.route('GET', '/api/catalog_system/pvt/sku/stockkeepingunitbyean/:ean', (req, p) => this.guard(req, () => this.skuByEan(p.ean)));
		this.route('PATCH', '/api/logistics/pvt/inventory/skus/:skuId/warehouses/:warehouseId/quantity', (req, p) =>
			this.guard(req, () => refusedByContract(req) ?? this.setQuantity(req, p.skuId, p.warehouseId)),
		);
		this.route('POST', '/api/oms/pvt/orders/:orderId/invoice', (req, p) => this.guard(req, () => refusedByContract(req) ?? this.invoice(req, p.orderId)));
		this.route('PATCH', '/api/oms/pvt/orders/:orderId/invoice/:invoiceNumber', (req, p) =>
			this.guard(req, () => refusedByContract(req) ?? this.tracking(req, p.orderId, p.invoiceNumber)),
		);
		this.route('GET', '/api/logistics/pvt/configuration/warehouses', (req) =>
			this.guard(req, () =>
				json(200, [...this.warehouses].map((id) => ({ id, name: this.warehouseNames.get(id) ?? '', warehouseDocks: [], pickupPointIds: [], priority: 0, isActive: true }))),
			),
		);
		this.route('POST', '/api/oms/pvt/orders/:orderId/cancel', (req, p) => this.guard(req, () => refusedByContract(req) ?? this.cancel(req, p.orderId)));
	}

	stockOf(skuId: string, warehouseId = '1_1'): number | undefined {
		return this.inventory.get(`${skuId}@${warehouseId}`)?.quantity;
	}

	/** Stores the order and, as a FromWorkflow feed does, queues a status-change event. */
	setOrder(order: VtexOrder, emit = true): this {
		const previous = this.orders.get(order.orderId as string);
		this.orders.set(order.orderId as string, order);
		if (emit) {
			this.feed.push({
				eventId: `ED423DDED4C1AE580CADAC1A4D02D${String(++this.seq).padStart(3, '0')}`,
				orderId: order.orderId as string,
				state: order.status as string,
				lastState: (previous?.status as string) ?? '',
				lastChange: (previous?.lastChange as string) ?? (order.lastChange as string),
				currentChange: order.lastChange as string,
				visibleAt: 0,
			});
		}
		return this;
	}

	advance(ms: number): this {
		this.now += ms;
		return this;
	}

	private guard(req: SimRequest, handler: () => SimResponse): SimResponse {
		const ok = req.headers['x-vtex-api-appkey'] === this.opts.appKey && req.headers['x-vtex-api-apptoken'] === this.opts.appToken;
		return ok ? handler() : json(401, { error: { code: '1', message: 'Unauthorized' } });
	}

	private readFeed(req: SimRequest): SimResponse {
		if (!this.feedConfigured) return json(404, { error: { message: 'Feed configuration not found for this AppKey' } });
		const maxlot = intParam(req.query, 'maxlot', -1, 1, 10);
		if (maxlot === undefined || maxlot === -1) return json(400, { error: { message: 'maxlot must be between 1 and 10' } });
		const lot = this.feed.filter((e) => e.visibleAt <= this.now).slice(0, maxlot);
		const timeoutMs = (this.opts.visibilityTimeoutSeconds ?? 250) * 1000;
		for (const e of lot) {
			e.visibleAt = this.now + timeoutMs;
			// Like a queue receipt: each delivery has its own handle; a stale handle commits nothing.
			e.handle = Buffer.from(`${e.eventId}:${this.now}:${++this.seq}`).toString('base64');
		}
		return json(200, lot.map(({ visibleAt: _v, ...item }) => ({ ...item, domain: 'Fulfillment' })));
	}

	private commit(req: SimRequest): SimResponse {
		const handles = (req.body as { handles?: unknown })?.handles;
		if (!Array.isArray(handles)) return json(400, { error: { message: 'handles is required' } });
		for (let i = this.feed.length - 1; i >= 0; i--) if (handles.includes(this.feed[i].handle)) this.feed.splice(i, 1);
		return { status: 200 };
	}

	private getOrder(orderId: string): SimResponse {
		const order = this.orders.get(orderId);
		return order ? json(200, order) : json(404, { error: { code: '1', message: `Order ${orderId} not found` } });
	}

	/**
	 * GET /api/oms/pvt/orders: f_creationDate=creationDate:[from TO to] (both inclusive), orderBy
	 * creationDate,asc|desc, page / per_page (≤ 100, 15 by default), at most 30 pages as documented.
	 */
	private listOrders(req: SimRequest): SimResponse {
		const perPage = intParam(req.query, 'per_page', 15, 1, 100);
		const page = intParam(req.query, 'page', 1, 1, 30);
		if (perPage === undefined || page === undefined) return json(400, { error: { code: '1', message: 'Invalid paging' } });
		const range = /^creationDate:\[(.+) TO (.+)\]$/.exec(req.query.get('f_creationDate') ?? '');
		const [from, to] = range ? [Date.parse(range[1]), Date.parse(range[2])] : [-Infinity, Infinity];
		const dir = req.query.get('orderBy') === 'creationDate,asc' ? 1 : -1;
		const list = [...this.orders.values()]
			.filter((o) => Date.parse(o.creationDate as string) >= from && Date.parse(o.creationDate as string) <= to)
			.sort((a, b) => dir * (Date.parse(a.creationDate as string) - Date.parse(b.creationDate as string)))
			.map((o) => ({ orderId: o.orderId, creationDate: o.creationDate, status: o.status, totalValue: o.value, lastChange: o.lastChange, items: null }));
		return json(200, { list: list.slice((page - 1) * perPage, page * perPage), paging: { total: list.length, pages: Math.ceil(list.length / perPage), currentPage: page, perPage } });
	}

	private skuIdByRefId(refId: string): SimResponse {
		const skuId = this.catalog.get(refId);
		// The documented example answers the id as a JSON string.
		return skuId ? json(200, skuId) : json(404, { error: { message: `SKU with RefId ${refId} not found` } });
	}

	/** The documented answer's ids (Id, AlternateIds); [?] the unknown-EAN answer (404, VTEX's "SKU not Found"). */
	private skuByEan(ean: string): SimResponse {
		const skuId = this.eans.get(ean);
		const refId = [...this.catalog].find(([, id]) => id === skuId)?.[0];
		return skuId ? json(200, { Id: Number(skuId), IsActive: true, AlternateIds: { Ean: ean, RefId: refId } }) : json(404, 'SKU not Found');
	}

	private setQuantity(req: SimRequest, skuId: string, warehouseId: string): SimResponse {
		const b = req.body as { quantity?: unknown; unlimitedQuantity?: unknown };
		if (!Number.isInteger(b?.quantity) || (b.quantity as number) < 0 || typeof b.unlimitedQuantity !== 'boolean') {
			return json(400, { error: { message: 'quantity (integer) and unlimitedQuantity (boolean) are required' } });
		}
		if (![...this.catalog.values()].includes(skuId) || !this.warehouses.has(warehouseId)) {
			return json(404, { error: { message: `SKU ${skuId} or warehouse ${warehouseId} not found` } });
		}
		this.inventory.set(`${skuId}@${warehouseId}`, { quantity: b.quantity as number, unlimitedQuantity: b.unlimitedQuantity });
		return { status: 204 };
	}

	/** The OMS answer to a write: {date, orderId, receipt}. */
	private receipt(orderId: string): SimResponse {
		return json(200, { date: new Date(this.now).toISOString(), orderId, receipt: Buffer.from(`${orderId}:${++this.seq}`).toString('hex').slice(0, 32) });
	}

	/** Applies a change to a stored order as a workflow step: new lastChange, one feed event. */
	private change(order: VtexOrder, patch: Partial<VtexOrder>): void {
		this.setOrder({ ...order, ...patch, lastChange: new Date(this.now).toISOString() });
	}

	private packagesOf(order: VtexOrder): Array<Record<string, unknown>> {
		return ((order.packageAttachment as { packages?: Array<Record<string, unknown>> })?.packages ?? []).map((p) => ({ ...p }));
	}

	private invoice(req: SimRequest, orderId: string): SimResponse {
		const order = this.orders.get(orderId);
		if (!order) return json(404, { error: { code: '1', message: `Order ${orderId} not found` } });
		const b = (req.body ?? {}) as Record<string, unknown>;
		const items = Array.isArray(b.items) ? (b.items as Array<Record<string, unknown>>) : undefined;
		const itemsOk = items?.every((i) => typeof i.id === 'string' && Number.isInteger(i.price) && Number.isInteger(i.quantity));
		if (!['Output', 'Input'].includes(b.type as string) || typeof b.issuanceDate !== 'string' || typeof b.invoiceNumber !== 'string') {
			return json(400, { error: { message: 'type (Output|Input), issuanceDate and invoiceNumber are required' } });
		}
		if (typeof b.invoiceValue !== 'string' || !/^\d+$/.test(b.invoiceValue) || Number(b.invoiceValue) <= 0 || !items || !itemsOk) {
			return json(400, { error: { message: 'invoiceValue (cents, as a string, > 0) and items [{id, price, quantity}] are required' } });
		}
		const pkg = { ...b, invoiceValue: Number(b.invoiceValue), courierStatus: null };
		const packages = [...this.packagesOf(order).filter((p) => p.invoiceNumber !== b.invoiceNumber), pkg];
		this.change(order, { packageAttachment: { packages }, ...(b.type === 'Output' ? { status: 'invoiced' } : {}) });
		return this.receipt(orderId);
	}

	private tracking(req: SimRequest, orderId: string, invoiceNumber: string): SimResponse {
		const order = this.orders.get(orderId);
		const packages = order ? this.packagesOf(order) : [];
		const pkg = packages.find((p) => p.invoiceNumber === invoiceNumber);
		if (!order || !pkg) return json(404, { error: { code: '1', message: `Invoice ${invoiceNumber} of order ${orderId} not found` } });
		const b = (req.body ?? {}) as Record<string, unknown>;
		if (typeof b.trackingNumber !== 'string' || !b.trackingNumber) return json(400, { error: { message: 'trackingNumber is required' } });
		Object.assign(pkg, { trackingNumber: b.trackingNumber, trackingUrl: b.trackingUrl, courier: b.courier ?? pkg.courier, dispatchedDate: b.dispatchedDate });
		this.change(order, { packageAttachment: { packages } });
		return this.receipt(orderId);
	}

	private cancel(req: SimRequest, orderId: string): SimResponse {
		const order = this.orders.get(orderId);
		if (!order) return json(404, { error: { code: '1', message: `Order ${orderId} not found` } });
		// Invoiced and partially invoiced orders cannot be canceled (Orders API, Cancel order).
		if (order.status === 'invoiced' || this.packagesOf(order).some((p) => (p.type ?? 'Output') === 'Output')) {
			return json(400, { error: { code: 'OMS003', message: 'Order cannot be canceled: it is invoiced' } });
		}
		this.change(order, { status: 'canceled', cancelReason: (req.body as { reason?: unknown })?.reason ?? null });
		return this.receipt(orderId);
	}
}
