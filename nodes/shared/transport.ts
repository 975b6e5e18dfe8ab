import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { juspayRequestHeaders } from './wire';

export const CREDENTIAL_TYPE = 'juspayApi';

type JuspayContext = IExecuteSingleFunctions | IWebhookFunctions;

/**
 * GET /orders/{order_id} outside the declarative routing: the refund replay and the trigger's
 * confirmation need it. The credential adds base URL and auth; HTTP errors come back as a
 * response, for the caller to map.
 */
export async function fetchOrderStatus(
	context: JuspayContext,
	orderId: string,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: `/orders/${encodeURIComponent(orderId)}`,
		headers: juspayRequestHeaders(orderId),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_TYPE,
		options,
	)) as IN8nHttpFullResponse & { body: IDataObject };
}
