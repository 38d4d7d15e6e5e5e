/**
 * Small inline SVG charts for the dashboard: no scripts, no external assets (n8n may serve webhook HTML in a
 * sandbox). Every bar carries a <title> so a person can hover to read the number.
 */

export const esc = (s: unknown): string =>
	String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563', '#db2777'];

/** Stacked vertical bars: one bar per label, one colour per series. */
export function stackedBars(labels: string[], series: Array<{ name: string; values: number[] }>, opts: { width?: number; height?: number; title: string }): string {
	const width = opts.width ?? 640, height = opts.height ?? 180, pad = 24, bottom = 28;
	const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
	const max = Math.max(1, ...totals);
	const slot = (width - pad * 2) / Math.max(1, labels.length);
	const barW = Math.max(4, slot * 0.7);
	const plotH = height - pad - bottom;
	const bars: string[] = [];
	labels.forEach((label, i) => {
		let y = height - bottom;
		const x = pad + i * slot + (slot - barW) / 2;
		series.forEach((s, k) => {
			const v = s.values[i] ?? 0;
			if (v <= 0) return;
			const h = (v / max) * plotH;
			y -= h;
			bars.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[k % PALETTE.length]}"><title>${esc(`${s.name} ${label}: ${v}`)}</title></rect>`);
		});
		if (totals[i] > 0) bars.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle">${totals[i]}</text>`);
		if (labels.length <= 16 || i % 2 === 0) bars.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${height - 10}" font-size="10" text-anchor="middle">${esc(label.slice(8, 10) + '/' + label.slice(5, 7))}</text>`);
	});
	const legend = series.map((s, k) => `<span class="key"><i style="background:${PALETTE[k % PALETTE.length]}"></i>${esc(s.name)}</span>`).join(' ');
	return `<figure><svg role="img" aria-label="${esc(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
		`<line x1="${pad}" y1="${height - bottom}" x2="${width - pad}" y2="${height - bottom}" stroke="#9ca3af"/>${bars.join('')}</svg>` +
		`<figcaption>${legend || 'Sem pedidos no período'}</figcaption></figure>`;
}

/** Horizontal bars with their value at the end. */
export function horizontalBars(rows: Array<{ label: string; value: number }>, opts: { width?: number; title: string; color?: string }): string {
	const width = opts.width ?? 420, rowH = 26, labelW = 120;
	const max = Math.max(1, ...rows.map((r) => r.value));
	const height = rows.length * rowH + 8;
	const body = rows.map((r, i) => {
		const w = (r.value / max) * (width - labelW - 50);
		const y = 4 + i * rowH;
		return `<text x="0" y="${y + 16}" font-size="12">${esc(r.label)}</text>` +
			`<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="16" fill="${opts.color ?? PALETTE[0]}"><title>${esc(`${r.label}: ${r.value}`)}</title></rect>` +
			`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}" font-size="12">${r.value}</text>`;
	}).join('');
	return `<svg role="img" aria-label="${esc(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg>`;
}
