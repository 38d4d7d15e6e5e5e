import fs from 'node:fs';

/**
 * Which local process owns a TCP connection, by the client's port: the socket's inode in /proc/net/tcp{,6},
 * then the process whose file descriptors hold it. Linux only; answers undefined elsewhere or when the
 * connection closed meanwhile. Lets the queue run say which n8n process sent a stock write.
 */
function inodeOfPort(port: number): string | undefined {
	const hex = port.toString(16).toUpperCase().padStart(4, '0');
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			if (cols.length > 9 && cols[1].endsWith(`:${hex}`)) return cols[9];
		}
	}
	return undefined;
}

function holds(pid: number, inode: string): boolean {
	try {
		return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
			try {
				return fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
			} catch {
				return false;
			}
		});
	} catch {
		return false;
	}
}

/** Names the process (of `procs`: name → pid) that sent from `port`; ports of a kept-alive connection are cached. */
export function processNamer(procs: () => Record<string, number | undefined>): (port: number | undefined) => string | undefined {
	const cache = new Map<number, { name: string; pid: number }>();
	const alive = (pid: number) => {
		try {
			return fs.readdirSync(`/proc/${pid}/fd`).length > 0;
		} catch {
			return false;
		}
	};
	return (port) => {
		if (port === undefined) return undefined;
		const known = cache.get(port);
		// A killed process's port may be taken by another one's connection.
		if (known && alive(known.pid)) return known.name;
		const inode = inodeOfPort(port);
		if (!inode || inode === '0') return undefined;
		for (const [name, pid] of Object.entries(procs())) {
			if (pid && holds(pid, inode)) {
				cache.set(port, { name, pid });
				return name;
			}
		}
		return undefined;
	};
}
