import { withSharedIsolate, type IsolateHolder } from '../../nodes/OmsWebhookTrigger/isolate-scope';

/**
 * The drain's isolate scopes over one workflow's Expression, which n8n shares between the workflow's trigger
 * nodes. The fake has n8n's semantics (ExpressionEvaluator.acquire/release in n8n 2.41): an acquire by a holder
 * that already has the isolate answers false, and one release ends it.
 */
function fakeExpression() {
	let held = false;
	const log: string[] = [];
	let releasing: () => void = () => undefined;
	const tick = () => new Promise((r) => setTimeout(r, 2));
	const holder: IsolateHolder = {
		acquireIsolate: async () => {
			await tick();
			if (held) return false;
			held = true;
			log.push('acquire');
			return true;
		},
		releaseIsolate: async () => {
			releasing();
			await tick();
			held = false;
			log.push('release');
		},
	};
	/** Reads that need the isolate at every step, as n8n's credential authentication does. */
	const reads = (steps: number) => async () => {
		for (let i = 0; i < steps; i++) {
			if (!held) throw new Error('No bridge acquired for this context. Call acquire() first.');
			await tick();
		}
		return steps;
	};
	/** Resolves when the next release begins (its tick still to come). */
	const releaseBegins = () => new Promise<void>((resolve) => (releasing = resolve));
	return { holder, reads, log, isHeld: () => held, releaseBegins };
}

describe('withSharedIsolate', () => {
	it("two nodes' reads overlapping: the isolate is held until the last ends, acquired and released once", async () => {
		const f = fakeExpression();
		const short = withSharedIsolate(f.holder, f.reads(2));
		const long = withSharedIsolate(f.holder, f.reads(12));
		await expect(Promise.all([short, long])).resolves.toEqual([2, 12]);
		expect(f.log).toEqual(['acquire', 'release']);
		expect(f.isHeld()).toBe(false);
	});

	it('a scope starting while the last one is releasing waits for the release and acquires again', async () => {
		const f = fakeExpression();
		await withSharedIsolate(f.holder, f.reads(1));
		const releasing = f.releaseBegins();
		const first = withSharedIsolate(f.holder, f.reads(1));
		await releasing; // first's reads done, its release under way
		await expect(Promise.all([first, withSharedIsolate(f.holder, f.reads(3))])).resolves.toEqual([1, 3]);
		expect(f.log).toEqual(['acquire', 'release', 'acquire', 'release', 'acquire', 'release']);
	});

	it('an isolate someone else holds is used and left to them; a failing read still ends the scope', async () => {
		const f = fakeExpression();
		await f.holder.acquireIsolate();
		await expect(withSharedIsolate(f.holder, f.reads(2))).resolves.toBe(2);
		expect(f.isHeld()).toBe(true);
		await f.holder.releaseIsolate();
		await expect(withSharedIsolate(f.holder, async () => Promise.reject(new Error('channel down')))).rejects.toThrow('channel down');
		expect(f.isHeld()).toBe(false);
		await expect(withSharedIsolate(f.holder, f.reads(1))).resolves.toBe(1);
	});
});
