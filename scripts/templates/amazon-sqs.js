// 6) Amazon ORDER_CHANGE notifications from an SQS queue → read the order → apply → push stock → delete messages
const { at, node, note, link, chain } = require('../lib/template-kit');

// SQS's JSON protocol (AWS JSON 1.0): POST to the queue's regional endpoint with X-Amz-Target, signed by n8n's
// AWS credential. The queue URL is set once, in "Queue Settings".
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/sp-api-order-change';
const ENDPOINT = "={{ $('Queue Settings').first().json.queueUrl.split('/').slice(0, 3).join('/') + '/' }}";
const sqs = (name, pos, target, body, extra = {}) =>
	node(name, 'n8n-nodes-base.httpRequest', 4.2, pos, {
		method: 'POST',
		url: ENDPOINT,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'aws',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'X-Amz-Target', value: `AmazonSQS.${target}` }] },
		sendBody: true,
		contentType: 'raw',
		rawContentType: 'application/x-amz-json-1.0',
		body,
		// SQS answers application/x-amz-json-1.0: read it as JSON.
		options: { response: { response: { responseFormat: 'json' } } },
	}, { credentials: { aws: { name: 'AWS account' } }, ...extra });

/** The SQS message (Body = the notification JSON, as Amazon puts it in the queue) → what the next nodes use. */
const READ_NOTIFICATION =
	'={{ { "messageId": $json.MessageId, "receiptHandle": $json.ReceiptHandle, "notificationType": JSON.parse($json.Body).NotificationType, ' +
	'"amazonOrderId": ((JSON.parse($json.Body).Payload || {}).OrderChangeNotification || {}).AmazonOrderId || "", ' +
	'"orderChangeType": ((JSON.parse($json.Body).Payload || {}).OrderChangeNotification || {}).OrderChangeType || "" } }}';

const DELETE_BODY =
	"={{ JSON.stringify({ QueueUrl: $('Queue Settings').first().json.queueUrl, Entries: $('Read Notification').all().map((m, i) => ({ Id: String(i), ReceiptHandle: m.json.receiptHandle })) }) }}";

module.exports = function amazonSqs({ P, STORE_CRED, save, CH, CHANNELS, pushStock, apply, PUSH_FAILURE_MESSAGE }) {
	const nodes = [], c = {};
	const AMAZON = { sellerId: '', marketplaceIds: 'A2Q3Y263D00KWC' };
	const AMAZON_CRED = { amazonSpApi: { name: 'Amazon account' } };
	nodes.push(node('Every Minute', 'n8n-nodes-base.scheduleTrigger', 1.2, at(0, 1.5), { rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] } }));
	nodes.push(node('Queue Settings', 'n8n-nodes-base.set', 3.4, at(1, 1.5), { mode: 'raw', jsonOutput: JSON.stringify({ queueUrl: QUEUE_URL }), options: {} }));
	nodes.push(sqs('Receive Notifications (SQS)', at(2, 1.5), 'ReceiveMessage',
		"={{ JSON.stringify({ QueueUrl: $json.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 5, VisibilityTimeout: 300 }) }}"));
	nodes.push(node('One Item per Message', 'n8n-nodes-base.splitOut', 1, at(3, 1.5), { fieldToSplitOut: 'Messages', options: {} }));
	nodes.push(node('Read Notification', 'n8n-nodes-base.set', 3.4, at(4, 1.5), { mode: 'raw', jsonOutput: READ_NOTIFICATION, options: {} }));
	nodes.push(node('ORDER_CHANGE Only', 'n8n-nodes-base.filter', 2.2, at(5, 1.5), {
		conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions: [{ leftValue: '={{ $json.notificationType }}', rightValue: 'ORDER_CHANGE', operator: { type: 'string', operation: 'equals' } }], combinator: 'and' },
		options: {},
	}));
	nodes.push(node('Read the Amazon Order', P + 'omsStatusSync', 1, at(6, 1.5), { channel: 'amazon', operation: 'getChannelOrder', channelOrderId: '={{ $json.amazonOrderId }}', ...AMAZON }, { credentials: AMAZON_CRED }));
	nodes.push(apply(at(7, 1.5), { onError: 'continueErrorOutput' }));
	const targets = [...CHANNELS, 'amazon'];
	targets.forEach((ch, i) => {
		const push = ch === 'amazon'
			? node('Push Stock to Amazon', P + 'omsStatusSync', 1, at(8, i), { channel: 'amazon', operation: 'pushStock', source: 'fromInput', safetyStock: 0, maxQuantity: 0, warehouse: 'default', ...AMAZON }, { credentials: { ...STORE_CRED, ...AMAZON_CRED }, onError: 'continueErrorOutput' })
			: pushStock(ch, at(8, i), 'fromInput');
		nodes.push(push);
		link(c, 'Apply Orders to Stock', push.name, 0);
		link(c, push.name, 'Report Push Failure', 1);
	});
	// After the pushes (below them: n8n runs branches top to bottom) and only when the orders reached the store.
	nodes.push(sqs('Delete Handled Messages (SQS)', at(8, targets.length + 0.5), 'DeleteMessageBatch', DELETE_BODY, { executeOnce: true }));
	link(c, 'Apply Orders to Stock', 'Delete Handled Messages (SQS)', 0);
	nodes.push(node('Report Malformed Order', 'n8n-nodes-base.stopAndError', 1, at(8, targets.length + 1.5), {
		errorMessage: '={{ "Order " + ($json.error.orderRef || "?") + " was not applied: " + $json.error.message + " (field: " + ($json.error.field || "?") + ")" }}',
	}));
	link(c, 'Apply Orders to Stock', 'Report Malformed Order', 1);
	nodes.push(node('Report Push Failure', 'n8n-nodes-base.stopAndError', 1, at(9, 2), { errorMessage: PUSH_FAILURE_MESSAGE }));
	chain(c, 'Every Minute', 'Queue Settings', 'Receive Notifications (SQS)', 'One Item per Message', 'Read Notification', 'ORDER_CHANGE Only', 'Read the Amazon Order', 'Apply Orders to Stock');
	const notes = [
		note('About This Workflow', {
			pt: [
				'## Pedidos da Amazon em segundos, pela fila SQS',
				'A Amazon não chama webhooks: ela põe uma notificação **ORDER_CHANGE** numa fila **Amazon SQS** sua a cada mudança de pedido. A cada minuto este workflow lê até 10 mensagens da fila, lê cada pedido na Amazon (**Get Channel Order**), aplica no estoque, envia o novo estoque para todos os canais e só então apaga as mensagens da fila. Uma mensagem que não foi apagada (o n8n caiu, a Amazon não respondeu) volta à fila após 5 minutos e é lida de novo; um pedido aplicado duas vezes não muda nada.',
				'',
				'**Configuração:** (1) crie uma fila SQS padrão só para ORDER_CHANGE, dê permissão de envio à Amazon e assine a notificação (Notifications API: *createDestination* + *createSubscription*); (2) crie uma credencial **AWS** do n8n com uma chave que possa `sqs:ReceiveMessage` e `sqs:DeleteMessage` nessa fila, na região da fila; (3) em **Queue Settings** cole a URL da fila; (4) nos nós da Amazon informe o Seller ID e os marketplaces; (5) credencial OMS Store e uma por canal. Mantenha o gatilho de pedidos da Amazon (modelo 1) a cada 30 a 60 minutos como conciliador.',
			].join('\n'),
			en: [
				'## Amazon orders within seconds, through the SQS queue',
				'Amazon does not call webhooks: it puts an **ORDER_CHANGE** notification in an **Amazon SQS** queue of yours whenever an order changes. Every minute this workflow reads up to 10 messages from the queue, reads each order from Amazon (**Get Channel Order**), applies it to the stock, sends the new stock to every channel, and only then deletes the messages. A message that was not deleted (n8n went down, Amazon did not answer) comes back after 5 minutes and is read again; an order applied twice changes nothing.',
				'',
				'**Set up:** (1) create a standard SQS queue for ORDER_CHANGE only, allow Amazon to send to it and subscribe the notification (Notifications API: *createDestination* + *createSubscription*); (2) create an n8n **AWS** credential with a key that may `sqs:ReceiveMessage` and `sqs:DeleteMessage` on that queue, in the queue\'s region; (3) paste the queue URL into **Queue Settings**; (4) fill in the Seller ID and marketplaces in the Amazon nodes; (5) the OMS Store credential and one per channel. Keep the Amazon orders trigger (template 1) every 30 to 60 minutes as the reconciler.',
			].join('\n'),
		}, 1300, 5),
		note('Note on Failures', {
			pt: '### Falhas\nSe a Amazon não entrega um pedido (erro, limite de requisições), a execução falha antes de apagar as mensagens: elas voltam à fila e são tentadas de novo; configure uma *dead-letter queue* na SQS para as que falham sempre. Um pedido malformado e um estoque recusado fazem a execução falhar nos nós *Report*, e o seu Error workflow (modelo 4) avisa uma pessoa.',
			en: '### Failures\nIf Amazon does not return an order (an error, a rate limit), the run fails before the messages are deleted: they go back to the queue and are tried again; give the queue a *dead-letter queue* for those that keep failing. A malformed order and a refused push fail the run in the *Report* nodes, so your Error workflow (template 4) tells a person.',
		}, 620, 3),
	];
	save('06-amazon-sqs-order-sync.json', 'OMS: Amazon Orders from SQS', nodes, notes, c);
};
