// 9) link unlinked listings: a form lists every listing orders wait for, a person types or picks the SKU, the links reserve and publish
const { at, node, note, link, chain } = require('../lib/template-kit');

/** Most listings one form shows (List Unlinked's limit): the form says so when more may wait. */
const LISTINGS_PER_FORM = 50;

/** The form page's fields, one per waiting listing (labels unique: they name the listing), and the listings in the same order. */
const BUILD_FORM = `const listings = $('Unlinked Listings').all().map((i) => i.json).filter((l) => l.listingId);
const more = listings.length >= ${LISTINGS_PER_FORM} ? ' Only the first ${LISTINGS_PER_FORM} listings waiting are shown: link them, then open the form again for the rest.' : '';
const skus = [...new Set($('Known SKUs').all().map((i) => i.json.sku).filter(Boolean))];
const PICK = '(pick a SKU)';
const pickable = skus.length > 0 && skus.length <= 200; // a longer list is no help in a drop-down: typed only
const label = (l) => (l.title || 'Listing') + ' — ' + l.channel + ' ' + l.account + ', listing ' + l.listingId + (l.variantId ? ' variant ' + l.variantId : '') +
  ': ' + l.quantity + ' unit(s) waiting in ' + l.orders.length + ' order(s)';
const pickLabel = (l) => '… or pick the SKU of listing ' + l.listingId + (l.variantId ? ' variant ' + l.variantId : '') + ' (' + l.channel + ' ' + l.account + ')';
const fields = listings.length
  ? listings.flatMap((l) => [
      { fieldLabel: label(l), fieldType: 'text', placeholder: 'Type the SKU (leave empty to skip)', requiredField: false },
      ...(pickable ? [{ fieldLabel: pickLabel(l), fieldType: 'dropdown', fieldOptions: { values: [PICK, ...skus].map((option) => ({ option })) }, requiredField: false }] : []),
    ])
  : [{ fieldLabel: 'Nothing waits for a link', fieldType: 'text', placeholder: 'Submit to close', requiredField: false }];
const description = !listings.length
  ? 'No order waits for a listing to be linked.'
  : pickable
    ? 'Type the SKU each listing sells, or pick it from the list under it (a typed SKU wins; leave both empty to skip the listing).'
    : 'Type the SKU each listing sells (leave a line empty to skip it). Your SKUs: ' + (skus.length ? skus.slice(0, 200).join(', ') + (skus.length > 200 ? ', …' : '') : 'none counted yet');
return [{ json: { fields, description: description + more, pick: PICK, listings: listings.map((l) => ({ label: label(l), pickLabel: pickable ? pickLabel(l) : null, channel: l.channel, account: l.account, listingId: l.listingId, variantId: l.variantId, title: l.title })) } }];`;

/** One item per answered listing; an empty item when nothing was typed (so the form still gets its closing page). */
const ONE_LINK_PER_ANSWER = `const { listings, pick } = $('Build the Form').first().json;
const answers = $input.first().json;
const picked = (l) => (l.pickLabel && answers[l.pickLabel] !== pick ? String(answers[l.pickLabel] ?? '').trim() : '');
const links = listings
  .map((l) => ({ ...l, sku: String(answers[l.label] ?? '').trim() || picked(l) }))
  .filter((l) => l.sku !== '')
  .map(({ label, pickLabel, ...l }) => ({ json: l }));
return links.length ? links : [{ json: { nothingTyped: true } }];`;

module.exports = function linkListings({ P, STORE_CRED, save, pushStock, CHANNELS, CH, PUSH_FAILURE_MESSAGE }) {
	const nodes = [], c = {};
	nodes.push(node('Open the Link Form', 'n8n-nodes-base.formTrigger', 2.2, at(0, 1), {
		formTitle: 'Link listings to SKUs',
		formDescription: 'Shows every channel listing that orders name without a SKU of yours. Leave the channel empty to see all.',
		formFields: { values: [{ fieldLabel: 'Channel', placeholder: 'e.g. mercadolivre (optional)' }] },
		options: { path: 'oms-link-listings' },
	}, { webhookId: 'oms-link-listings' }));
	nodes.push(node('Unlinked Listings', P + 'omsStore', 1, at(1, 1), { resource: 'catalog', operation: 'listUnlinked', filters: { channel: '={{ $json.Channel }}' }, limit: LISTINGS_PER_FORM }, { credentials: STORE_CRED, alwaysOutputData: true }));
	nodes.push(node('Known SKUs', P + 'omsStore', 1, at(2, 1), { resource: 'stock', operation: 'getAvailability', scope: 'all', warehouse: '' }, { credentials: STORE_CRED, executeOnce: true, alwaysOutputData: true }));
	nodes.push(node('Build the Form', 'n8n-nodes-base.code', 2, at(3, 1), { jsCode: BUILD_FORM }));
	nodes.push(node('Type the SKUs', 'n8n-nodes-base.form', 2.3, at(4, 1), {
		operation: 'page', defineForm: 'json', jsonOutput: '={{ JSON.stringify($json.fields) }}',
		options: { formTitle: 'Link listings to SKUs', formDescription: '={{ $json.description }}', buttonLabel: 'Link' },
	}));
	nodes.push(node('One Link per Answer', 'n8n-nodes-base.code', 2, at(5, 1), { jsCode: ONE_LINK_PER_ANSWER }));
	nodes.push(node('Link Listings', P + 'omsStore', 1, at(6, 1), {
		resource: 'catalog', operation: 'linkListing',
		channel: '={{ $json.channel }}', account: '={{ $json.account }}', listingId: '={{ $json.listingId }}', variantId: '={{ $json.variantId }}', sku: '={{ $json.sku }}',
		options: { title: '={{ $json.title }}' },
	}, { credentials: STORE_CRED, onError: 'continueRegularOutput' }));
	nodes.push(node('Done', 'n8n-nodes-base.form', 2.3, at(7, 0), {
		operation: 'completion', respondWith: 'text', completionTitle: 'Listings linked',
		completionMessage: `={{ (() => { const r = $('Link Listings').all().map((i) => i.json); const ok = r.filter((x) => x.outcome === 'linked' || x.outcome === 'unchanged'); const orders = ok.reduce((n, x) => n + (x.orders || []).length, 0); const bad = r.filter((x) => x.error && !$('One Link per Answer').first().json.nothingTyped); return ok.length + ' listing(s) linked; ' + orders + ' waiting order(s) now hold their stock.' + (bad.length ? ' Not linked: ' + bad.map((x) => x.error.message).join('; ') : ''); })() }}`,
	}, { executeOnce: true }));
	nodes.push(node('Linked Only', 'n8n-nodes-base.filter', 2.2, at(7, 2), {
		conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 }, conditions: [{ leftValue: '={{ $json.outcome }}', rightValue: 'linked', operator: { type: 'string', operation: 'equals' } }], combinator: 'and' },
		looseTypeValidation: true, options: {},
	}));
	chain(c, 'Open the Link Form', 'Unlinked Listings', 'Known SKUs', 'Build the Form', 'Type the SKUs', 'One Link per Answer', 'Link Listings', 'Done');
	link(c, 'Link Listings', 'Linked Only');
	CHANNELS.forEach((ch, i) => { nodes.push(pushStock(ch, at(8, i + 1), 'fromInput')); link(c, 'Linked Only', `Push Stock to ${CH[ch].label}`); });
	nodes.push(node('Report Push Failure', 'n8n-nodes-base.stopAndError', 1, at(9, 2.5), { errorMessage: PUSH_FAILURE_MESSAGE }));
	CHANNELS.forEach((ch) => link(c, `Push Stock to ${CH[ch].label}`, 'Report Push Failure', 1));
	const notes = [note('About This Workflow', {
		pt: [
			'## Vincular anúncios sem SKU aos seus produtos',
			'Muitos anúncios não têm o SKU do vendedor. A linha de um pedido desses entra no OMS marcada `unmapped` e não reserva nada até o anúncio ser vinculado a um SKU.',
			'Abra a **URL de produção do formulário** (primeiro nó). A segunda página mostra cada anúncio que pedidos em aberto esperam, com o título, as unidades e os pedidos. Digite o SKU de cada um, ou escolha-o na lista logo abaixo (com até 200 SKUs; o digitado vale), ou deixe vazio para pular, e clique em **Link**.',
			'O vínculo reserva na hora (ou baixa, se o pedido já foi faturado) as unidades dos pedidos que esperavam, uma única vez, e **Push Stock** publica o novo disponível nos canais. Pedidos futuros desse anúncio usam o SKU vinculado.',
			'Um anúncio já vinculado a outro SKU não muda: desvincule-o antes (OMS Store → Catalog → Unlink Listing). Para vincular muitos de uma vez, leia uma planilha e ligue-a a *Link Listing* (cada linha, um vínculo).',
			'',
			'**Configuração:** a mesma credencial OMS Store do workflow de importação e uma credencial por canal; remova os canais que você não usa. Publique (ative) o workflow para a URL de produção funcionar; proteja-a (autenticação do formulário) se ela for pública.',
		].join('\n'),
		en: [
			'## Link listings without a SKU to your products',
			'Many listings carry no seller SKU. An order line of such a listing enters the OMS flagged `unmapped` and reserves nothing until the listing is linked to a SKU.',
			'Open the **form\'s production URL** (first node). Its second page shows every listing open orders wait for, with its title, the units and the orders. Type the SKU of each, or pick it from the list under it (up to 200 SKUs; a typed SKU wins), or leave it empty to skip, and click **Link**.',
			'The link reserves at once (or deducts, when the order is already invoiced) the units of the orders that waited, exactly once, and **Push Stock** publishes the new availability on the channels. Later orders of that listing use the linked SKU.',
			'A listing already linked to another SKU does not change: unlink it first (OMS Store → Catalog → Unlink Listing). To link many at once, read a sheet and connect it to *Link Listing* (each row one link).',
			'',
			'**Set up:** the same OMS Store credential as your import workflow, one credential per channel; remove the channels you do not use. Publish (activate) the workflow so the production URL works; protect it (form authentication) when it is public.',
		].join('\n'),
	}, 1400, 5)];
	save('09-link-unlinked-listings.json', 'OMS: Link Unlinked Listings', nodes, notes, c);
};
