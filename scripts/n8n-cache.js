#!/usr/bin/env node
// Installs the pinned n8n into a cache outside the repository, once (reused when present), following
// /work/shared/reference/real-n8n-recipe.md: overrides for xlsx and linkedom, `npm install --ignore-scripts`
// (native builds of kafka / isolated-vm fail here), then `npm rebuild sqlite3` (n8n's default database).
// Usage: node scripts/n8n-cache.js            → prints the n8n binary path when ready
//   env N8N_CACHE_DIR overrides the cache folder; N8N_VERSION overrides the pinned version.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const N8N_VERSION = process.env.N8N_VERSION || '2.41.1';
const ROOT = path.resolve(__dirname, '..');
const CACHE_DIR =
	process.env.N8N_CACHE_DIR || path.join(os.homedir(), '.cache', 'n8n-nodes-oms', `n8n-${N8N_VERSION}`);
const MARKER = path.join(CACHE_DIR, '.complete');

/** The project's Node 24 (devDependency `node@24`): the folder holding bin/ and include/. */
function node24Dir() {
	const dir = path.join(ROOT, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
	if (!fs.existsSync(path.join(dir, 'bin', 'node'))) {
		throw new Error(`Node 24 not found at ${dir}: run npm install in the repository first`);
	}
	return dir;
}

/** Environment for npm and n8n: Node 24 first on PATH, headers for native rebuilds. */
function node24Env(extra = {}) {
	const dir = node24Dir();
	return {
		...process.env,
		PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: dir,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		...extra,
	};
}

function log(msg) {
	process.stderr.write(`[n8n-cache] ${msg}\n`);
}

function run(cmd, args, cwd) {
	log(`${cwd}$ ${cmd} ${args.join(' ')}`);
	const t0 = Date.now();
	const r = spawnSync(cmd, args, { cwd, env: node24Env(), stdio: ['ignore', 2, 2] });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
	log(`  done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function n8nBin() {
	return path.join(CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
}

function ensureN8n() {
	if (fs.existsSync(MARKER) && fs.existsSync(n8nBin())) {
		log(`n8n ${N8N_VERSION} already in ${CACHE_DIR}`);
		return n8nBin();
	}
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	const pkg = {
		name: 'n8n-cache',
		private: true,
		description: `pinned n8n ${N8N_VERSION} for n8n-nodes-oms end-to-end tests`,
		dependencies: { n8n: N8N_VERSION },
		overrides: { xlsx: '0.18.5', linkedom: '0.18.12' },
	};
	fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
	log(`installing n8n ${N8N_VERSION} into ${CACHE_DIR} (several minutes, once)`);
	// Errors only: n8n's tree prints hundreds of peer-dependency warnings that bury what matters.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], CACHE_DIR);
	run('npm', ['rebuild', 'sqlite3'], CACHE_DIR);
	fs.writeFileSync(MARKER, new Date().toISOString() + '\n');
	log(`n8n ready: ${n8nBin()}`);
	return n8nBin();
}

module.exports = { ensureN8n, node24Dir, node24Env, n8nBin, CACHE_DIR, N8N_VERSION };

if (require.main === module) {
	try {
		process.stdout.write(ensureN8n() + '\n');
	} catch (e) {
		log(e.message);
		process.exit(1);
	}
}
