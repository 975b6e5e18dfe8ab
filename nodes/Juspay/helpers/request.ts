import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	encodeForm,
	encodeJson,
	FORM_CONTENT_TYPE,
	JSON_CONTENT_TYPE,
	juspayRequestHeaders,
	type FormValue,
	type JsonFieldValue,
} from '../../shared/wire';
import type { StepAttempt } from './uniqueRequestId';
import { InvalidParameterError } from './validation';

/** What one operation sends, built from its parameters after they were checked. */
export interface JuspayRequest {
	path: string;
	/** Sent as Juspay's x-routing-id: the customer id, or for guest orders the order id. */
	routingId: string;
	form?: Record<string, FormValue>;
	/** Only the Session API (payment links) takes JSON: see wire.encodeJson. */
	json?: Record<string, JsonFieldValue>;
	query?: Record<string, string>;
}

export type RequestBuilder = (
	this: IExecuteSingleFunctions,
) => JuspayRequest | Promise<JuspayRequest>;

/** Percent-encodes an id for use as one path segment (customer reference ids may be e-mails). */
export function pathSegment(id: string): string {
	return encodeURIComponent(id);
}

/**
 * The single preSend step of every operation: checks input (refusing it before anything is
 * sent) and writes path, query, routing header and the body (form, or JSON for /session).
 */
export function sendJuspayRequest(build: RequestBuilder): PreSendAction {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		let request: JuspayRequest;
		try {
			request = await build.call(this);
		} catch (error) {
			const itemIndex = this.getItemIndex();
			if (error instanceof InvalidParameterError) {
				throw new NodeOperationError(this.getNode(), error.message, {
					description: error.description,
					itemIndex,
				});
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
		requestOptions.url = request.path;
		requestOptions.headers = {
			...requestOptions.headers,
			...juspayRequestHeaders(request.routingId),
		};
		if (request.query) requestOptions.qs = { ...requestOptions.qs, ...request.query };
		if (request.form) {
			requestOptions.headers['Content-Type'] = FORM_CONTENT_TYPE;
			requestOptions.body = encodeForm(request.form);
		}
		if (request.json) {
			requestOptions.headers['Content-Type'] = JSON_CONTENT_TYPE;
			requestOptions.body = encodeJson(request.json);
		}
		return requestOptions;
	};
}

/** Optional string parameters from a collection: '' and unset both mean "do not send". */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** What a retry-stable id is derived from (see uniqueRequestId.ts): same on Retry On Fail. */
export function stepAttempt(context: IExecuteSingleFunctions): StepAttempt {
	const itemIndex = context.getItemIndex();
	return {
		executionId: context.getExecutionId(),
		nodeId: context.getNode().id,
		runIndex: context.getWorkflowDataProxy(itemIndex).$runIndex,
		itemIndex,
	};
}
