import { formatMoney } from '../model/money';
import { horizontalBars, stackedBars, esc } from './charts';
import { AGE_BUCKETS, type DashboardReport, type Duration } from './dashboard';

/**
 * The dashboard page: one self-contained HTML document in Portuguese (inline CSS and SVG, no scripts, no
 * external assets). Cells carry data-* attributes so tests read the numbers they check.
 */

const STATUS_PT: Record<string, string> = {
	pending_payment: 'Aguardando pagamento', paid: 'Pago', invoiced: 'Faturado', shipped: 'Enviado',
	delivered: 'Entregue', cancelled: 'Cancelado', returned: 'Devolvido',
};
const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1).replace('.', ',')}%`);
const hours = (h: number | null) => (h === null ? '—' : h < 48 ? `${h.toFixed(1).replace('.', ',')} h` : `${(h / 24).toFixed(1).replace('.', ',')} dias`);
const dateTime = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '—');
const cell = (field: string, value: string | number, cls = '') => `<td data-field="${field}"${cls ? ` class="${cls}"` : ''}>${esc(value)}</td>`;

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#111827;background:#f9fafb}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}small,.muted{color:#6b7280}
section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 16px;margin-bottom:16px}
table{border-collapse:collapse;font-size:13px;width:100%}th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f3f4f6}.neg{color:#b91c1c;font-weight:600}.warn{color:#b45309}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:22px}.key{margin-right:12px;font-size:12px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px}
figure{margin:0}figcaption{font-size:12px}`;

function card(id: string, label: string, value: string, note = ''): string {
	return `<div class="card" data-kpi="${id}"><small>${esc(label)}</small><b>${esc(value)}</b>${note ? `<small>${esc(note)}</small>` : ''}</div>`;
}

const durationNote = (d: Duration) => (d.orders ? `mediana de ${d.orders} pedido(s); 90% em até ${hours(d.p90Hours)}` : 'nenhum pedido no período');

function kpis(r: DashboardReport): string {
	const k = r.kpis;
	const sales = Object.values(k.salesCents).reduce((a, b) => a + b, 0);
	return `<div class="cards">${[
		card('orders', `Pedidos (${r.days} dias)`, int(k.ordersInWindow)),
		card('sales', 'Valor vendido (sem cancelados)', formatMoney(sales)),
		card('import-to-invoiced', 'Importação → faturado', hours(k.importToInvoiced.medianHours), durationNote(k.importToInvoiced)),
		card('import-to-shipped', 'Importação → enviado', hours(k.importToShipped.medianHours), durationNote(k.importToShipped)),
		card('cancellation-rate', 'Taxa de cancelamento', pct(k.cancellationRate), `${k.cancelled} de ${k.ordersInWindow}`),
		card('past-deadline', 'Pedidos com prazo de envio vencido', int(k.pastDeadline.length)),
		card('oversold', 'SKUs vendidos além do estoque', int(r.oversold.length)),
		card('unlinked', 'Anúncios sem SKU vinculado', int(r.unlinked.length)),
	].join('')}</div>`;
}

function ordersPerDay(r: DashboardReport): string {
	const channels = Object.keys(r.kpis.ordersPerDay).sort();
	const chart = stackedBars(r.kpis.days, channels.map((c) => ({ name: c, values: r.kpis.ordersPerDay[c] })), { title: 'Pedidos por canal por dia' });
	const rows = channels.map((c) => `<tr data-channel="${esc(c)}"><td>${esc(c)}</td>${cell('orders', r.kpis.ordersPerDay[c].reduce((a, b) => a + b, 0))}${cell('sales', formatMoney(r.kpis.salesCents[c] ?? 0))}</tr>`).join('');
	return `<h2>Pedidos por canal por dia</h2><section>${chart}<table id="per-channel"><tr><th>Canal</th><th>Pedidos</th><th>Valor vendido</th></tr>${rows}</table></section>`;
}

function openOrders(r: DashboardReport): string {
	const o = r.openOrders;
	const head = `<tr><th>Situação</th>${AGE_BUCKETS.map((b) => `<th>${esc(b.label)}</th>`).join('')}<th>Total</th></tr>`;
	const rows = Object.entries(o.counts).map(([status, counts]) =>
		`<tr data-status="${status}"><td>${esc(STATUS_PT[status] ?? status)}</td>${counts.map((n, i) => cell(`age-${i}`, n)).join('')}${cell('total', counts.reduce((a, b) => a + b, 0))}</tr>`).join('');
	const chart = horizontalBars(AGE_BUCKETS.map((b, i) => ({ label: b.label, value: o.byAge[i] })), { title: 'Pedidos em aberto por idade', color: '#d97706' });
	return `<h2>Pedidos em aberto por situação e idade</h2><section><p data-kpi="open-orders">${int(o.total)} pedido(s) em aberto, ${esc(formatMoney(o.valueCents))}</p>` +
		`<table id="open-orders">${head}${rows}</table>${chart}</section>`;
}

function stock(r: DashboardReport): string {
	const head = `<tr><th>SKU</th><th>Depósito</th><th>Em estoque</th><th>Reservado</th><th>Disponível</th>${r.channelAccounts.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
	const rows = r.stock.map((s) => {
		const channels = s.channels.map((c) => {
			const cls = c.failing ? 'neg' : c.behind ? 'warn' : '';
			const mark = c.failing ? ' (falhou)' : c.behind ? ' (desatualizado)' : '';
			return `<td data-field="channel" data-channel="${esc(c.channel)}"${cls ? ` class="${cls}"` : ''} title="${esc(dateTime(c.pushedAt))}">${c.value === null ? '—' : esc(c.value)}${mark}</td>`;
		}).join('');
		return `<tr data-sku="${esc(s.sku)}" data-warehouse="${esc(s.warehouse)}"><td>${esc(s.sku)}</td><td>${esc(s.warehouse)}</td>${cell('onHand', s.onHand)}${cell('reserved', s.reserved)}${cell('available', s.available, s.available < 0 ? 'neg' : '')}${channels}</tr>`;
	}).join('');
	return `<h2>Estoque por SKU</h2><section><small>Colunas dos canais: o último valor publicado em cada canal; <span class="warn">desatualizado</span> = o estoque mudou depois do envio; <span class="neg">falhou</span> = aguardando nova tentativa.</small>` +
		`<table id="stock">${head}${rows || '<tr><td colspan="5">Nenhum SKU no estoque</td></tr>'}</table></section>`;
}

function oversold(r: DashboardReport): string {
	const rows = r.oversold.map((s) => `<tr data-sku="${esc(s.sku)}"><td>${esc(s.sku)}</td><td>${esc(s.warehouse)}</td>${cell('available', s.available, 'neg')}${cell('onHand', s.onHand)}${cell('reserved', s.reserved)}</tr>`).join('');
	return `<h2>Vendidos além do estoque</h2><section><table id="oversold"><tr><th>SKU</th><th>Depósito</th><th>Disponível</th><th>Em estoque</th><th>Reservado</th></tr>${rows || '<tr><td colspan="5">Nenhum</td></tr>'}</table></section>`;
}

function unlinked(r: DashboardReport): string {
	const rows = r.unlinked.map((u) => `<tr data-listing="${esc(u.listingId ?? '')}"><td>${esc(u.channel)}</td><td>${esc(u.account)}</td><td>${esc(u.listingId ?? '—')}</td><td>${esc(u.variantId ?? '—')}</td><td>${esc(u.title ?? '')}</td>${cell('orders', u.orders)}${cell('units', u.units)}</tr>`).join('');
	return `<h2>Anúncios sem SKU vinculado</h2><section><small>Itens de pedidos sem SKU do vendedor: não reservam estoque até o anúncio ser vinculado a um SKU.</small>` +
		`<table id="unlinked"><tr><th>Canal</th><th>Conta</th><th>Anúncio</th><th>Variação</th><th>Título</th><th>Pedidos</th><th>Unidades</th></tr>${rows || '<tr><td colspan="7">Nenhum</td></tr>'}</table></section>`;
}

function late(r: DashboardReport): string {
	const rows = r.kpis.pastDeadline.slice(0, 200).map((o) => `<tr data-order="${esc(o.orderKey)}"><td>${esc(o.orderKey)}</td><td>${esc(STATUS_PT[o.status ?? ''] ?? '')}</td><td>${esc(dateTime(o.deadline))}</td><td>${o.fromChannel ? 'canal' : 'prazo padrão após o pagamento'}</td></tr>`).join('');
	return `<h2>Pedidos com prazo de envio vencido</h2><section><table id="past-deadline"><tr><th>Pedido</th><th>Situação</th><th>Prazo</th><th>Origem do prazo</th></tr>${rows || '<tr><td colspan="4">Nenhum</td></tr>'}</table></section>`;
}

export function renderDashboard(r: DashboardReport): string {
	return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>Painel do OMS</title><style>${CSS}</style></head><body><h1>Painel do OMS</h1>` +
		`<small>Gerado em ${esc(dateTime(r.generatedAt))} · indicadores dos últimos ${r.days} dias</small>` +
		`${kpis(r)}${ordersPerDay(r)}${openOrders(r)}${stock(r)}${oversold(r)}${unlinked(r)}${late(r)}</body></html>`;
}
