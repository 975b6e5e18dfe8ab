import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { encodeForm, FORM_CONTENT_TYPE, juspayRequestHeaders, type FormValue } from './wire';

export const CREDENTIAL_TYPE = 'juspayApi';

type JuspayContext = IExecuteSingleFunctions | IWebhookFunctions;

/** A GET outside the declarative routing; the credential adds base URL and auth. */
export async function getJuspay(
	context: JuspayContext,
	path: string,
	routingId: string,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: path,
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

/**
 * GET /orders/{order_id} outside the declarative routing: the refund, payment link and charge
 * replays, Verify Return URL and the trigger's confirmation need it. HTTP errors come back as a
 * response, for the caller to map.
 */
export async function fetchOrderStatus(
	context: JuspayContext,
	orderId: string,
	routingId = orderId,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	return await getJuspay(context, `/orders/${encodeURIComponent(orderId)}`, routingId);
}

/** GET /notifications/{id}: the pre-debit notification replay looks its notification up. */
export async function fetchNotification(
	context: JuspayContext,
	notificationId: string,
	routingId: string,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	return await getJuspay(
		context,
		`/notifications/${encodeURIComponent(notificationId)}`,
		routingId,
	);
}

/**
 * A form POST outside the declarative routing (Customer › Create or Update's create and update
 * after its lookup). Same rules as fetchOrderStatus: credential auth, errors returned.
 */
export async function postJuspayForm(
	context: JuspayContext,
	path: string,
	routingId: string,
	form: Record<string, FormValue>,
): Promise<IN8nHttpFullResponse & { body: IDataObject }> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: path,
		headers: { ...juspayRequestHeaders(routingId), 'Content-Type': FORM_CONTENT_TYPE },
		body: encodeForm(form),
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
