// A throw-away Redis (Debian's redis-server) on a free port for n8n's queue mode: no persistence, local only.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { freePort, sleep } = require('./n8n-instance');

async function startRedis() {
	if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server not found: install it (Debian: apt-get install redis-server)');
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oms-redis-'));
	const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
	for (const t0 = Date.now(); ; await sleep(100)) {
		if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
		const up = await new Promise((resolve) => {
			const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
			s.on('error', () => resolve(false));
		});
		if (up) break;
		if (Date.now() - t0 > 15_000) throw new Error('redis-server did not listen within 15 s');
	}
	return {
		port,
		pid: proc.pid,
		stop: async () => {
			if (proc.exitCode === null) {
				const done = new Promise((r) => proc.once('exit', r));
				proc.kill('SIGTERM');
				await done;
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startRedis };
