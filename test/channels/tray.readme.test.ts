import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { TRAY_STATUS } from '../../core/channels/tray/status';

describe('README: Tray', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('status', TRAY_STATUS));
	});
});
