// Generates workflows-templates/*.json (the JSON files are what users import; edit here, then run
// `node scripts/gen-templates.js`). Ids are derived from the workflow and node names, so regenerating changes
// only what changed (several people add templates; random ids made every file differ on every run).
const fs = require('fs');
const crypto = require('crypto');
const OUT = require('path').resolve(__dirname, '..', 'workflows-templates');

// The write-back nodes read the canonical order the ERP posted (the invoice step sees it as $json; the
// tracking step comes after the invoice step's result, so it reads the order from "Back to the Order").
const INVOICE_FIELDS = {
	channelOrderId: '={{ $json.channelOrderId }}',
	nfeKey: '={{ $json.invoice.nfeKey }}',
	number: '={{ $json.invoice.number }}',
	series: '={{ $json.invoice.series }}',
	issuedAt: '={{ $json.invoice.issuedAt }}',
	url: "={{ $json.invoice.url || '' }}",
};
const ORDER = "$('Back to the Order').item.json";
const SHIPMENT_FIELDS = {
	channelOrderId: `={{ ${ORDER}.channelOrderId }}`,
	carrier: `={{ ${ORDER}.shipments[0].carrier }}`,
	trackingCode: `={{ ${ORDER}.shipments[0].trackingCode }}`,
	trackingUrl: `={{ ${ORDER}.shipments[0].trackingUrl || '' }}`,
};
const P = 'n8n-nodes-oms.';
const POLL = { item: [{ mode: 'everyX', value: 15, unit: 'minutes' }] };
/** A UUID-shaped id (version 4 / variant bits set, so n8n accepts it) derived from the workflow and node names. */
function stableId(workflowName, nodeName) {
	const h = crypto.createHash('sha256').update(`${workflowName}\u0000${nodeName}`).digest('hex');
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
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
const IDS = { 'OMS: Import Orders and Sync Stock': 'omsTpl01ImpSync0', 'OMS: Invoice and Shipment Write-Back': 'omsTpl02InvShip0', 'OMS: Nightly Maintenance': 'omsTpl03Nightly0', 'OMS: Oversold and Error Alerts': 'omsTpl04Alerts00', 'OMS: Webhook Import and Stock Sync': 'omsTpl05Webhook0' };
function wf(name, nodes, connections, extraSettings = {}) {
	for (const n of nodes) n.id = stableId(name, n.name);
	return { id: IDS[name], name, nodes, connections, settings: { executionOrder: 'v1', ...extraSettings }, pinData: {}, meta: { templateCredsSetupCompleted: false }, tags: [] };
}
function node(name, type, typeVersion, position, parameters, extra = {}) {
	return { id: '', name, type, typeVersion, position, parameters, ...extra };
}
function sticky(name, position, content, width = 420, height = 300, color = 7) {
	return node(name, 'n8n-nodes-base.stickyNote', 1, position, { content, width, height, color });
}
function link(conns, from, to, output = 0) {
	conns[from] ??= { main: [] };
	while (conns[from].main.length <= output) conns[from].main.push([]);
	conns[from].main[output].push({ node: to, type: 'main', index: 0 });
}
const trigger = (c, y) => node(`${CH[c].label} Orders`, P + CH[c].trigger, 1, [0, y], { pollTimes: POLL, options: {} }, { credentials: chCred(c) });
// Failed SKUs leave on the error output (index 1), so a failure is never an item inside a green run.
const pushStock = (c, pos, source = 'changedSinceLastPush') =>
	node(`Push Stock to ${CH[c].label}`, P + 'omsStatusSync', 1, pos,
		{ channel: c, operation: 'pushStock', source, safetyStock: 0, maxQuantity: 0, warehouse: 'default' },
		{ credentials: { ...STORE_CRED, ...chCred(c) }, onError: 'continueErrorOutput', ...(source === 'changedSinceLastPush' ? { executeOnce: true } : {}) });
const PUSH_FAILURE_TEXT = '"Stock of SKU " + ($json.sku || "?") + " was not published on " + ($json.channel || "the channel") + ": " + ($json.error ? $json.error.message : "unknown error") + ". The next push retries it."';
const PUSH_FAILURE_MESSAGE = `={{ ${PUSH_FAILURE_TEXT} }}`;
const apply = (pos, extra = {}) =>
	node('Apply Orders to Stock', P + 'omsStore', 1, pos, { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: STORE_CRED, ...extra });

/** Templates 1 and 5: intake nodes → Apply → Push Stock to every channel, with both error branches. */
function importAndSync(nodes, c, intakeName) {
	nodes.push(apply([320, 300], { onError: 'continueErrorOutput' }));
	CHANNELS.forEach((ch) => link(c, intakeName(ch), 'Apply Orders to Stock'));
	CHANNELS.forEach((ch, i) => { nodes.push(pushStock(ch, [640, i * 160], 'fromInput')); link(c, 'Apply Orders to Stock', `Push Stock to ${CH[ch].label}`, 0); });
	nodes.push(node('Report Malformed Order', 'n8n-nodes-base.stopAndError', 1, [640, 720], {
		errorMessage: '={{ "Order " + ($json.error.orderRef || "?") + " was not applied: " + $json.error.message + " (field: " + ($json.error.field || "?") + ")" }}',
	}));
	link(c, 'Apply Orders to Stock', 'Report Malformed Order', 1);
	nodes.push(node('Report Push Failure', 'n8n-nodes-base.stopAndError', 1, [960, 720], { errorMessage: PUSH_FAILURE_MESSAGE }));
	CHANNELS.forEach((ch) => link(c, `Push Stock to ${CH[ch].label}`, 'Report Push Failure', 1));
}

// 1) scheduled import → apply → push stock
{
	const nodes = [], c = {};
	CHANNELS.forEach((ch, i) => nodes.push(trigger(ch, i * 200)));
	importAndSync(nodes, c, (ch) => `${CH[ch].label} Orders`);
	nodes.push(sticky('About This Workflow', [-40, -420], [
		'## Import orders from every channel and keep stock in sync',
		'Every 15 minutes each channel trigger fetches new and changed orders.',
		'**Apply Orders to Stock** reserves the units as soon as an order arrives (even before payment), deducts them when the order is invoiced, and gives them back when it is cancelled.',
		'Then **Push Stock** sends the new available quantity of every changed product to every channel, so nothing is sold twice.',
		'',
		'**Set up:** create an *OMS Store* credential (SQLite is fine for one n8n) and one credential per channel. Delete the trigger and the push node of any channel you do not sell on. Then publish (activate) the workflow.',
	].join('\n'), 560, 380, 5));
	nodes.push(sticky('Note on Malformed Orders', [560, 640], '### Malformed orders\nAn order that cannot be read (no order id, no lines, a bad quantity…) is not applied; the others are. A line without a seller SKU is not malformed: the order is applied, that line is flagged *unmapped* and reserves nothing until its listing is linked to a SKU. This branch fails the run with the order and the field, so your **Error Workflow** (template 4, *Settings → Error workflow*) tells a person.', 400, 240, 3));
	nodes.push(sticky('Note on Push Settings', [560, -300], '### Push settings\nEach push sends the products the orders just changed. *Safety Stock* keeps a few units back on every channel; *Max Quantity* caps what a channel shows (0 = no cap). Use the same *Warehouse* as your stock counts.', 400, 220, 6));
	fs.writeFileSync(`${OUT}/01-multichannel-import-and-stock-sync.json`, JSON.stringify(wf('OMS: Import Orders and Sync Stock', nodes, c), null, '\t') + '\n');
}

// 2) invoice & shipment write-back
{
	const nodes = [], c = {};
	// Authenticated: whoever reaches the URL could otherwise post an order as invoiced or cancelled and move stock.
	nodes.push(node('Invoice or Shipment Received', 'n8n-nodes-base.webhook', 2, [0, 300], { httpMethod: 'POST', path: 'oms-invoice-shipment', authentication: 'headerAuth', responseMode: 'onReceived', options: {} }, { webhookId: 'a6c7f0c2-6a5d-4c1e-9f0e-0d6d3c0b5e11', credentials: { httpHeaderAuth: { name: 'OMS Webhook Secret' } } }));
	nodes.push(apply([260, 300]));
	link(c, 'Invoice or Shipment Received', 'Keep the Order Fields');
	nodes.push(node('Keep the Order Fields', 'n8n-nodes-base.set', 3.4, [130, 300], { mode: 'raw', jsonOutput: '={{ $json.body }}', options: {} }));
	nodes[1].position = [390, 300];
	link(c, 'Keep the Order Fields', 'Apply Orders to Stock');
	nodes.push(node('Which Channel?', 'n8n-nodes-base.switch', 3.2, [620, 300], {
		rules: { values: CHANNELS.map((ch) => ({
			conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions: [{ leftValue: '={{ $json.channel }}', rightValue: ch, operator: { type: 'string', operation: 'equals' } }], combinator: 'and' },
			renameOutput: true, outputKey: CH[ch].label,
		})) },
		options: {},
	}));
	link(c, 'Apply Orders to Stock', 'Back to the Order');
	nodes.push(node('Back to the Order', 'n8n-nodes-base.set', 3.4, [500, 300], { mode: 'raw', jsonOutput: "={{ $('Keep the Order Fields').item.json }}", options: {} }));
	nodes.find((n) => n.name === 'Which Channel?').position = [640, 300];
	link(c, 'Back to the Order', 'Which Channel?');
	CHANNELS.forEach((ch, i) => {
		// An order may be posted with its invoice only, or its tracking only: the step whose data is missing
		// answers with an error item and the run goes on to the next step.
		const inv = node(`Send Invoice to ${CH[ch].label}`, P + 'omsStatusSync', 1, [900, i * 180], { channel: ch, operation: 'pushInvoice', ...INVOICE_FIELDS, skipWithoutDocument: true }, { credentials: chCred(ch), onError: 'continueErrorOutput' });
		const shp = node(`Send Tracking to ${CH[ch].label}`, P + 'omsStatusSync', 1, [1140, i * 180], { channel: ch, operation: 'pushShipment', ...SHIPMENT_FIELDS, skipWithoutDocument: true }, { credentials: chCred(ch), onError: 'continueErrorOutput' });
		nodes.push(inv, shp);
		link(c, 'Which Channel?', inv.name, i);
		link(c, inv.name, shp.name);
		link(c, inv.name, 'Report Write-Back Failure', 1);
		link(c, shp.name, 'Report Write-Back Failure', 1);
	});
	nodes.push(node('Report Write-Back Failure', 'n8n-nodes-base.stopAndError', 1, [1400, 720], {
		errorMessage: '={{ "Order " + ($(\'Back to the Order\').item.json.channel || "?") + ":" + ($(\'Back to the Order\').item.json.channelOrderId || "?") + " was not updated on the channel: " + $json.error.message + ($json.error.field ? " (field: " + $json.error.field + ")" : "") }}',
	}));
	nodes.push(sticky('About This Workflow', [-40, -360], [
		'## Send invoices (NF-e) and tracking codes back to the channels',
		'Your ERP or invoicing system calls this workflow\'s **webhook URL** (POST, JSON) whenever an order is invoiced or shipped.',
		'The body is the order in the OMS format (as the channel triggers output it) with `status` `invoiced` or `shipped`, the `invoice` block (NF-e key, number, series, date) and/or `shipments` (carrier, tracking code).',
		'',
		'1. **Apply Orders to Stock** deducts the units for good.',
		'2. The order goes to its channel: the invoice is sent, then the tracking code. A post with only one of them skips the other step (its output says *skipped*). Post each document once: channels keep every invoice note or metafield they receive.',
		'3. A document the channel refuses (or a wrong NF-e key) fails the run in **Report Write-Back Failure**, so your Error workflow (template 4) tells a person.',
		'',
		'**Set up:** the same OMS Store credential as your import workflow, one credential per channel; remove the channels you do not use.',
		'**The webhook requires a secret header**: create a *Header Auth* credential (name e.g. `X-OMS-Secret`, value a long random string) and select it in the first node; your ERP sends that header with every post. A post without it is refused (403) and changes nothing.',
	].join('\n'), 600, 380, 5));
	fs.writeFileSync(`${OUT}/02-invoice-and-shipment-write-back.json`, JSON.stringify(wf('OMS: Invoice and Shipment Write-Back', nodes, c), null, '\t') + '\n');
}

// 3) nightly maintenance
{
	const nodes = [], c = {};
	nodes.push(node('Every Night at 3', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 300], { rule: { interval: [{ triggerAtHour: 3 }] } }));
	// First the catch-up: orders a failed run lost since yesterday are applied before anything is expired or pushed.
	CHANNELS.forEach((ch, i) => {
		nodes.push(node(`Re-Import Last 24 h from ${CH[ch].label}`, P + 'omsStatusSync', 1, [240, -700 + i * 160], { channel: ch, operation: 'reimportOrders', hoursBack: 24 }, { credentials: chCred(ch) }));
		link(c, 'Every Night at 3', `Re-Import Last 24 h from ${CH[ch].label}`);
		link(c, `Re-Import Last 24 h from ${CH[ch].label}`, 'Apply Re-Imported Orders');
	});
	nodes.push(node('Apply Re-Imported Orders', P + 'omsStore', 1, [520, -460], { resource: 'order', operation: 'apply', rules: { commitOn: 'invoiced' } }, { credentials: STORE_CRED, onError: 'continueErrorOutput' }));
	nodes.push(node('Compose Unreadable Order Alert', 'n8n-nodes-base.set', 3.4, [800, -360], { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: an order could not be applied", "text": "Order " + ($json.error.orderRef || "?") + ": " + $json.error.message + " (field: " + ($json.error.field || "?") + ")" } }}', options: {} }));
	link(c, 'Apply Re-Imported Orders', 'Compose Unreadable Order Alert', 1);
	link(c, 'Compose Unreadable Order Alert', 'Send Alert (Replace with Email or Chat)');
	nodes.push(node('Compose Push Failure Alert', 'n8n-nodes-base.set', 3.4, [1000, 940], { mode: 'raw', jsonOutput: `={{ { "subject": "OMS: stock not published", "text": ${PUSH_FAILURE_TEXT} } }}`, options: {} }));
	CHANNELS.forEach((ch) => link(c, `Push Stock to ${CH[ch].label}`, 'Compose Push Failure Alert', 1));
	link(c, 'Compose Push Failure Alert', 'Send Alert (Replace with Email or Chat)');
	nodes.push(node('Release Unpaid Reservations', P + 'omsStore', 1, [240, 300], { resource: 'reservation', operation: 'expire', expireBy: 'paymentMethod', paymentMethodRules: {} }, { credentials: STORE_CRED, alwaysOutputData: true }));
	nodes.push(node('Check Stock Figures', P + 'omsStore', 1, [480, 300], { resource: 'maintenance', operation: 'reconcile', repair: false }, { credentials: STORE_CRED, executeOnce: true }));
	link(c, 'Every Night at 3', 'Release Unpaid Reservations');
	link(c, 'Release Unpaid Reservations', 'Check Stock Figures');
	CHANNELS.forEach((ch, i) => { nodes.push(pushStock(ch, [760, i * 160])); link(c, 'Check Stock Figures', `Push Stock to ${CH[ch].label}`); });
	nodes.push(node('Differences Found?', 'n8n-nodes-base.if', 2.2, [760, 700], {
		conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 }, conditions: [{ leftValue: '={{ $json.drift.length }}', rightValue: 0, operator: { type: 'number', operation: 'gt' } }], combinator: 'and' },
		looseTypeValidation: true, options: {},
	}));
	link(c, 'Check Stock Figures', 'Differences Found?');
	nodes.push(node('Compose Drift Alert', 'n8n-nodes-base.set', 3.4, [1000, 700], { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: stock figures differ from the stock history", "text": "SKUs checked: " + $json.checkedSkus + "\\nDifferences: " + JSON.stringify($json.drift, null, 2) + "\\nRun Maintenance → Reconcile with Repair on after checking." } }}', options: {} }));
	nodes.push(node('Send Alert (Replace with Email or Chat)', 'n8n-nodes-base.noOp', 1, [1240, 700], {}));
	link(c, 'Differences Found?', 'Compose Drift Alert');
	link(c, 'Compose Drift Alert', 'Send Alert (Replace with Email or Chat)');
	nodes.push(sticky('About This Workflow', [-40, -320], [
		'## Nightly housekeeping',
		'0. **Re-Import Last 24 h** reads every order changed on each channel in the last day again and applies it: orders already in the stock change nothing; orders a failed run lost are reserved now. Use the same stock rules as your import workflow.',
		'1. **Release Unpaid Reservations**: orders still waiting for payment give their units back once their payment method\'s time has passed: pix 2 hours; cards, wallets and unknown methods 72 hours; boleto 4 business days (Monday to Friday, so a boleto from Friday is kept until Thursday ends; holidays are not counted: add days around them). Change a method in the node\'s *Rules*.',
		'2. **Check Stock Figures** compares the stock numbers with the stock history. It only reports; nothing is changed.',
		'3. **Push Stock** re-sends every product whose stock changed since the last push (a safety net if a channel was down).',
		'4. If differences are found, a person is told: replace the last node with *Send Email*, *Slack* or *Telegram*.',
	].join('\n'), 600, 320, 5));
	fs.writeFileSync(`${OUT}/03-nightly-maintenance.json`, JSON.stringify(wf('OMS: Nightly Maintenance', nodes, c), null, '\t') + '\n');
}

// 4) oversold / error alert
{
	const nodes = [], c = {};
	nodes.push(node('Every 15 Minutes', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 200], { rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } }));
	nodes.push(node('Stock of All Products', P + 'omsStore', 1, [240, 200], { resource: 'stock', operation: 'getAvailability', scope: 'all', warehouse: '' }, { credentials: STORE_CRED }));
	nodes.push(node('Oversold Only', 'n8n-nodes-base.filter', 2.2, [480, 200], {
		conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 }, conditions: [{ leftValue: '={{ $json.available }}', rightValue: 0, operator: { type: 'number', operation: 'lt' } }], combinator: 'and' },
		looseTypeValidation: true, options: {},
	}));
	nodes.push(node('Compose Oversold Alert', 'n8n-nodes-base.set', 3.4, [720, 200], { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: oversold " + $json.sku, "text": "SKU " + $json.sku + " (warehouse " + $json.warehouse + ") is oversold: available " + $json.available + ", on hand " + $json.onHand + ", reserved " + $json.reserved + ". Buy or move stock, or cancel an order." } }}', options: {} }, { executeOnce: false }));
	nodes.push(node('When Another Workflow Fails', 'n8n-nodes-base.errorTrigger', 1, [0, 520], {}));
	nodes.push(node('Compose Error Alert', 'n8n-nodes-base.set', 3.4, [720, 520], { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: workflow " + $json.workflow.name + " failed", "text": ($json.execution.error && $json.execution.error.message) + "\\nNode: " + $json.execution.lastNodeExecuted + "\\nExecution: " + ($json.execution.url || $json.execution.id) } }}', options: {} }));
	nodes.push(node('Send Alert (Replace with Email or Chat)', 'n8n-nodes-base.noOp', 1, [980, 360], {}));
	link(c, 'Every 15 Minutes', 'Stock of All Products');
	link(c, 'Stock of All Products', 'Oversold Only');
	link(c, 'Oversold Only', 'Compose Oversold Alert');
	link(c, 'Compose Oversold Alert', 'Send Alert (Replace with Email or Chat)');
	link(c, 'When Another Workflow Fails', 'Compose Error Alert');
	link(c, 'Compose Error Alert', 'Send Alert (Replace with Email or Chat)');
	nodes.push(sticky('About This Workflow', [-40, -300], [
		'## Tell a person when something needs attention',
		'**Oversold:** every 15 minutes the stock of every product is checked. Marketplaces cannot refuse an order, so a product can go below zero; each one found becomes an alert.',
		'**Errors:** open your other OMS workflows, *Settings → Error workflow*, and pick this one. A malformed order (the import workflow names the order and the field) or a channel that keeps failing then becomes an alert too.',
		'',
		'**Set up:** replace **Send Alert** with *Send Email*, *Slack*, *Microsoft Teams* or *Telegram*, and use `subject` and `text` from the previous node.',
	].join('\n'), 600, 300, 5));
	fs.writeFileSync(`${OUT}/04-oversold-and-error-alerts.json`, JSON.stringify(wf('OMS: Oversold and Error Alerts', nodes, c), null, '\t') + '\n');
}

// 5) webhook import → apply → push stock (template 1 with webhook triggers; template 1 stays as the reconciler)
{
	const nodes = [], c = {};
	// Fixed webhook ids: the Production URL (…/webhook/<id>/webhook) must not change when the file is regenerated.
	const HOOK_IDS = { mercadolivre: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a01', shopify: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a02', woocommerce: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a03', nuvemshop: '5f0c8a61-3d2e-4b7a-9c41-0e6d2b8f7a04' };
	const hook = (ch) => `${CH[ch].label} Order Webhook`;
	CHANNELS.forEach((ch, i) => nodes.push(node(hook(ch), P + 'omsWebhookTrigger', 1, [0, i * 200], { channel: ch, options: {} }, { webhookId: HOOK_IDS[ch], credentials: { ...STORE_CRED, ...chCred(ch) } })));
	importAndSync(nodes, c, hook);
	nodes.push(sticky('About This Workflow', [-40, -460], [
		'## Orders by webhook: the sale on every channel within seconds',
		'Each **Order Webhook** node receives its channel\'s order notifications, checks the signature (a forged one gets 401 and changes nothing), answers the channel at once and reads the order. **Apply Orders to Stock** reserves, deducts or releases the units, and **Push Stock** sends the new quantity to every channel.',
		'',
		'**Set up:** the OMS Store credential and one credential per channel, with its webhook secret (Shopify *App Client Secret*, Nuvemshop *App Secret*; WooCommerce derives one if left empty). On publish (activate) the nodes register their webhooks on Shopify, WooCommerce and Nuvemshop, and remove them when unpublished. Mercado Livre: paste the node\'s Production URL into your application as *Notifications Callback URL*, topic `orders_v2`. n8n must be reachable over HTTPS (set `WEBHOOK_URL`). Delete the nodes of any channel you do not sell on.',
	].join('\n'), 600, 420, 5));
	nodes.push(sticky('Note on Reconciling', [-40, 820], '### Keep template 1 running as the reconciler\nWebhooks get lost (a channel that gave up retrying, n8n down for a restart, a WooCommerce webhook disabled after failed deliveries). Keep **OMS: Import Orders and Sync Stock** (template 1) published too, with each trigger\'s *Poll Times* set to every **30 to 60 minutes**: it picks up every order a webhook missed. An order that arrives both ways is applied once.', 600, 240, 4));
	nodes.push(sticky('Note on Malformed Orders', [560, 860], '### Malformed orders and refused pushes\nAn order that cannot be read (no id, no lines) and a SKU a channel refused fail the run in the *Report* nodes, so your **Error Workflow** (template 4) tells a person. A push that failed is retried by later pushes.', 400, 200, 3));
	fs.writeFileSync(`${OUT}/05-webhook-import-and-stock-sync.json`, JSON.stringify(wf('OMS: Webhook Import and Stock Sync', nodes, c), null, '\t') + '\n');
}
