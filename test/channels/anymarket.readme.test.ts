import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANYMARKET_STATUS } from '../../core/channels/anymarket/status';
import { statusTableMarkdown } from '../../core/channels/common/status';

describe('README: AnyMarket', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('AnyMarket status', ANYMARKET_STATUS));
	});
});
