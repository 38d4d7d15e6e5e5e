// Building blocks of scripts/gen-templates.js: nodes, links, bilingual sticky notes and the layout rules that
// test/templates.test.ts checks on every generated file (nodes ≥ 220 px apart, no node on a note).
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

// OMS_TEMPLATES_OUT: the layout test generates into a temporary folder and compares with the committed files.
const OUT = process.env.OMS_TEMPLATES_OUT || path.resolve(__dirname, '..', '..', 'workflows-templates');
/** Grid of the templates: columns and rows far enough apart that no two nodes come closer than 220 px. */
const COL = 280, ROW = 240;
const at = (col, row) => [Math.round(col * COL), Math.round(row * ROW)];
/** The space n8n's canvas gives a node (default square nodes; the AI Agent is wider). */
const NODE_BOX = { default: [100, 100], '@n8n/n8n-nodes-langchain.agent': [220, 100] };
const boxOf = (type) => NODE_BOX[type] || NODE_BOX.default;

/** A UUID-shaped id (version 4 / variant bits set, so n8n accepts it) derived from the workflow and node names. */
function stableId(workflowName, nodeName) {
	const h = crypto.createHash('sha256').update(`${workflowName}\u0000${nodeName}`).digest('hex');
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function node(name, type, typeVersion, position, parameters, extra = {}) {
	return { id: '', name, type, typeVersion, position, parameters, ...extra };
}

/** Rough rendered height of a note's markdown at `width` px (n8n: ~7.4 px a character, 22 px a line). */
function noteHeight(text, width) {
	const perLine = Math.floor((width - 32) / 7.4);
	let lines = 0;
	for (const l of text.split('\n')) lines += l.startsWith('#') ? 1.6 : Math.max(1, Math.ceil(l.length / perLine));
	return Math.ceil((lines * 22 + 48) / 20) * 20;
}

/** A sticky note in Portuguese first, then English; placed later by layoutNotes. */
function note(name, { pt, en }, width = 600, color = 7) {
	const content = `${pt}\n\n---\n\n${en}`;
	return node(name, 'n8n-nodes-base.stickyNote', 1, [0, 0], { content, width, height: noteHeight(content, width), color });
}

/**
 * Places the notes around the nodes without covering any: the first above them, the others in a row below.
 * Notes that do not fit on one row wrap to the next.
 */
function layoutNotes(nodes, notes) {
	const boxes = nodes.map((n) => { const [w, h] = boxOf(n.type); return [n.position[0], n.position[1], n.position[0] + w, n.position[1] + h]; });
	const minX = Math.min(...boxes.map((b) => b[0])) - 40, minY = Math.min(...boxes.map((b) => b[1]));
	const maxX = Math.max(...boxes.map((b) => b[2])), maxY = Math.max(...boxes.map((b) => b[3]));
	const [first, ...rest] = notes;
	if (first) first.position = [minX, minY - first.parameters.height - 80];
	let x = minX, y = maxY + 80, rowHeight = 0;
	for (const n of rest) {
		if (x > minX && x + n.parameters.width > Math.max(maxX, minX + 1300)) { x = minX; y += rowHeight + 40; rowHeight = 0; }
		n.position = [x, y];
		x += n.parameters.width + 40;
		rowHeight = Math.max(rowHeight, n.parameters.height);
	}
	return [...nodes, ...notes];
}

function link(conns, from, to, output = 0) {
	conns[from] ??= { main: [] };
	while (conns[from].main.length <= output) conns[from].main.push([]);
	conns[from].main[output].push({ node: to, type: 'main', index: 0 });
}

/** A straight run of nodes, each into the next (main output 0): the spine most workflows have. */
function chain(conns, ...names) {
	for (let i = 1; i < names.length; i++) link(conns, names[i - 1], names[i]);
}

/** An AI sub-node connection (language model, tool) from `from` into the agent `to`. */
function linkAi(conns, from, to, kind) {
	conns[from] ??= {};
	(conns[from][kind] ??= [[]])[0].push({ node: to, type: kind, index: 0 });
}

function writeWorkflow(file, id, name, nodes, notes, connections, extraSettings = {}) {
	const all = layoutNotes(nodes, notes);
	for (const n of all) n.id = stableId(name, n.name);
	const wf = { id, name, nodes: all, connections, settings: { executionOrder: 'v1', ...extraSettings }, pinData: {}, meta: { templateCredsSetupCompleted: false }, tags: [] };
	fs.writeFileSync(path.join(OUT, file), JSON.stringify(wf, null, '\t') + '\n');
}

module.exports = { OUT, COL, ROW, at, boxOf, NODE_BOX, stableId, node, note, noteHeight, layoutNotes, link, chain, linkAi, writeWorkflow };
