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
	routingId = orderId,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	return await juspayGet(context, `/orders/${encodeURIComponent(orderId)}`, routingId);
}

/** GET /notifications/{id}: the pre-debit notification replay looks its notification up. */
export async function fetchNotification(
	context: JuspayContext,
	notificationId: string,
	routingId: string,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	return await juspayGet(
		context,
		`/notifications/${encodeURIComponent(notificationId)}`,
		routingId,
	);
}

async function juspayGet(
	context: JuspayContext,
	url: string,
	routingId: string,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		headers: juspayRequestHeaders(routingId),
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
