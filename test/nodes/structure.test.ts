import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const NODES = resolve(__dirname, '../../nodes');

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
	});
}

/** The top folder under nodes/ a path lies in ('OmsStore', 'shared', …), or undefined outside nodes/. */
function nodeFolder(path: string): string | undefined {
	const rel = relative(NODES, path);
	return rel.startsWith('..') ? undefined : rel.split(sep)[0];
}

describe('node folders', () => {
	test('no node imports another node\'s folder: what two nodes share lives in nodes/shared', () => {
		const crossings: string[] = [];
		for (const file of tsFiles(NODES)) {
			const own = nodeFolder(file);
			for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
				const target = nodeFolder(resolve(dirname(file), spec));
				if (target && target !== own && target !== 'shared') crossings.push(`${relative(NODES, file)} → ${spec}`);
			}
		}
		expect(crossings).toEqual([]);
	});
});
