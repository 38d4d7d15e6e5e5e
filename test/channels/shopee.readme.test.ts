import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTableMarkdown } from '../../core/channels/common/status';
import { SHOPEE_STATUS } from '../../core/channels/shopee/status';

describe('README: Shopee', () => {
	it('shows the status table the normaliser uses', () => {
		const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
		expect(readme).toContain(statusTableMarkdown('order_status', SHOPEE_STATUS));
	});
});
