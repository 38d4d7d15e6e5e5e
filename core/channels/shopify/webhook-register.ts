import type { FoundRegistrations, WebhookRegistrar } from '../../webhooks/types';
import { joinUrl } from '../common/http';
import type { AdapterContext } from '../types';
import { SHOPIFY_DEFAULT_API_VERSION, shopifyGraphql } from './graphql';

/** orders/create and orders/updated: updated also fires for payment, fulfilment and cancellation. */
export const SHOPIFY_WEBHOOK_TOPICS = ['ORDERS_CREATE', 'ORDERS_UPDATED'];

// The queries of Shopify's own library (shopify-app-js packages/apps/shopify-api/lib/webhooks/register.ts).
const LIST = `query OmsWebhookSubscriptions($after: String) {
  webhookSubscriptions(first: 250, after: $after) {
    edges { node { id topic endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE = `mutation OmsWebhookCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
    webhookSubscription { id }
    userErrors { field message }
  }
}`;
const DELETE = `mutation OmsWebhookDelete($id: ID!) {
  webhookSubscriptionDelete(id: $id) {
    deletedWebhookSubscriptionId
    userErrors { field message }
  }
}`;

interface Edge {
	node: { id: string; topic: string; endpoint?: { __typename?: string; callbackUrl?: string } };
}
interface UserErrors {
	userErrors?: Array<{ field?: string[]; message?: string }>;
}
const MAX_PAGES = 20;

function assertNoUserErrors(what: string, result: UserErrors | undefined): void {
	const errors = result?.userErrors ?? [];
	if (errors.length > 0) throw new Error(`Shopify ${what}: ${errors.map((e) => e.message).join('; ')}`);
}

/**
 * Shop-specific webhook subscriptions through the Admin GraphQL API (webhookSubscriptions /
 * webhookSubscriptionCreate / webhookSubscriptionDelete), delivered as JSON at the credential's API version.
 * Shopify signs them with the client secret of the app whose token created them.
 */
export function shopifyRegistrar(ctx: AdapterContext): WebhookRegistrar {
	const version = String(ctx.options?.apiVersion || SHOPIFY_DEFAULT_API_VERSION);
	const endpoint = joinUrl(ctx.baseUrl || `https://${ctx.account}`, `/admin/api/${version}/graphql.json`);
	const gql = <T>(query: string, variables: Record<string, unknown>) => shopifyGraphql<T>(ctx, endpoint, query, variables);

	return {
		async find(url: string): Promise<FoundRegistrations> {
			const mine: Edge['node'][] = [];
			let after: string | null = null;
			for (let i = 0; i < MAX_PAGES; i++) {
				const data: { webhookSubscriptions: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(LIST, { after });
				mine.push(...data.webhookSubscriptions.edges.map((e) => e.node).filter((n) => n.endpoint?.callbackUrl === url));
				if (!data.webhookSubscriptions.pageInfo.hasNextPage) break;
				after = data.webhookSubscriptions.pageInfo.endCursor;
			}
			const ours = mine.filter((n) => SHOPIFY_WEBHOOK_TOPICS.includes(n.topic));
			return { ids: ours.map((n) => n.id), complete: SHOPIFY_WEBHOOK_TOPICS.every((t) => ours.some((n) => n.topic === t)), stale: [] };
		},

		async create(url: string): Promise<string[]> {
			const ids: string[] = [];
			for (const topic of SHOPIFY_WEBHOOK_TOPICS) {
				const data = await gql<{ webhookSubscriptionCreate: UserErrors & { webhookSubscription?: { id: string } | null } }>(CREATE, {
					topic,
					webhookSubscription: { callbackUrl: url, format: 'JSON' },
				});
				assertNoUserErrors(`webhookSubscriptionCreate ${topic}`, data.webhookSubscriptionCreate);
				ids.push(String(data.webhookSubscriptionCreate.webhookSubscription?.id));
			}
			return ids;
		},

		async remove(ids: string[]): Promise<void> {
			for (const id of ids) {
				const data = await gql<{ webhookSubscriptionDelete: UserErrors }>(DELETE, { id });
				// Already gone is what remove wants.
				const errors = (data.webhookSubscriptionDelete?.userErrors ?? []).filter((e) => !/not exist|not found/i.test(e.message ?? ''));
				assertNoUserErrors('webhookSubscriptionDelete', { userErrors: errors });
			}
		},
	};
}
