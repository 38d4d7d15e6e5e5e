import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlOverrideProperty, requiredStringProperty, secretProperty } from './shared/channelProperties';
import { LOJA_INTEGRADA_API } from '../core/channels/lojaintegrada/api';
import { apiRoot, headerAuthentication } from './shared/requests';

/**
 * Loja Integrada API v1: the store's chave de API (the store's admin → Configurações → Integrações) and the
 * integrator's chave de aplicação, sent together as "Authorization: chave_api <key> aplicacao <app key>".
 * Loja Integrada restricts an application key to the IP addresses registered for it: n8n must call from one.
 */
export class LojaIntegradaOmsApi implements ICredentialType {
	name = 'lojaIntegradaOmsApi';

	displayName = 'Loja Integrada (OMS) API';

	icon = 'file:icons/lojaintegrada.svg' as const;

	documentationUrl = 'https://api-docs.lojaintegrada.com.br';

	properties: INodeProperties[] = [
		requiredStringProperty('Store ID', 'storeId', {
			description: "The store's number at Loja Integrada; names the account in the OMS (the API key itself is never stored on orders)",
		}),
		secretProperty('Chave API (Store Key)', 'chaveApi'),
		secretProperty('Chave Aplicação (Application Key)', 'chaveAplicacao'),
		baseUrlOverrideProperty('https://api.awsli.com.br', 'Leave empty for https://api.awsli.com.br; set it to reach a proxy or a test simulator'),
	];

	authenticate: IAuthenticateGeneric = headerAuthentication({
		Authorization: '=chave_api {{$credentials.chaveApi}} aplicacao {{$credentials.chaveAplicacao}}',
	});

	// The store's order situações: a small read any app with order access may do.
	test: ICredentialTestRequest = {
		request: { baseURL: apiRoot(LOJA_INTEGRADA_API), url: '/v1/situacao/', qs: { limit: 1 } },
	};
}
