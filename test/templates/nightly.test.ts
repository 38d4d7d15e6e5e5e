import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Template 3 (Nightly Maintenance) releases unpaid reservations by payment method (issue 12: "the nightly template
 * uses them"): the Expire node's parameters as shipped, and its note telling the defaults. The operation itself is
 * tested in test/nodes/omsStore.reservation.test.ts and the template runs in the real n8n in test/e2e/pipeline.e2e.ts.
 */
const template = JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows-templates', '03-nightly-maintenance.json'), 'utf8')) as {
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
};

describe('template 3: payment-aware expiry', () => {
	it('Release Unpaid Reservations expires by payment method with the default rules', () => {
		const expire = template.nodes.find((n) => n.name === 'Release Unpaid Reservations');
		expect(expire?.parameters).toEqual({ resource: 'reservation', operation: 'expire', expireBy: 'paymentMethod', paymentMethodRules: {} });
	});

	it('its note names the defaults, the boleto in business days', () => {
		const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content)).join('\n');
		expect(notes).toMatch(/pix 2 hor/);
		expect(notes).toMatch(/boleto 4 dias úteis/);
	});
});
