// 8) "Pergunte ao OMS": chat → AI Agent with the OMS Store's read operations as tools
const { at, node, note, linkAi, writeWorkflow } = require('../lib/template-kit');

const LC = '@n8n/n8n-nodes-langchain.';
const fromAi = (key, what, type = 'string') => `={{ $fromAI('${key}', '${what}', '${type}') }}`;

module.exports = function askOms({ P, STORE_CRED }) {
	const nodes = [], c = {};
	const AGENT = 'OMS Assistant';
	nodes.push(node('When a Question Arrives', LC + 'chatTrigger', 1.1, at(0, 0), { options: {} }, { webhookId: '3b9c2f1e-6a4d-4f0b-8e27-5c1d7a9f0e07' }));
	nodes.push(node(AGENT, LC + 'agent', 2.2, at(1, 0), {
		options: {
			systemMessage: [
				'Você é o assistente do OMS (sistema de pedidos e estoque) de uma loja que vende em vários canais.',
				'Responda em português, curto e com números. Use sempre as ferramentas para ler estoque e pedidos; nunca invente números.',
				'"Disponível" = em estoque menos reservado. Dinheiro em reais: R$ 1.234,56.',
				'Você só consulta: não altera estoque nem pedidos. Se pedirem uma alteração, explique o que fazer e peça a uma pessoa.',
			].join('\n'),
		},
	}));
	link2(c, 'When a Question Arrives', AGENT);
	nodes.push(node('Chat Model', LC + 'lmChatOpenAi', 1.2, at(0, 1), { model: { __rl: true, value: 'gpt-4o-mini', mode: 'list', cachedResultName: 'gpt-4o-mini' }, options: {} }, { credentials: { openAiApi: { name: 'OpenAI account' } } }));
	linkAi(c, 'Chat Model', AGENT, 'ai_languageModel');
	nodes.push(node('Conversation Memory', LC + 'memoryBufferWindow', 1.3, at(1, 1), {}));
	linkAi(c, 'Conversation Memory', AGENT, 'ai_memory');
	const tools = [
		['Stock of SKUs', 'Quanto há em estoque, reservado e disponível de um ou mais SKUs. Answers on hand, reserved and available per SKU and warehouse. Changes nothing.',
			{ resource: 'stock', operation: 'getAvailability', scope: 'list', skus: fromAi('skus', 'SKUs separated by commas'), warehouse: '' }],
		['Find Orders', 'Lista pedidos por canal, situação (pending_payment, paid, invoiced, shipped, delivered, cancelled, returned) e idade. E.g. paid orders not invoiced yet: status paid. Changes nothing.',
			{ resource: 'order', operation: 'list', filters: { channel: fromAi('channel', 'channel id such as shopify, or empty for all'), status: fromAi('statuses', 'statuses as a list, e.g. ["paid"]', 'json'), olderThanHours: fromAi('olderThanHours', 'only orders older than this many hours, 0 for any', 'number') }, limit: 50 }],
		['Get One Order', 'Um pedido pela chave channel:account:orderId: situação, o que reserva, quando chegou e se está marcado. Changes nothing.',
			{ resource: 'order', operation: 'get', orderKey: fromAi('orderKey', 'order key channel:account:channelOrderId') }],
		['Low Stock', 'SKUs com disponível abaixo do limite informado, com quantas unidades faltam. Changes nothing.',
			{ resource: 'stock', operation: 'lowStock', threshold: fromAi('threshold', 'alert when available is below this', 'number'), perSku: {}, warehouse: '', includeOversold: true }],
		['What Channels Show', 'O valor de estoque publicado em cada canal por SKU, quando, se está desatualizado e envios que falharam. Changes nothing.',
			{ resource: 'stock', operation: 'pushStatus', filters: { sku: fromAi('sku', 'one SKU, or empty for all') }, limit: 100 }],
		['Dashboard Figures', 'Resumo: pedidos em aberto por situação e idade, SKUs vendidos além do estoque, anúncios sem SKU, pedidos por canal por dia, tempos até faturar e enviar, cancelamentos, pedidos atrasados. Changes nothing.',
			{ resource: 'report', operation: 'dashboard', output: 'data', days: 14, handlingHours: 48 }],
	];
	tools.forEach(([name, description, parameters], i) => {
		nodes.push(node(name, P + 'omsStoreTool', 1, at(2 + i, 1), { descriptionType: 'manual', toolDescription: description, ...parameters }, { credentials: STORE_CRED }));
		linkAi(c, name, AGENT, 'ai_tool');
	});
	const notes = [note('About This Workflow', {
		pt: [
			'## Pergunte ao OMS',
			'Pergunte em português no chat do n8n: *"quanto tenho disponível do SKU CAMISA-M?"*, *"quais pedidos pagos ainda não foram faturados?"*, *"o que está com estoque baixo?"*. O agente responde lendo o estoque com as ferramentas do **OMS Store**.',
			'As ferramentas só leem. As operações que mexem no estoque (aplicar pedidos, contar, ajustar, liberar reservas, reparar) recusam rodar quando chamadas por um agente, a não ser que você ligue *Allow Stock Changes* na ferramenta — faça isso só com a ferramenta ligada por um passo de **Human review** do n8n, para que uma pessoa aprove cada chamada.',
			'',
			'**Configuração:** a credencial OMS Store; uma credencial do modelo de chat (ou troque **Chat Model** por outro modelo). Abra o chat pelo botão *Open chat* ou publique o workflow para usar a URL pública do chat.',
		].join('\n'),
		en: [
			'## Ask the OMS',
			'Ask in plain words in n8n\'s chat: *"how many CAMISA-M do I have available?"*, *"which paid orders are not invoiced yet?"*, *"what is running low?"*. The agent answers by reading the stock with the **OMS Store** tools.',
			'The tools only read. The operations that move stock (apply orders, count, adjust, release reservations, repair) refuse to run when an agent calls them, unless you turn on *Allow Stock Changes* on the tool — do that only with the tool connected through an n8n **Human review** step, so a person approves every call.',
			'',
			'**Set up:** the OMS Store credential; a chat model credential (or replace **Chat Model** with another model). Open the chat with the *Open chat* button, or publish the workflow to use its public chat URL.',
		].join('\n'),
	}, 1300, 5)];
	writeWorkflow('08-ask-the-oms.json', 'omsTpl08Agente00', 'OMS: Pergunte ao OMS (Ask the OMS)', nodes, notes, c);
};

function link2(conns, from, to) {
	conns[from] ??= { main: [] };
	(conns[from].main[0] ??= []).push({ node: to, type: 'main', index: 0 });
}
