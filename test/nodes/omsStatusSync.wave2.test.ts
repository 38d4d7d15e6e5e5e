import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { statusSyncRouter } from '../../nodes/OmsStatusSync/actions/router';
import { OmsStatusSync } from '../../nodes/OmsStatusSync/OmsStatusSync.node';
import { LojaIntegradaSimulator, liOrder } from '../simulators/lojaintegrada';
import { TraySimulator, trayOrder } from '../simulators/tray';
import { runSync } from '../harness/n8n-sync-harness';
import { tinyRetry } from '../channels/helpers/channel-test';

/**
 * Wave-2 write-back through OMS Status Sync inside n8n's ExecuteContext, with the real writers over n8n's
 * httpRequestWithAuthentication: Tray's ?access_token= and Loja Integrada's header and multipart NF-e.
 */
const KEY = '35260312345678000199550010000012341000012348';
const { retry } = tinyRetry();
const keys = { chaveApi: 'li-store', chaveAplicacao: 'li-app' };

const authenticate = (type: string, c: ICredentialDataDecryptedObject, req: IHttpRequestOptions): IHttpRequestOptions => {
	if (type === 'lojaIntegradaOmsApi') return { ...req, headers: { ...req.headers, Authorization: `chave_api ${String(c.chaveApi)} aplicacao ${String(c.chaveAplicacao)}` } };
	if (type === 'trayOmsApi') return { ...req, qs: { ...(req.qs ?? {}), access_token: String(c.accessToken) } };
	return req;
};

function run(channel: string, parameters: Record<string, unknown>, credentials: Record<string, ICredentialDataDecryptedObject>) {
	const nodeType = new OmsStatusSync();
	nodeType.execute = statusSyncRouter({ retry });
	return runSync({ nodeType, parameters: { channel, ...parameters }, credentials, authenticate, items: [{}] });
}

describe('OMS Status Sync, wave-2 channels through n8n', () => {
	it('Loja Integrada: Push Invoice sends the multipart form with the credential\'s store key', async () => {
		const sim = new LojaIntegradaSimulator(keys);
		await sim.start();
		try {
			sim.put(liOrder({ numero: 165, modifiedAt: '2026-03-10T12:00:00Z' }));
			const out = await run('lojaintegrada', { operation: 'pushInvoice', channelOrderId: '165', nfeKey: KEY, number: '1234', series: '1', issuedAt: '2026-03-10T14:20:00-03:00' }, {
				lojaIntegradaOmsApi: { ...keys, storeId: '1234567', baseUrl: sim.baseUrl },
			});
			expect(out[0].json).toMatchObject({ operation: 'pushInvoice', status: 'done', channelOrderId: '165' });
			expect(sim.invoices).toEqual([{ account_key: 'li-store', sale_number: '165', date: '2026-03-10 14:20:00', invoice_number: '1234', serie: '1', access_key: KEY }]);
		} finally {
			await sim.stop();
		}
	});

	it('Tray: Push Shipment writes sending_code with the Shipped Status ID option', async () => {
		const sim = new TraySimulator({ consumerKey: 'ck', consumerSecret: 'cs', code: 'c' });
		await sim.start();
		try {
			sim.put(trayOrder({ id: 15, modifiedAt: '2026-03-10T12:00:00Z' }));
			const out = await run('tray', { operation: 'pushShipment', channelOrderId: '15', carrier: 'Correios', trackingCode: 'BR1', options: { shippedStatusId: '16' } }, {
				trayOmsApi: { apiAddress: sim.apiAddress, storeId: '391250', consumerKey: 'ck', consumerSecret: 'cs', code: 'c', accessToken: sim.token(), refreshToken: '' },
			});
			expect(out[0].json).toMatchObject({ operation: 'pushShipment', status: 'done' });
			expect(sim.requests(/orders\/15$/)[0].body).toMatchObject({ Order: { sending_code: 'BR1', status_id: '16' } });
		} finally {
			await sim.stop();
		}
	});
});
