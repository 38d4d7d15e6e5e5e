import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Base for channel simulators: an HTTP server on 127.0.0.1 with a route table, a request log and a queue of
 * injected faults (429 with Retry-After, 5xx, a hang past the client's timeout, truncated JSON).
 * Channel simulators add the documented endpoints, auth checks, filters and paging on top.
 */

export interface SimRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	rawBody: string;
	/** The client's port: which process sent it (test/queue/procs.ts). */
	remotePort?: number;
}

export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest, params: Record<string, string>) => SimResponse | Promise<SimResponse>;

export type Fault =
	| { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
	| { kind: 'hang'; ms: number }
	| { kind: 'truncated' };

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: SimHandler;
}

export class HttpSimulator {
	private server?: http.Server;
	private readonly routes: Route[] = [];
	private readonly faults: Array<{ fault: Fault; match?: RegExp }> = [];
	readonly log: SimRequest[] = [];
	baseUrl = '';

	/** Path patterns use ":name" segments, e.g. "/orders/:id". */
	route(method: string, path: string, handler: SimHandler): this {
		const names: string[] = [];
		const pattern = new RegExp(
			'^' + path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, n) => (names.push(n), '([^/]+)')) + '$',
		);
		this.routes.push({ method, pattern, names, handler });
		return this;
	}

	/** The next request (whose path matches, when given) gets this fault instead of its normal answer. */
	injectFault(fault: Fault, pathMatch?: RegExp): this {
		this.faults.push({ fault, match: pathMatch });
		return this;
	}

	private readonly afterHooks: Array<{ match: (req: SimRequest) => boolean; fn: () => void }> = [];

	/**
	 * Runs `fn` once, right after the next matching request was answered: the channel's data changes between
	 * two requests of the client (an order paid while a window is being listed).
	 */
	afterNext(match: (req: SimRequest) => boolean, fn: () => void): this {
		this.afterHooks.push({ match, fn });
		return this;
	}

	private readonly stalls: Array<{ match: RegExp; until: Promise<void> }> = [];

	/**
	 * A slow channel: requests whose path matches are held (then answered normally) until `until` settles.
	 * Unlike a 'hang' fault it holds every matching request, not the next one, and does not drop them.
	 */
	stall(pathMatch: RegExp, until: Promise<void>): this {
		const entry = { match: pathMatch, until };
		this.stalls.push(entry);
		void until.finally(() => this.stalls.splice(this.stalls.indexOf(entry), 1));
		return this;
	}

	requests(pathMatch?: RegExp): SimRequest[] {
		return pathMatch ? this.log.filter((r) => pathMatch.test(r.path)) : this.log;
	}

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let body: unknown = rawBody;
		if (rawBody && /json/.test(req.headers['content-type'] ?? '')) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
		}
		const simReq: SimRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, rawBody, remotePort: req.socket.remotePort };
		this.log.push(simReq);

		for (const s of [...this.stalls]) if (s.match.test(url.pathname)) await s.until.catch(() => undefined);
		const faultIndex = this.faults.findIndex((f) => !f.match || f.match.test(url.pathname));
		if (faultIndex >= 0) {
			const [{ fault }] = this.faults.splice(faultIndex, 1);
			if (fault.kind === 'hang') {
				await new Promise((r) => setTimeout(r, fault.ms));
				if (!res.destroyed) res.destroy();
				return;
			}
			if (fault.kind === 'truncated') {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"results": [{"id": 1, "sta');
				return;
			}
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
			res.writeHead(fault.status, headers);
			res.end(JSON.stringify(fault.body ?? { message: `simulated ${fault.status}` }));
			return;
		}

		for (const r of this.routes) {
			if (r.method !== simReq.method) continue;
			const m = r.pattern.exec(url.pathname);
			if (!m) continue;
			const params: Record<string, string> = {};
			r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
			try {
				const out = await r.handler(simReq, params);
				const hook = this.afterHooks.findIndex((h) => h.match(simReq));
				if (hook >= 0) this.afterHooks.splice(hook, 1)[0].fn();
				res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
				res.end(out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body));
			} catch (error) {
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ message: `simulator error: ${(error as Error).message}` }));
			}
			return;
		}
		res.writeHead(404, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ message: `no route ${simReq.method} ${url.pathname}` }));
	}
}
