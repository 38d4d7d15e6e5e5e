import { NuvemshopSimulator, nuvemshopOrder } from '../simulators/nuvemshop';
import { VtexSimulator } from '../simulators/vtex';
import { NuvemshopWebhooks, WooWebhooks } from '../simulators/webhook-registrations';
import { WooCommerceSimulator, wooOrder } from '../simulators/woocommerce';

/** The three channels of the reference example, each with the listing of the shared SKUs. */
export const SECRETS = {
	woo: { consumerKey: 'ck_e2e0000000000000000000000000000000000000', consumerSecret: 'cs_e2e0000000000000000000000000000000000000' },
	nuvemshop: { storeId: '123456', accessToken: 'e2e-nuvemshop-token', appSecret: 'e2e-nuvemshop-app-secret' },
	vtex: { appKey: 'vtexappkey-e2e-ABCDEF', appToken: 'e2e-vtex-app-token' },
};

export const SKUS = { shirt: 'SHIRT-M', cap: 'CAP-01' } as const;
const WOO_PRODUCT_ID: Record<string, number> = { [SKUS.shirt]: 501, [SKUS.cap]: 502 };
const NUVEM_PRODUCT_ID: Record<string, number> = { [SKUS.shirt]: 1234, [SKUS.cap]: 1235 };
const VTEX_SKU_ID: Record<string, string> = { [SKUS.shirt]: '18', [SKUS.cap]: '19' };

export interface Channels {
	woo: WooCommerceSimulator;
	nuvemshop: NuvemshopSimulator;
	vtex: VtexSimulator;
	/** Webhook registration APIs (what template 5's webhook nodes register on activation) and signed deliveries. */
	hooks: { woo: WooWebhooks; nuvemshop: NuvemshopWebhooks };
	/** What each channel currently publishes for a SKU (undefined: never written). */
	stock(sku: string): { woocommerce?: number | null; nuvemshop?: number | null; vtex?: number };
	stop(): Promise<void>;
}

/** `vtexVisibilityTimeoutSeconds`: the feed configuration's visibility timeout (VTEX's default 250 s). */
export async function startChannels(o: { vtexVisibilityTimeoutSeconds?: number } = {}): Promise<Channels> {
	const woo = new WooCommerceSimulator(SECRETS.woo);
	const nuvemshop = new NuvemshopSimulator({ storeId: SECRETS.nuvemshop.storeId, accessToken: SECRETS.nuvemshop.accessToken });
	const vtex = new VtexSimulator({ appKey: SECRETS.vtex.appKey, appToken: SECRETS.vtex.appToken, visibilityTimeoutSeconds: o.vtexVisibilityTimeoutSeconds });
	for (const sku of Object.values(SKUS)) {
		woo.putProduct({ id: WOO_PRODUCT_ID[sku], name: sku, sku, type: 'simple', parent_id: 0, manage_stock: true, stock_quantity: 0, stock_status: 'outofstock' });
		nuvemshop.putProduct({
			id: NUVEM_PRODUCT_ID[sku],
			name: { pt: sku },
			variants: [{ id: NUVEM_PRODUCT_ID[sku] * 10, product_id: NUVEM_PRODUCT_ID[sku], sku, inventory_levels: [{ id: 1, location_id: '01LOC', stock: 0 }] }],
		});
		vtex.catalog.set(sku, VTEX_SKU_ID[sku]);
	}
	const hooks = { woo: new WooWebhooks(woo, SECRETS.woo), nuvemshop: new NuvemshopWebhooks(nuvemshop, SECRETS.nuvemshop) };
	await Promise.all([woo.start(), nuvemshop.start(), vtex.start()]);
	return {
		woo,
		nuvemshop,
		vtex,
		hooks,
		stock: (sku) => ({
			woocommerce: woo.products.get(WOO_PRODUCT_ID[sku])?.stock_quantity,
			nuvemshop: nuvemshop.products.get(NUVEM_PRODUCT_ID[sku])?.variants[0].inventory_levels[0].stock,
			vtex: vtex.stockOf(VTEX_SKU_ID[sku]),
		}),
		stop: async () => {
			await Promise.all([woo.stop(), nuvemshop.stop(), vtex.stop()]);
		},
	};
}

const gmt = (d: Date) => d.toISOString().slice(0, 19);

/** A WooCommerce order of `quantity` × sku; `status` as Woo names it (pending, processing, completed, cancelled). */
export function wooSale(id: number, sku: string, quantity: number, status: string, at = new Date()) {
	return wooOrder({ id, status, modifiedGmt: gmt(at), createdGmt: gmt(new Date(at.getTime() - 1000)), lines: [{ sku, quantity, subtotal: (49.9 * quantity).toFixed(2), productId: WOO_PRODUCT_ID[sku], name: sku }], total: (49.9 * quantity + 10).toFixed(2) });
}

/** A Nuvemshop order; `paymentStatus` pending/paid, `status` open/cancelled. */
export function nuvemshopSale(id: number, sku: string, quantity: number, paymentStatus: string, status = 'open', at = new Date()) {
	return nuvemshopOrder({
		id,
		updatedAt: at.toISOString(),
		createdAt: new Date(at.getTime() - 1000).toISOString(),
		status,
		paymentStatus,
		products: [{ sku, quantity, price: '49.90', productId: NUVEM_PRODUCT_ID[sku], variantId: NUVEM_PRODUCT_ID[sku] * 10 }],
	});
}
