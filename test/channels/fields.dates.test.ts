import { readZonedDate } from '../../core/channels/common/fields';
import { RawReader } from '../../core/channels/common/raw-reader';
import type { IntakeFlag } from '../../core/model/order';

describe('readZonedDate (one reading of channel dates)', () => {
	const read = (v: unknown, offset = 'Z') => {
		const flags = new Set<IntakeFlag>();
		const iso = readZonedDate(new RawReader('test:1'), { d: v }, 'd', offset, flags);
		return { iso, flags: [...flags] };
	};

	it.each([
		['2016-09-05T14:24:05+0000', '2016-09-05T14:24:05.000Z'], // Nuvemshop: offset without a colon
		['2026-11-20T14:03:11.000-03:00', '2026-11-20T17:03:11.000Z'],
		['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000Z'],
	])('%s with its offset is taken as given, not flagged', (v, iso) => {
		expect(read(v)).toEqual({ iso, flags: [] });
	});

	it('a date without an offset is read in the documented zone and flagged', () => {
		expect(read('2026-03-10 14:20:00', '-04:00')).toEqual({ iso: '2026-03-10T18:20:00.000Z', flags: ['time_zone_assumed'] });
		expect(read('2026-03-10T14:20:00')).toEqual({ iso: '2026-03-10T14:20:00.000Z', flags: ['time_zone_assumed'] });
	});

	it('blank is absent; garbage names the field', () => {
		expect(read('  ').iso).toBeUndefined();
		expect(() => read('yesterday')).toThrow(expect.objectContaining({ field: 'd', orderRef: 'test:1' }));
	});
});
