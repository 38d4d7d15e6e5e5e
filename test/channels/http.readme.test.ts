import fs from 'node:fs';
import path from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { EXAMPLE_DEFINITION } from '../../core/channels/http/example';
import { OPENCART_DEFINITION } from '../../core/channels/http/opencart';
import { HTTP_STATUS_ROWS } from '../../core/channels/http/status';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README: Configurable HTTP channel', () => {
	test('the example definition shown is the one the tests run against the simulator', () => {
		const section = README.slice(README.indexOf('### Configurable HTTP channel'));
		const block = /```json\n([\s\S]*?)```/.exec(section);
		expect(JSON.parse(block![1])).toEqual(EXAMPLE_DEFINITION);
	});

	test('the OpenCart definition shown is the one the OpenCart tests run', () => {
		const section = README.slice(README.indexOf('#### OpenCart'));
		const block = /```json\n([\s\S]*?)```/.exec(section);
		expect(JSON.parse(block![1])).toEqual(OPENCART_DEFINITION);
	});

	test("the OpenCart status table is the definition's statusMap", () => {
		const section = README.slice(README.indexOf('#### OpenCart'), README.indexOf('### See how a raw order maps'));
		const rows = [...section.matchAll(/^ {2}\| (\d+) \| [^|]+ \| `(\w+)` \|$/gm)].map((m) => [m[1], m[2]]);
		expect(Object.fromEntries(rows)).toEqual(OPENCART_DEFINITION.statusMap);
	});

	test("the status table is the channel's", () => {
		expect(README).toContain(statusTableMarkdown('statusMap value', HTTP_STATUS_ROWS));
	});
});
