import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { MIRAKL_STATUS } from '../../core/channels/mirakl/status';

describe('README: Mirakl', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('order_state', MIRAKL_STATUS));
	});
});
