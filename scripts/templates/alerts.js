// 4) oversold, low-stock and error alerts
const { at, node, note, link } = require('../lib/template-kit');

module.exports = function alerts({ P, STORE_CRED, save }) {
	const nodes = [], c = {};
	const SEND = 'Send Alert (Replace with Email or Chat)';
	nodes.push(node('Every 15 Minutes', 'n8n-nodes-base.scheduleTrigger', 1.2, at(0, 0), { rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } }));
	nodes.push(node('Stock of All Products', P + 'omsStore', 1, at(1, 0), { resource: 'stock', operation: 'getAvailability', scope: 'all', warehouse: '' }, { credentials: STORE_CRED }));
	nodes.push(node('Oversold Only', 'n8n-nodes-base.filter', 2.2, at(2, 0), {
		conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 }, conditions: [{ leftValue: '={{ $json.available }}', rightValue: 0, operator: { type: 'number', operation: 'lt' } }], combinator: 'and' },
		looseTypeValidation: true, options: {},
	}));
	nodes.push(node('Compose Oversold Alert', 'n8n-nodes-base.set', 3.4, at(3, 0), { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: oversold " + $json.sku, "text": "SKU " + $json.sku + " (warehouse " + $json.warehouse + ") is oversold: available " + $json.available + ", on hand " + $json.onHand + ", reserved " + $json.reserved + ". Buy or move stock, or cancel an order." } }}', options: {} }, { executeOnce: false }));
	nodes.push(node('When Another Workflow Fails', 'n8n-nodes-base.errorTrigger', 1, at(0, 2), {}));
	nodes.push(node('Compose Error Alert', 'n8n-nodes-base.set', 3.4, at(3, 2), { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: workflow " + $json.workflow.name + " failed", "text": ($json.execution.error && $json.execution.error.message) + "\\nNode: " + $json.execution.lastNodeExecuted + "\\nExecution: " + ($json.execution.url || $json.execution.id) } }}', options: {} }));
	nodes.push(node(SEND, 'n8n-nodes-base.noOp', 1, at(4, 1), {}));
	link(c, 'Every 15 Minutes', 'Stock of All Products');
	link(c, 'Stock of All Products', 'Oversold Only');
	link(c, 'Oversold Only', 'Compose Oversold Alert');
	link(c, 'Compose Oversold Alert', SEND);
	// Low stock: one threshold for every SKU, and per-SKU ones where a product sells faster.
	nodes.push(node('Low Stock', P + 'omsStore', 1, at(1, 1), { resource: 'stock', operation: 'lowStock', threshold: 5, perSku: {}, warehouse: '', includeOversold: false }, { credentials: STORE_CRED }));
	nodes.push(node('Compose Low-Stock Alert', 'n8n-nodes-base.set', 3.4, at(3, 1), { mode: 'raw', jsonOutput: '={{ { "subject": "OMS: low stock " + $json.sku, "text": "SKU " + $json.sku + " (warehouse " + $json.warehouse + ") has " + $json.available + " unit(s) available, below its threshold of " + $json.threshold + " (on hand " + $json.onHand + ", reserved " + $json.reserved + "). Restock " + $json.missing + " or more." } }}', options: {} }));
	link(c, 'Every 15 Minutes', 'Low Stock');
	link(c, 'Low Stock', 'Compose Low-Stock Alert');
	link(c, 'Compose Low-Stock Alert', SEND);
	link(c, 'When Another Workflow Fails', 'Compose Error Alert');
	link(c, 'Compose Error Alert', SEND);
	const notes = [note('About This Workflow', {
		pt: [
			'## Avisar uma pessoa quando algo precisa de atenção',
			'**Vendido além do estoque:** a cada 15 minutos o estoque de todos os produtos é conferido. Marketplaces não podem recusar um pedido, então um produto pode ficar abaixo de zero; cada um encontrado vira um alerta.',
			'**Estoque baixo:** **Low Stock** avisa quando o disponível de um SKU fica abaixo do limite: *Threshold* vale para todos os SKUs, *Per-SKU Thresholds* dá a um SKU o seu próprio limite (0 desliga o aviso desse SKU). O aviso se repete a cada verificação enquanto o estoque estiver baixo.',
			'**Erros:** abra os seus outros workflows do OMS, *Settings → Error workflow*, e escolha este. Um pedido malformado (o workflow de importação diz o pedido e o campo) ou um canal que continua falhando também vira um alerta.',
			'',
			'**Configuração:** troque **Send Alert** por *Send Email*, *Slack*, *Microsoft Teams* ou *Telegram*, e use `subject` e `text` do nó anterior.',
		].join('\n'),
		en: [
			'## Tell a person when something needs attention',
			'**Oversold:** every 15 minutes the stock of every product is checked. Marketplaces cannot refuse an order, so a product can go below zero; each one found becomes an alert.',
			'**Low stock:** **Low Stock** warns when a SKU\'s available falls below its threshold: *Threshold* applies to every SKU, *Per-SKU Thresholds* gives a SKU its own (0 turns that SKU\'s warning off). The warning repeats at every check while the stock stays low.',
			'**Errors:** open your other OMS workflows, *Settings → Error workflow*, and pick this one. A malformed order (the import workflow names the order and the field) or a channel that keeps failing then becomes an alert too.',
			'',
			'**Set up:** replace **Send Alert** with *Send Email*, *Slack*, *Microsoft Teams* or *Telegram*, and use `subject` and `text` from the previous node.',
		].join('\n'),
	}, 1200, 5)];
	save('04-oversold-and-error-alerts.json', 'OMS: Oversold and Error Alerts', nodes, notes, c);
};
