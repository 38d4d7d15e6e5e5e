// 7) the dashboard page, served by n8n itself: authenticated GET → OMS Store Report → HTML response
const { at, node, note, chain, writeWorkflow } = require('../lib/template-kit');

module.exports = function dashboard({ P, STORE_CRED }) {
	const nodes = [], c = {};
	// Basic Auth: a browser asks for the login; the page shows stock and sales, so it is never public.
	nodes.push(node('Open the Dashboard', 'n8n-nodes-base.webhook', 2, at(0, 0), { httpMethod: 'GET', path: 'oms-painel', authentication: 'basicAuth', responseMode: 'responseNode', options: {} }, { webhookId: '7d1e4b2a-0c5f-4e8a-9b61-3f2a6c0d9e06', credentials: { httpBasicAuth: { name: 'OMS Dashboard Login' } } }));
	nodes.push(node('Build the Dashboard', P + 'omsStore', 1, at(1, 0), { resource: 'report', operation: 'dashboard', output: 'page', days: 14, handlingHours: 48 }, { credentials: STORE_CRED }));
	nodes.push(node('Send the Page', 'n8n-nodes-base.respondToWebhook', 1.1, at(2, 0), {
		respondWith: 'text', responseBody: '={{ $json.html }}',
		options: { responseHeaders: { entries: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }, { name: 'Cache-Control', value: 'no-store' }] } },
	}));
	chain(c, 'Open the Dashboard', 'Build the Dashboard', 'Send the Page');
	const notes = [note('About This Workflow', {
		pt: [
			'## Painel do OMS no navegador',
			'Abra a **Production URL** do primeiro nó (…/webhook/oms-painel) no navegador: o n8n pede o login e mostra o painel — estoque por SKU (em estoque, reservado, disponível e o valor que cada canal mostra), pedidos em aberto por situação e idade, SKUs vendidos além do estoque, anúncios sem SKU vinculado e os indicadores: pedidos por canal por dia, tempo da importação até faturado e até enviado, taxa de cancelamento e pedidos com prazo de envio vencido.',
			'A página é só HTML e SVG, sem scripts nem arquivos externos. Ela só lê o estoque; nada é alterado.',
			'',
			'**Configuração:** a mesma credencial OMS Store dos outros workflows; crie uma credencial *Basic Auth* (usuário e senha do painel) e escolha-a no primeiro nó. *Days* é o período dos indicadores; *Handling Hours* é o prazo de envio depois do pagamento para os canais que não informam um. Publique (ative) o workflow.',
		].join('\n'),
		en: [
			'## The OMS dashboard in your browser',
			'Open the first node\'s **Production URL** (…/webhook/oms-painel) in a browser: n8n asks for the login and shows the dashboard — stock per SKU (on hand, reserved, available and the value each channel shows), open orders by status and age, oversold SKUs, listings not linked to a SKU, and the KPIs: orders per channel per day, time from import to invoiced and to shipped, cancellation rate and orders past their shipping deadline.',
			'The page is plain HTML and SVG, with no scripts and no external files. It only reads the stock; nothing is changed.',
			'',
			'**Set up:** the same OMS Store credential as your other workflows; create a *Basic Auth* credential (the dashboard\'s user and password) and select it in the first node. *Days* is the KPIs\' period; *Handling Hours* is the shipping deadline after payment for channels that do not give one. Then publish (activate) the workflow.',
		].join('\n'),
	}, 1000, 5)];
	writeWorkflow('07-dashboard-page.json', 'omsTpl07Painel00', 'OMS: Dashboard Page', nodes, notes, c);
};
