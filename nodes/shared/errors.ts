import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { ChannelHttpError, describeRequest } from '../../core/http/retry';
import { TransportError } from '../../core/http/transport';

/**
 * Core failures → n8n errors. A ChannelHttpError becomes a NodeApiError carrying the HTTP code, which n8n 2.x
 * uses to classify poll failures (429 rate_limited, 401/403 auth). Messages name the request by path only:
 * query strings may hold tokens.
 */
export function toNodeError(node: INode, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ChannelHttpError) {
		const response: JsonObject = { message: error.message, request: describeRequest(error.request) };
		if (error.responseBody !== undefined) response.body = error.responseBody as JsonObject;
		return new NodeApiError(node, response, {
			message: error.message,
			httpCode: error.httpCode === undefined ? undefined : String(error.httpCode),
			description: error.retryAfterMs !== undefined ? `The channel asked to retry after ${Math.ceil(error.retryAfterMs / 1000)} s` : undefined,
		});
	}
	if (error instanceof TransportError) {
		return new NodeApiError(node, { message: error.message, kind: error.kind }, { message: error.message });
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
