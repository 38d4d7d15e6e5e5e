// Generates workflows-templates/*.json (the JSON files are what users import; edit here, then run
// `node scripts/gen-templates.js`). Ids are derived from the workflow and node names, so regenerating changes
// only what changed (several people add templates; random ids made every file differ on every run).
const { at, node, note, link, chain, writeWorkflow } = require('./lib/template-kit');

// The write-back nodes read the canonical order the ERP posted (the invoice step sees it as $json; the
// tracking step comes after the invoice step's result, so it reads the order from "Back to the Order").
const INVOICE_FIELDS = {
	channelOrderId: '={{ $json.channelOrderId }}',
	nfeKey: '={{ $json.invoice.nfeKey }}',
	number: '={{ $json.invoice.number }}',
	series: '={{ $json.invoice.series }}',
	issuedAt: '={{ $json.invoice.issuedAt }}',
	url: "={{ $json.invoice.url || '' }}",
	// Orders of one pack / delivery share a shipment: one NF-e for the group.
	groupId: "={{ $json.groupId || '' }}",
};
const ORDER = "$('Back to the Order').item.json";
const SHIPMENT_FIELDS = {
	channelOrderId: `={{ ${ORDER}.channelOrderId }}`,
	carrier: `={{ ${ORDER}.shipments[0].carrier }}`,
	trackingCode: `={{ ${ORDER}.shipments[0].trackingCode }}`,
	trackingUrl: `={{ ${ORDER}.shipments[0].trackingUrl || '' }}`,
	groupId: `={{ ${ORDER}.groupId || '' }}`,
};
const P = 'n8n-nodes-oms.';
const POLL = { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] };
const STORE_CRED = { omsStoreApi: { name: 'OMS Store' } };
const CH = {
	mercadolivre: { label: 'Mercado Livre', trigger: 'mercadoLivreTrigger', cred: 'mercadoLivreOAuth2Api', credName: 'Mercado Livre account' },
	shopify: { label: 'Shopify', trigger: 'shopifyOmsTrigger', cred: 'shopifyOmsApi', credName: 'Shopify account' },
	woocommerce: { label: 'WooCommerce', trigger: 'wooCommerceOmsTrigger', cred: 'wooCommerceOmsApi', credName: 'WooCommerce account' },
	nuvemshop: { label: 'Nuvemshop', trigger: 'nuvemshopOmsTrigger', cred: 'nuvemshopOmsApi', credName: 'Nuvemshop account' },
};
const CHANNELS = ['mercadolivre', 'shopify', 'woocommerce', 'nuvemshop'];
const chCred = (c) => ({ [CH[c].cred]: { name: CH[c].credName } });

// n8n 2.41's import:workflow needs an id (NOT NULL); fixed, distinctive ids that no generated id matches.
const IDS = { 'OMS: Import Orders and Sync Stock': 'omsTpl01ImpSync0', 'OMS: Invoice and Shipment Write-Back': 'omsTpl02InvShip0', 'OMS: Nightly Maintenance': 'omsTpl03Nightly0', 'OMS: Oversold and Error Alerts': 'omsTpl04Alerts00', 'OMS: Webhook Import and Stock Sync': 'omsTpl05Webhook0', 'OMS: Amazon Orders from SQS': 'omsTpl06AmzSqs00', 'OMS: Link Unlinked Listings': 'omsTpl09LinkList' };
const save = (file, name, nodes, notes, c) => writeWorkflow(file, IDS[name], name, nodes, notes, c);
const trigger = (c, row) => node(`${CH[c].label} Orders`, P + CH[c].trigger, 1, at(0, row), { pollTimes: POLL, options: {} }, { credentials: chCred(c) });
// Failed SKUs leave on the error output (index 1), so a failure is never an item inside a green run.
const pushStock = (c, pos, source = 'changedSinceLastPush') =>
	node(`Push Stock to ${CH[c].label}`, P + 'omsStatusSync', 1, pos,
		{ channel: c, operation: 'pushStock', source, safetyStock: 0, maxQuantity: 0, warehouse: 'default' },
		{ credentials: { ...STORE_CRED, ...chCred(c) }, onError: 'continueErrorOutput', ...(source === 'changedSinceLastPush' ? { executeOnce: true } : {}) });
const PUSH_FAILURE_TEXT = '"Stock of SKU " + ($json.sku || "?") + " was not published on " + ($json.channel || "the channel") + ": " + ($json.error ? $json.error.message : "unknown error") + ". The next push retries it."';
const PUSH_FAILURE_MESSAGE = `={{ ${PUSH_FAILURE_TEXT} }}`;
const apply = (pos, extra = {}, source) =>
	node('Apply Orders to Stock', P + 'omsStore', 1, pos, { resource: 'order', operation: 'apply', ...(source ? { source } : {}), rules: { commitOn: 'invoiced' } }, { credentials: STORE_CRED, ...extra });

/** Templates 1 and 5: intake nodes (column 0, one row per channel) → Apply → Push Stock to every channel, with both error branches. */
function importAndSync(nodes, c, intakeName) {
	nodes.push(apply(at(1, 1.5), { onError: 'continueErrorOutput' }));
	CHANNELS.forEach((ch) => link(c, intakeName(ch), 'Apply Orders to Stock'));
	CHANNELS.forEach((ch, i) => { nodes.push(pushStock(ch, at(2, i), 'fromInput')); link(c, 'Apply Orders to Stock', `Push Stock to ${CH[ch].label}`, 0); });
	nodes.push(node('Report Malformed Order', 'n8n-nodes-base.stopAndError', 1, at(2, 4), {
		errorMessage: '={{ "Order " + ($json.error.orderRef || "?") + " was not applied: " + $json.error.message + " (field: " + ($json.error.field || "?") + ")" }}',
	}));
	link(c, 'Apply Orders to Stock', 'Report Malformed Order', 1);
	nodes.push(node('Report Push Failure', 'n8n-nodes-base.stopAndError', 1, at(3, 1.5), { errorMessage: PUSH_FAILURE_MESSAGE }));
	CHANNELS.forEach((ch) => link(c, `Push Stock to ${CH[ch].label}`, 'Report Push Failure', 1));
}

// 1) scheduled import → apply → push stock
{
	const nodes = [], c = {};
	CHANNELS.forEach((ch, i) => nodes.push(trigger(ch, i)));
	importAndSync(nodes, c, (ch) => `${CH[ch].label} Orders`);
	const notes = [
		note('About This Workflow', {
			pt: [
				'## Importar os pedidos de todos os canais e manter o estoque em dia',
				'A cada 15 minutos cada gatilho de canal busca os pedidos novos e alterados.',
				'**Apply Orders to Stock** reserva as unidades assim que o pedido chega (mesmo antes do pagamento), baixa-as quando o pedido é faturado e devolve-as quando é cancelado.',
				'Em seguida **Push Stock** envia a nova quantidade disponível de cada produto alterado para todos os canais, para que nada seja vendido duas vezes.',
				'',
				'**Configuração:** crie uma credencial *OMS Store* (SQLite basta para um n8n) e uma credencial por canal. Apague o gatilho e o envio de estoque dos canais em que você não vende. Depois publique (ative) o workflow.',
			].join('\n'),
			en: [
				'## Import orders from every channel and keep stock in sync',
				'Every 15 minutes each channel trigger fetches new and changed orders.',
				'**Apply Orders to Stock** reserves the units as soon as an order arrives (even before payment), deducts them when the order is invoiced, and gives them back when it is cancelled.',
				'Then **Push Stock** sends the new available quantity of every changed product to every channel, so nothing is sold twice.',
				'',
				'**Set up:** create an *OMS Store* credential (SQLite is fine for one n8n) and one credential per channel. Delete the trigger and the push node of any channel you do not sell on. Then publish (activate) the workflow.',
			].join('\n'),
		}, 1120, 5),
		note('Note on Malformed Orders', {
			pt: '### Pedidos malformados\nUm pedido que não pode ser lido (sem id, sem itens, quantidade inválida…) não é aplicado; os outros são. Um item sem SKU do vendedor não é malformado: o pedido é aplicado, o item fica marcado *unmapped* e não reserva nada até o anúncio ser ligado a um SKU. Este ramo faz a execução falhar com o pedido e o campo, para que o seu **Error Workflow** (modelo 4, *Settings → Error workflow*) avise uma pessoa.',
			en: '### Malformed orders\nAn order that cannot be read (no order id, no lines, a bad quantity…) is not applied; the others are. A line without a seller SKU is not malformed: the order is applied, that line is flagged *unmapped* and reserves nothing until its listing is linked to a SKU. This branch fails the run with the order and the field, so your **Error Workflow** (template 4, *Settings → Error workflow*) tells a person.',
		}, 520, 3),
		note('Note on Push Settings', {
			pt: '### Envio de estoque\nCada envio manda os produtos que os pedidos acabaram de alterar. *Safety Stock* guarda algumas unidades em todos os canais; *Max Quantity* limita o que um canal mostra (0 = sem limite). Use o mesmo *Warehouse* das suas contagens de estoque. Um SKU recusado por um canal faz a execução falhar em **Report Push Failure** e é reenviado pelos próximos envios.',
			en: '### Push settings\nEach push sends the products the orders just changed. *Safety Stock* keeps a few units back on every channel; *Max Quantity* caps what a channel shows (0 = no cap). Use the same *Warehouse* as your stock counts. A SKU a channel refuses fails the run in **Report Push Failure** and is retried by later pushes.',
		}, 520, 6),
	];
	save('01-multichannel-import-and-stock-sync.json', 'OMS: Import Orders and Sync Stock', nodes, notes, c);
}

// 2) invoice & shipment write-back
{
	const nodes = [], c = {};
	// Authenticated: whoever reaches the URL could otherwise post an order as invoiced or cancelled and move stock.
	nodes.push(node('Invoice or Shipment Received', 'n8n-nodes-base.webhook', 2, at(0, 1.5), { httpMethod: 'POST', path: 'oms-invoice-shipment', authentication: 'headerAuth', responseMode: 'onReceived', options: {} }, { webhookId: 'a6c7f0c2-6a5d-4c1e-9f0e-0d6d3c0b5e11', credentials: { httpHeaderAuth: { name: 'OMS Webhook Secret' } } }));
	nodes.push(node('Keep the Order Fields', 'n8n-nodes-base.set', 3.4, at(1, 1.5), { mode: 'raw', jsonOutput: '={{ $json.body }}', options: {} }));
	// The ERP's post is an event on the order (invoiced, shipped): its clock is never compared with the channel's.
	nodes.push(apply(at(2, 1.5), {}, 'erp'));
	nodes.push(node('Back to the Order', 'n8n-nodes-base.set', 3.4, at(3, 1.5), { mode: 'raw', jsonOutput: "={{ $('Keep the Order Fields').item.json }}", options: {} }));
	nodes.push(node('Which Channel?', 'n8n-nodes-base.switch', 3.2, at(4, 1.5), {
		rules: { values: CHANNELS.map((ch) => ({
			conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions: [{ leftValue: '={{ $json.channel }}', rightValue: ch, operator: { type: 'string', operation: 'equals' } }], combinator: 'and' },
			renameOutput: true, outputKey: CH[ch].label,
		})) },
		options: {},
	}));
	link(c, 'Invoice or Shipment Received', 'Keep the Order Fields');
	link(c, 'Keep the Order Fields', 'Apply Orders to Stock');
	link(c, 'Apply Orders to Stock', 'Back to the Order');
	link(c, 'Back to the Order', 'Which Channel?');
	CHANNELS.forEach((ch, i) => {
		// An order may be posted with its invoice only, or its tracking only: the step whose data is missing
		// answers with an error item and the run goes on to the next step.
		const inv = node(`Send Invoice to ${CH[ch].label}`, P + 'omsStatusSync', 1, at(5, i), { channel: ch, operation: 'pushInvoice', ...INVOICE_FIELDS, skipWithoutDocument: true }, { credentials: chCred(ch), onError: 'continueErrorOutput' });
		const shp = node(`Send Tracking to ${CH[ch].label}`, P + 'omsStatusSync', 1, at(6, i), { channel: ch, operation: 'pushShipment', ...SHIPMENT_FIELDS, skipWithoutDocument: true }, { credentials: chCred(ch), onError: 'continueErrorOutput' });
		nodes.push(inv, shp);
		link(c, 'Which Channel?', inv.name, i);
		link(c, inv.name, shp.name);
		link(c, inv.name, 'Report Write-Back Failure', 1);
		link(c, shp.name, 'Report Write-Back Failure', 1);
	});
	nodes.push(node('Report Write-Back Failure', 'n8n-nodes-base.stopAndError', 1, at(7, 1.5), {
		errorMessage: '={{ "Order " + ($(\'Back to the Order\').item.json.channel || "?") + ":" + ($(\'Back to the Order\').item.json.channelOrderId || "?") + " was not updated on the channel: " + $json.error.message + ($json.error.field ? " (field: " + $json.error.field + ")" : "") }}',
	}));
	const notes = [note('About This Workflow', {
		pt: [
			'## Enviar notas fiscais (NF-e) e códigos de rastreio de volta aos canais',
			'O seu ERP ou emissor de notas chama a **URL do webhook** deste workflow (POST, JSON) sempre que um pedido é faturado ou enviado.',
			'O corpo é o pedido no formato do OMS (como os gatilhos de canal o entregam) com `status` `invoiced` ou `shipped`, o bloco `invoice` (chave da NF-e, número, série, data) e/ou `shipments` (transportadora, código de rastreio).',
			'',
			'1. **Apply Orders to Stock** (origem *ERP*) baixa as unidades de vez. O envio é um evento no pedido, não uma nova versão dele: um cancelamento que o canal envie depois ainda devolve o estoque, digam o que disserem os dois relógios, e um envio que chegue depois de um cancelamento não move nada.',
			'2. O pedido vai para o seu canal: primeiro a nota, depois o código de rastreio. Um envio com só um deles pula o outro passo (a saída diz *skipped*). Envie cada documento uma vez: os canais guardam cada nota ou metafield que recebem.',
			'3. Um documento recusado pelo canal (ou uma chave de NF-e errada) faz a execução falhar em **Report Write-Back Failure**, e o seu Error workflow (modelo 4) avisa uma pessoa.',
			'',
			'**Configuração:** a mesma credencial OMS Store do workflow de importação e uma credencial por canal; remova os canais que você não usa.',
			'**O webhook exige um cabeçalho secreto**: crie uma credencial *Header Auth* (nome p. ex. `X-OMS-Secret`, valor um texto aleatório longo) e selecione-a no primeiro nó; o ERP envia esse cabeçalho em cada chamada. Uma chamada sem ele é recusada (403) e não altera nada.',
		].join('\n'),
		en: [
			'## Send invoices (NF-e) and tracking codes back to the channels',
			'Your ERP or invoicing system calls this workflow\'s **webhook URL** (POST, JSON) whenever an order is invoiced or shipped.',
			'The body is the order in the OMS format (as the channel triggers output it) with `status` `invoiced` or `shipped`, the `invoice` block (NF-e key, number, series, date) and/or `shipments` (carrier, tracking code).',
			'',
			'1. **Apply Orders to Stock** (source *ERP*) deducts the units for good. The post is an event on the order, not a new version of it: a cancellation the channel sends later still restocks, whatever the two clocks say, and a post arriving after a cancellation moves nothing.',
			'2. The order goes to its channel: the invoice is sent, then the tracking code. A post with only one of them skips the other step (its output says *skipped*). Post each document once: channels keep every invoice note or metafield they receive.',
			'3. A document the channel refuses (or a wrong NF-e key) fails the run in **Report Write-Back Failure**, so your Error workflow (template 4) tells a person.',
			'',
			'**Set up:** the same OMS Store credential as your import workflow, one credential per channel; remove the channels you do not use.',
			'**The webhook requires a secret header**: create a *Header Auth* credential (name e.g. `X-OMS-Secret`, value a long random string) and select it in the first node; your ERP sends that header with every post. A post without it is refused (403) and changes nothing.',
		].join('\n'),
	}, 1300, 5)];
	save('02-invoice-and-shipment-write-back.json', 'OMS: Invoice and Shipment Write-Back', nodes, notes, c);
}

// 3) nightly maintenance
{
	const nodes = [], c = {};
	nodes.push(node('Every Night at 3', 'n8n-nodes-base.scheduleTrigger', 1.2, at(0, 3), { rule: { interval: [{ triggerAtHour: 3 }] } }));
	// First the catch-up: orders a failed run lost since yesterday are applied before anything is expired or pushed.
	CHANNELS.forEach((ch, i) => {
		nodes.push(node(`Re-Import Last 24 h from ${CH[ch].label}`, P + 'omsStatusSync', 1, at(1, i), { channel: ch, operation: 'reimportOrders', hoursBack: 24 }, { credentials: chCred(ch) }));
		link(c, 'Every Night at 3', `Re-Import Last 24 h from ${CH[ch].label}`);
		link(c, `Re-Import Last 24 h from ${CH[ch].label}`, 'Apply Re-Imported Orders');
	});
	nodes.push(node('Apply Re-Imported Orders', P + 'omsStore', 1, at(2, 1.5), { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: STORE_CRED, onError: 'continueErrorOutput' }));
	nodes.push(node('Compose Unreadable Order Alert', 'n8n-nodes-base.set', 3.4, at(3, 1.5), { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: an order could not be applied", "text": "Order " + ($json.error.orderRef || "?") + ": " + $json.error.message + " (field: " + ($json.error.field || "?") + ")" } }}', options: {} }));
	link(c, 'Apply Re-Imported Orders', 'Compose Unreadable Order Alert', 1);
	link(c, 'Compose Unreadable Order Alert', 'Send Alert (Replace with Email or Chat)');
	nodes.push(node('Compose Push Failure Alert', 'n8n-nodes-base.set', 3.4, at(4, 4.5), { mode: 'raw', jsonOutput: `={{ { "subject": "OMS: stock not published", "text": ${PUSH_FAILURE_TEXT} } }}`, options: {} }));
	CHANNELS.forEach((ch) => link(c, `Push Stock to ${CH[ch].label}`, 'Compose Push Failure Alert', 1));
	link(c, 'Compose Push Failure Alert', 'Send Alert (Replace with Email or Chat)');
	nodes.push(node('Release Unpaid Reservations', P + 'omsStore', 1, at(1, 4.5), { resource: 'reservation', operation: 'expire', expireBy: 'paymentMethod', paymentMethodRules: {} }, { credentials: STORE_CRED, alwaysOutputData: true }));
	nodes.push(node('Check Stock Figures', P + 'omsStore', 1, at(2, 4.5), { resource: 'maintenance', operation: 'reconcile', repair: false }, { credentials: STORE_CRED, executeOnce: true }));
	link(c, 'Every Night at 3', 'Release Unpaid Reservations');
	link(c, 'Release Unpaid Reservations', 'Check Stock Figures');
	CHANNELS.forEach((ch, i) => { nodes.push(pushStock(ch, at(3, 3 + i))); link(c, 'Check Stock Figures', `Push Stock to ${CH[ch].label}`); });
	nodes.push(node('Differences Found?', 'n8n-nodes-base.if', 2.2, at(3, 7), {
		conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 }, conditions: [{ leftValue: '={{ $json.drift.length }}', rightValue: 0, operator: { type: 'number', operation: 'gt' } }], combinator: 'and' },
		looseTypeValidation: true, options: {},
	}));
	link(c, 'Check Stock Figures', 'Differences Found?');
	nodes.push(node('Compose Drift Alert', 'n8n-nodes-base.set', 3.4, at(4, 7), { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: stock figures differ from the stock history", "text": "SKUs checked: " + $json.checkedSkus + "\\nDifferences: " + JSON.stringify($json.drift, null, 2) + "\\nRun Maintenance → Reconcile with Repair on after checking." } }}', options: {} }));
	nodes.push(node('Send Alert (Replace with Email or Chat)', 'n8n-nodes-base.noOp', 1, at(5, 4.5), {}));
	chain(c, 'Differences Found?', 'Compose Drift Alert', 'Send Alert (Replace with Email or Chat)');
	const notes = [note('About This Workflow', {
		pt: [
			'## Manutenção noturna',
			'0. **Re-Import Last 24 h** lê de novo cada pedido alterado em cada canal no último dia e o aplica: pedidos que já estão no estoque não mudam nada; pedidos que uma execução com falha perdeu são reservados agora. Use as mesmas regras de estoque do workflow de importação.',
			'1. **Release Unpaid Reservations**: pedidos ainda aguardando pagamento devolvem as unidades depois do prazo do seu meio de pagamento: pix 2 horas; cartões, carteiras e meios desconhecidos 72 horas; boleto 4 dias úteis (segunda a sexta: um boleto de sexta fica reservado até o fim de quinta; feriados não são contados, acrescente dias perto deles). Mude um meio nas *Rules* do nó.',
			'2. **Check Stock Figures** compara os números do estoque com o histórico de movimentos. Só relata; nada é alterado.',
			'3. **Push Stock** reenvia todo produto cujo estoque mudou desde o último envio (uma rede de segurança se um canal esteve fora do ar).',
			'4. Se houver diferenças, uma pessoa é avisada: troque o último nó por *Send Email*, *Slack* ou *Telegram*.',
		].join('\n'),
		en: [
			'## Nightly housekeeping',
			'0. **Re-Import Last 24 h** reads every order changed on each channel in the last day again and applies it: orders already in the stock change nothing; orders a failed run lost are reserved now. Use the same stock rules as your import workflow.',
			'1. **Release Unpaid Reservations**: orders still waiting for payment give their units back once their payment method\'s time has passed: pix 2 hours; cards, wallets and unknown methods 72 hours; boleto 4 business days (Monday to Friday, so a boleto from Friday is kept until Thursday ends; holidays are not counted: add days around them). Change a method in the node\'s *Rules*.',
			'2. **Check Stock Figures** compares the stock numbers with the stock history. It only reports; nothing is changed.',
			'3. **Push Stock** re-sends every product whose stock changed since the last push (a safety net if a channel was down).',
			'4. If differences are found, a person is told: replace the last node with *Send Email*, *Slack* or *Telegram*.',
		].join('\n'),
	}, 1300, 5)];
	save('03-nightly-maintenance.json', 'OMS: Nightly Maintenance', nodes, notes, c);
}

require('./templates/alerts')({ P, STORE_CRED, save });
require('./templates/amazon-sqs')({ P, STORE_CRED, save, CH, CHANNELS, pushStock, apply, PUSH_FAILURE_MESSAGE });
require('./templates/dashboard')({ P, STORE_CRED });
require('./templates/ask-oms')({ P, STORE_CRED });

// 5) webhook import → apply → push stock (template 1 with webhook triggers; template 1 stays as the reconciler)
{
	const nodes = [], c = {};
	// Fixed webhook ids: the Production URL (…/webhook/<id>/webhook) must not change when the file is regenerated.
	const HOOK_IDS = { mercadolivre: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a01', shopify: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a02', woocommerce: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a03', nuvemshop: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a04' };
	const hook = (ch) => `${CH[ch].label} Order Webhook`;
	CHANNELS.forEach((ch, i) => nodes.push(node(hook(ch), P + 'omsWebhookTrigger', 2, at(0, i), { channel: ch, options: {} }, { webhookId: HOOK_IDS[ch], credentials: { ...STORE_CRED, ...chCred(ch) } })));
	importAndSync(nodes, c, hook);
	const notes = [
		note('About This Workflow', {
			pt: [
				'## Pedidos por webhook: a venda em todos os canais em segundos',
				'Cada nó **Order Webhook** recebe as notificações de pedido do seu canal, confere a assinatura (uma falsa recebe 401 e não altera nada), responde ao canal na hora e lê o pedido. **Apply Orders to Stock** reserva, baixa ou libera as unidades, e **Push Stock** envia a nova quantidade para todos os canais.',
				'',
				'**Configuração:** a credencial OMS Store e uma credencial por canal, com o seu segredo de webhook (Shopify *App Client Secret*, Nuvemshop *App Secret*; o WooCommerce deriva um se ficar vazio). Ao publicar (ativar), os nós registram os webhooks na Shopify, no WooCommerce e na Nuvemshop, e os removem ao despublicar. Mercado Livre: cole a Production URL do nó na sua aplicação como *Notifications Callback URL*, tópico `orders_v2`. O n8n precisa ser acessível por HTTPS (defina `WEBHOOK_URL`). Apague os nós dos canais em que você não vende.',
			].join('\n'),
			en: [
				'## Orders by webhook: the sale on every channel within seconds',
				'Each **Order Webhook** node receives its channel\'s order notifications, checks the signature (a forged one gets 401 and changes nothing), answers the channel at once and reads the order. **Apply Orders to Stock** reserves, deducts or releases the units, and **Push Stock** sends the new quantity to every channel.',
				'',
				'**Set up:** the OMS Store credential and one credential per channel, with its webhook secret (Shopify *App Client Secret*, Nuvemshop *App Secret*; WooCommerce derives one if left empty). On publish (activate) the nodes register their webhooks on Shopify, WooCommerce and Nuvemshop, and remove them when unpublished. Mercado Livre: paste the node\'s Production URL into your application as *Notifications Callback URL*, topic `orders_v2`. n8n must be reachable over HTTPS (set `WEBHOOK_URL`). Delete the nodes of any channel you do not sell on.',
			].join('\n'),
		}, 1120, 5),
		note('Note on Reconciling', {
			pt: '### Mantenha o modelo 1 ativo como conciliador\nWebhooks se perdem (um canal que desistiu de reenviar, o n8n fora do ar num reinício, um webhook do WooCommerce desativado após falhas). Mantenha **OMS: Import Orders and Sync Stock** (modelo 1) publicado também, com o *Poll Times* de cada gatilho a cada **30 a 60 minutos**: ele pega todo pedido que um webhook perdeu. Um pedido que chega pelos dois caminhos é aplicado uma vez só.',
			en: '### Keep template 1 running as the reconciler\nWebhooks get lost (a channel that gave up retrying, n8n down for a restart, a WooCommerce webhook disabled after failed deliveries). Keep **OMS: Import Orders and Sync Stock** (template 1) published too, with each trigger\'s *Poll Times* set to every **30 to 60 minutes**: it picks up every order a webhook missed. An order that arrives both ways is applied once.',
		}, 560, 4),
		note('Note on Malformed Orders', {
			pt: '### Pedidos malformados e envios recusados\nUm pedido que não pode ser lido (sem id, sem itens) e um SKU recusado por um canal fazem a execução falhar nos nós *Report*, e o seu **Error Workflow** (modelo 4) avisa uma pessoa. Um envio que falhou é repetido pelos próximos envios.',
			en: '### Malformed orders and refused pushes\nAn order that cannot be read (no id, no lines) and a SKU a channel refused fail the run in the *Report* nodes, so your **Error Workflow** (template 4) tells a person. A push that failed is retried by later pushes.',
		}, 520, 3),
	];
	save('05-webhook-import-and-stock-sync.json', 'OMS: Webhook Import and Stock Sync', nodes, notes, c);
}

require('./templates/link-listings')({ P, STORE_CRED, save, pushStock, CHANNELS, CH, PUSH_FAILURE_MESSAGE });
