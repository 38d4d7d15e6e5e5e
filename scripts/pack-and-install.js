#!/usr/bin/env node
// Builds and packs this package, then installs the tarball into <userFolder>/.n8n/nodes the way n8n's
// Community Nodes installer does: the package's package.json loses its dev, peer and optional dependencies,
// then `npm install --ignore-scripts --omit=dev`. A runtime dependency missing from "dependencies" therefore
// fails here (static require check) or when n8n loads the nodes, never silently.
//
// The build runs in a staging copy of the sources (node_modules symlinked), so a concurrent `npm run build`
// in the working tree (which starts with `rimraf dist`) cannot pull dist/ from under the pack.
//
// Usage: node scripts/pack-and-install.js <userFolder>      (prints the installed package folder)
//   --tarball=<file>   install this tarball instead of building one
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { builtinModules } = require('node:module');
const { spawnSync } = require('node:child_process');
const { node24Env } = require('./n8n-cache');

const ROOT = path.resolve(__dirname, '..');
const PKG = require(path.join(ROOT, 'package.json'));
/** Sources the build reads; everything else (tests, node_modules, dist) stays out of the staging copy. */
const SOURCES = ['package.json', 'tsconfig.json', 'gulpfile.js', 'index.js', 'README.md', 'LICENSE.md', 'cli.ts', 'core', 'nodes', 'credentials', 'bench', 'workflows-templates'];
/** Modules n8n provides to community nodes at runtime (peer dependency and n8n's allowlisted host modules). */
const HOST_PROVIDED = new Set(['n8n-workflow']);

function log(msg) {
	process.stderr.write(`[pack-and-install] ${msg}\n`);
}

function run(cmd, args, cwd, capture = false) {
	log(`${cwd}$ ${cmd} ${args.join(' ')}`);
	const env = node24Env();
	// node-gyp headers are only needed for n8n's sqlite3 rebuild; npm 11 warns about the key elsewhere.
	delete env.npm_config_nodedir;
	const r = spawnSync(cmd, args, { cwd, env, stdio: capture ? ['ignore', 'pipe', 2] : ['ignore', 2, 2], encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status})`);
	return r.stdout;
}

/** `npm run build` in a staging copy, then `npm pack`; returns the tarball path. */
function buildAndPack(outDir) {
	const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-pack-'));
	for (const entry of SOURCES) {
		const from = path.join(ROOT, entry);
		if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, entry), { recursive: true });
	}
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	run('npm', ['run', 'build'], stage);
	const out = run('npm', ['pack', '--json', '--pack-destination', outDir], stage, true);
	const [{ filename }] = JSON.parse(out);
	fs.rmSync(stage, { recursive: true, force: true });
	return path.join(outDir, filename);
}

/** Every bare require() in the packed JS must be a builtin, a declared dependency or host-provided. */
function checkRuntimeRequires(pkgDir, dependencies) {
	const missing = new Map();
	const walk = (dir) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) {
				if (e.name !== 'node_modules') walk(p);
			} else if (e.name.endsWith('.js')) {
				for (const m of fs.readFileSync(p, 'utf8').matchAll(/require\(["']([^"'./][^"']*)["']\)/g)) {
					const name = m[1].startsWith('@') ? m[1].split('/').slice(0, 2).join('/') : m[1].split('/')[0];
					if (name.startsWith('node:') || builtinModules.includes(name) || HOST_PROVIDED.has(name) || name in dependencies) continue;
					missing.set(name, path.relative(pkgDir, p));
				}
			}
		}
	};
	walk(pkgDir);
	if (missing.size) {
		throw new Error(`runtime require of undeclared packages: ${[...missing].map(([n, f]) => `${n} (${f})`).join(', ')}`);
	}
}

/** Installs the tarball into <userFolder>/.n8n/nodes as n8n's community package installer does. */
function installIntoUserFolder(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', PKG.name);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], nodesDir);
	const manifestPath = path.join(pkgDir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	checkRuntimeRequires(pkgDir, manifest.dependencies ?? {});
	run('npm', ['install', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], pkgDir);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PKG.name]: manifest.version } }, null, 2),
	);
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!fs.existsSync(path.join(pkgDir, file))) throw new Error(`package.json n8n entry missing from the tarball: ${file}`);
	}
	log(`installed ${PKG.name}@${manifest.version} into ${pkgDir}`);
	return pkgDir;
}

function packAndInstall(userFolder, tarball) {
	const packed = tarball ?? buildAndPack(fs.mkdtempSync(path.join(os.tmpdir(), 'oms-tgz-')));
	return { tarball: packed, pkgDir: installIntoUserFolder(packed, userFolder) };
}

module.exports = { packAndInstall, buildAndPack, installIntoUserFolder, checkRuntimeRequires };

if (require.main === module) {
	const args = process.argv.slice(2);
	const userFolder = args.find((a) => !a.startsWith('--'));
	const tarball = args.find((a) => a.startsWith('--tarball='))?.slice('--tarball='.length);
	if (!userFolder) {
		log('usage: node scripts/pack-and-install.js <userFolder> [--tarball=<file>]');
		process.exit(2);
	}
	try {
		process.stdout.write(packAndInstall(path.resolve(userFolder), tarball).pkgDir + '\n');
	} catch (e) {
		log(e.message);
		process.exit(1);
	}
}
