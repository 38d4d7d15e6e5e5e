import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { PLUGGTO_STATUS } from '../../core/channels/pluggto/status';

describe('README: Plugg.To', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('Plugg.To status', PLUGGTO_STATUS));
	});
});
