/** SkyHub orders as the simulator stores them: shaped like the documented order and the queue's example. */

export type SkyhubOrder = Record<string, unknown>;

export interface SkyhubLineSpec {
	sku: string;
	qty: number;
	/** Unit price (BRL). */
	price: number;
}

export interface SkyhubOrderSpec {
	code: string;
	placedAt: string;
	updatedAt: string;
	type?: string;
	items?: SkyhubLineSpec[];
	shipping?: number;
}

export const STATUS_OF: Record<string, { code: string; label: string }> = {
	NEW: { code: 'book_product', label: 'Pagamento Pendente (SkyHub)' },
	APPROVED: { code: 'payment_received', label: 'Aprovado (SkyHub)' },
	INVOICED: { code: 'order_invoiced', label: 'Faturado' },
	SHIPPED: { code: 'order_shipped', label: 'Pedido Enviado (SkyHub)' },
	DELIVERED: { code: 'complete', label: 'Completo (entregue) (SkyHub)' },
	CANCELED: { code: 'order_canceled', label: 'Cancelado (SkyHub)' },
};

/** Shaped like the documented order (the orders resource's example and the queue example). */
export function skyhubOrder(spec: SkyhubOrderSpec): SkyhubOrder {
	const items = spec.items ?? [{ sku: 'sku001-01', qty: 1, price: 89.99 }];
	const shipping = spec.shipping ?? 15;
	const itemsTotal = items.reduce((s, i) => s + Math.round(i.price * 100) * i.qty, 0);
	const type = spec.type ?? 'APPROVED';
	return {
		code: spec.code,
		channel: 'Lojas Americanas',
		placed_at: spec.placedAt,
		updated_at: spec.updatedAt,
		total_ordered: (itemsTotal + Math.round(shipping * 100)) / 100,
		interest: 0,
		shipping_cost: shipping,
		shipping_method: 'Econômico',
		estimated_delivery: '',
		shipping_address: {
			full_name: 'marco antonio',
			street: 'Av Central da Praia do Rosa',
			number: '01',
			detail: '',
			neighborhood: 'Ibiraquera',
			city: 'Imbituba',
			region: 'SC',
			country: 'BR',
			postcode: '88780000',
			phone: '51 00000000',
			complement: '',
			reference: '',
		},
		customer: { name: 'Comprador Exemplo', email: 'comprador@exemplo.com.br', vat_number: '76860543817', phones: ['2137223902'] },
		items: items.map((i, n) => ({
			id: i.sku,
			product_id: `P-${n}`,
			name: `Produto ${i.sku}`,
			qty: i.qty,
			original_price: i.price + 10,
			special_price: i.price,
		})),
		status: { type, ...STATUS_OF[type] },
		invoices: [],
		shipments: [],
		sync_status: 'NOT_SYNCED',
		payments: [{ method: 'CREDIT_CARD', value: (itemsTotal + Math.round(shipping * 100)) / 100, parcels: 1, status: null }],
	};
}
