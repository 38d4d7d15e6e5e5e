import { emissionOutcome, MAX_RUNNING_MS, trackEmission } from '../../nodes/shared/emissions';

// The outcomes the poll trigger reads back (core/channels/poll-emissions.ts settles on them).
describe('poll emission outcomes', () => {
	it('a successful run is succeeded, a failed or rejected one failed', async () => {
		const ok = trackEmission('e-ok');
		const bad = trackEmission('e-bad');
		const lost = trackEmission('e-lost');
		expect(emissionOutcome('e-ok')).toBe('running');
		ok.resolve({ status: 'success' } as never);
		bad.resolve({ status: 'error' } as never);
		lost.reject(new Error('stalled'));
		await new Promise((r) => setImmediate(r));
		expect([emissionOutcome('e-ok'), emissionOutcome('e-bad'), emissionOutcome('e-lost')]).toEqual(['succeeded', 'failed', 'failed']);
	});

	it('a run that never settles (its worker was killed) counts as unknown after MAX_RUNNING_MS, so its orders are emitted again', () => {
		const t0 = 1_000_000;
		trackEmission('e-stuck', t0);
		expect(emissionOutcome('e-stuck', t0 + MAX_RUNNING_MS)).toBe('running');
		expect(emissionOutcome('e-stuck', t0 + MAX_RUNNING_MS + 1)).toBeUndefined();
		expect(emissionOutcome('never-emitted')).toBeUndefined();
	});
});
