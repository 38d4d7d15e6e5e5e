// A real n8n (the pinned version from scripts/n8n-cache.js) on a private user folder: start/stop, REST with
// the owner's cookie, and the CLI (import, publish, execute) with its own task-broker port.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { node24Dir, node24Env, n8nBin } = require('../n8n-cache');

/** n8n stores run data as `flatted` text; the copy n8n itself ships parses it. */
const flatted = () => require(require.resolve('flatted', { paths: [path.dirname(n8nBin())] }));

const OWNER = { email: 'owner@oms.local', firstName: 'OMS', lastName: 'Owner', password: 'OmsLocal-2026' };

async function freePort() {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

class N8nInstance {
	/**
	 * `command`: `start` (default), or in queue mode `worker` / `webhook` (with their arguments); a worker
	 * answers /healthz/readiness on its health-check port, set to `port`.
	 * @param {{ userFolder: string, port?: number, logFile?: string, env?: Record<string,string>, listen?: string, command?: string[] }} o
	 */
	constructor(o) {
		this.command = o.command ?? ['start'];
		this.userFolder = o.userFolder;
		this.port = o.port;
		this.listen = o.listen ?? '127.0.0.1';
		this.logFile = o.logFile ?? path.join(o.userFolder, 'n8n.log');
		this.extraEnv = o.env ?? {};
		this.cookie = '';
		this.proc = undefined;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	async env(extra = {}) {
		this.port ??= await freePort();
		this.brokerPort ??= await freePort();
		return node24Env({
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			...(this.command[0] === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port) } : {}),
			N8N_LISTEN_ADDRESS: this.listen,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_ENCRYPTION_KEY: 'oms-local-e2e-encryption-key',
			GENERIC_TIMEZONE: 'UTC',
			// jest sets NODE_ENV=test, which makes n8n behave as in its own unit tests (silent logger, test config).
			NODE_ENV: 'production',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
			...this.extraEnv,
			...extra,
		});
	}

	async start(timeoutMs = 180_000) {
		fs.mkdirSync(this.userFolder, { recursive: true });
		const env = await this.env();
		const out = fs.openSync(this.logFile, 'a');
		const t0 = Date.now();
		this.proc = spawn(path.join(node24Dir(), 'bin', 'node'), [n8nBin(), ...this.command], { env, stdio: ['ignore', out, out], detached: false });
		fs.closeSync(out);
		let exited = null;
		this.proc.once('exit', (code) => (exited = code));
		while (Date.now() - t0 < timeoutMs) {
			if (exited !== null) throw new Error(`n8n exited with ${exited} while starting; see ${this.logFile}`);
			try {
				const r = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (r.ok) {
					this.startupMs = Date.now() - t0;
					return this;
				}
			} catch {
				/* not listening yet */
			}
			await sleep(500);
		}
		throw new Error(`n8n not ready after ${timeoutMs} ms; see ${this.logFile}`);
	}

	async stop() {
		const p = this.proc;
		// A process killed by a signal (a SIGKILLed worker) has exitCode null and signalCode set: it is gone.
		if (!p || p.exitCode !== null || p.signalCode !== null) return;
		const done = new Promise((resolve) => p.once('exit', resolve));
		p.kill('SIGTERM');
		const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
		await done;
		clearTimeout(timer);
		this.proc = undefined;
	}

	/** Runs an n8n CLI command against this user folder (its own broker port, so a running server is fine). */
	async cli(args, { timeoutMs = 180_000 } = {}) {
		const env = await this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		return await new Promise((resolve, reject) => {
			const p = spawn(path.join(node24Dir(), 'bin', 'node'), [n8nBin(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '', stderr = '';
			p.stdout.on('data', (d) => (stdout += d));
			p.stderr.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
			p.on('exit', (code) => {
				clearTimeout(timer);
				if (code === 0) resolve({ stdout, stderr });
				else reject(new Error(`n8n ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}\n${stdout.slice(-2000)}`));
			});
		});
	}

	async rest(method, urlPath, body) {
		const r = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), 'browser-id': 'oms-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = r.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await r.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		if (!r.ok) throw new Error(`${method} ${urlPath} → ${r.status}: ${text.slice(0, 500)}`);
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/** Owner setup on a fresh folder, login otherwise. */
	async signIn() {
		try {
			await this.rest('POST', '/rest/owner/setup', OWNER);
		} catch {
			await this.rest('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		}
		return OWNER;
	}

	async nodeTypes() {
		return await this.rest('GET', '/types/nodes.json');
	}

	async createCredential(name, type, data) {
		return await this.rest('POST', '/rest/credentials', { name, type, data });
	}

	async listWorkflows() {
		return await this.rest('GET', '/rest/workflows');
	}

	async getWorkflow(id) {
		return await this.rest('GET', `/rest/workflows/${id}`);
	}

	/**
	 * Publishes (activates) a workflow on the running server: registers its pollers and runs each poll once.
	 * n8n 2.40+ publishes through an outbox, after the request has answered: this waits until the
	 * publication settled, so a deactivate followed by an activate really re-registers the triggers (and runs
	 * their activation polls) instead of racing with it. A trigger that failed to register is an error here.
	 */
	async activate(id) {
		const wf = await this.getWorkflow(id);
		const out = await this.rest('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
		const status = await this.publicationSettled(id);
		const failed = (status?.triggers ?? []).filter((t) => t.status === 'failed');
		if (failed.length) throw new Error(`workflow ${id}: triggers failed to activate: ${failed.map((t) => `${t.nodeId}: ${t.errorMessage}`).join('; ')}`);
		return out;
	}

	async deactivate(id) {
		const out = await this.rest('POST', `/rest/workflows/${id}/deactivate`, {});
		await this.publicationSettled(id);
		return out;
	}

	/** The publication status once no publication of the workflow is in flight (null where n8n has none). */
	async publicationSettled(id, timeoutMs = 60_000) {
		const t0 = Date.now();
		for (;;) {
			let status;
			try {
				status = await this.rest('GET', `/rest/workflows/${id}/publication-status`);
			} catch (error) {
				if (/→ 404/.test(String(error.message))) return null; // publication service off: activation was synchronous
				throw error;
			}
			if (status?.status !== 'in_progress') return status;
			if (Date.now() - t0 > timeoutMs) throw new Error(`workflow ${id}: publication still in progress after ${timeoutMs} ms`);
			await sleep(100);
		}
	}

	/**
	 * Runs the stored workflow once from the named trigger, as the editor's "Execute workflow" does (internal
	 * route POST /rest/workflows/:id/run, body ManualRunDto with triggerToStartFrom); nothing is edited.
	 * Returns the execution id.
	 */
	async runFromTrigger(id, triggerName) {
		const r = await this.rest('POST', `/rest/workflows/${id}/run`, { triggerToStartFrom: { name: triggerName } });
		if (!r || !r.executionId) throw new Error(`manual run of ${id} from "${triggerName}" started no execution: ${JSON.stringify(r)}`);
		return String(r.executionId);
	}

	/** One execution with its run data parsed: `runData[node]` is the list of that node's runs. */
	async execution(executionId) {
		const e = await this.rest('GET', `/rest/executions/${executionId}`);
		const data = typeof e.data === 'string' ? flatted().parse(e.data) : e.data;
		return { ...e, data, runData: data?.resultData?.runData ?? {}, error: data?.resultData?.error };
	}

	/** Waits until the execution is no longer new/running/waiting; returns it as `execution` does. */
	async finishedExecution(executionId, timeoutMs = 90_000) {
		const t0 = Date.now();
		for (;;) {
			try {
				const e = await this.execution(executionId);
				if (e.status && !['new', 'running', 'waiting'].includes(e.status)) return e;
			} catch (err) {
				if (Date.now() - t0 > timeoutMs) throw err; // not saved yet: n8n writes it when it starts
			}
			if (Date.now() - t0 > timeoutMs) throw new Error(`execution ${executionId} not finished after ${timeoutMs} ms`);
			await sleep(250);
		}
	}

	async executions(workflowId) {
		const r = await this.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
		return Array.isArray(r) ? r : r.results ?? [];
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = { N8nInstance, OWNER, freePort, sleep };
