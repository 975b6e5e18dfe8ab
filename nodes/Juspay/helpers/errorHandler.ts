import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The error fields Juspay puts in a response body (all optional: older APIs use fewer). */
export interface JuspayErrorBody {
	status?: string;
	status_id?: number;
	order_id?: string;
	error_code?: string;
	error_message?: string;
	user_message?: string;
	error_info?: {
		code?: string;
		category?: string;
		user_message?: string;
		developer_message?: string;
		fields?: Array<{ field_name?: string; reason?: string }>;
	};
}

export interface JuspayErrorText {
	message: string;
	description: string;
}

const CHECK_CREDENTIAL =
	'Check the API key and merchant ID in the Juspay credential, and that its environment (sandbox, production or custom URL) is the one the key belongs to';

const MANDATE_NOT_ACTIVE =
	'Juspay allows Pause, Revoke, Send Pre-Debit Notification and Charge only on an ACTIVE mandate, and Resume only on a PAUSED one. Check its status with Mandate › Get: a CREATED mandate is not registered yet, and REVOKED, FAILURE and EXPIRED mandates cannot be used again (the customer must set up a new one)';

/** How to fix it, by Juspay error code (or status where Juspay sends no code). */
const FIXES: Record<string, string> = {
	access_denied: CHECK_CREDENTIAL,
	UNAUTHORIZED: CHECK_CREDENTIAL,
	NOT_FOUND:
		'Check the Order ID: Juspay knows no order with this ID for this merchant in this environment',
	object_not_found:
		'Check the Customer ID: use the Juspay customer ID (cst_…) or your Object Reference ID of an existing customer',
	'duplicate.call':
		'Juspay has already accepted a refund with this Unique Request ID for this order, or the same amount was refunded seconds ago. For a new refund, use a new Unique Request ID',
	'invalid.amount.exceeded':
		"The Amount is more than what is left to refund on this order (its amount minus amount_refunded). Use the order's Get Status operation to see what can still be refunded",
	'invalid.amount': 'Enter a positive amount with at most two decimal places',
	'invalid.order.status':
		'Only orders in status CHARGED can be refunded: check the order with Get Status first',
	'Mandatory fields are missing': 'Fill in the fields Juspay names above',
	ALREADY_EXISTS: 'Use a new ID, or fetch the existing record instead of creating it again',
	'Mandate not found':
		"Check the Mandate ID: use Juspay's mandate_id (from Mandate › Get Many for the customer, the order's mandate.mandate_id, or a MANDATE_* webhook) for this merchant and environment",
	DUPLICATE_ORDER_ID:
		'Another order already uses this Order ID: leave Order ID empty to let the node derive one, or use a new one for every debit',
	JP_852: MANDATE_NOT_ACTIVE,
	JP_851:
		'The pre-debit notification for this debit failed: check it with Mandate › Get Notification, and send a new one before charging again',
};

const MAX_MESSAGE_LENGTH = 300;

/**
 * How to fix it, by Juspay's error_message, for errors whose code is generic (BAD_REQUEST,
 * Invalid): the start of the message, as Juspay words it, is the key.
 */
const MESSAGE_FIXES: Array<[string, string]> = [
	['Mandate Not in Active State', MANDATE_NOT_ACTIVE],
	['Mandate is in ', MANDATE_NOT_ACTIVE],
	[
		'Order amount greater than mandate max amount',
		"The Amount is above this mandate's maximum (max_amount): charge at most max_amount. See the mandate with Mandate › Get; a larger debit needs a new mandate",
	],
	[
		'Order amount not equal to mandate max amount',
		'This mandate has a Fixed amount rule: every debit must be exactly its max_amount (see Mandate › Get)',
	],
	[
		'mandate.notification_id is mandatory',
		'This mandate needs a pre-debit notification first: run Mandate › Send Pre-Debit Notification at least 24 hours before the debit and put its id in Notification ID',
	],
	[
		'Notification record not found',
		'Check the Notification ID: use the id from Send Pre-Debit Notification for this mandate (Mandate › Get Notification shows it)',
	],
];

function fixFor(statusCode: number, body: JuspayErrorBody): string {
	const words = [
		body.error_message,
		body.error_info?.user_message,
		body.error_info?.developer_message,
	];
	for (const [start, fix] of MESSAGE_FIXES) {
		if (words.some((text) => typeof text === 'string' && text.startsWith(start))) return fix;
	}
	for (const key of [body.error_code, body.error_info?.code, body.status]) {
		if (key && FIXES[key]) return FIXES[key];
	}
	if (statusCode === 401 || statusCode === 403) return CHECK_CREDENTIAL;
	if (statusCode === 429) {
		// Declarative nodes get n8n's Request Options as a node setting: the Settings tab, not Parameters.
		return "Juspay is limiting the request rate: in the node's Settings tab, add Request Options › Batching (Items per Batch, Batch Interval), or retry later";
	}
	if (statusCode >= 500) {
		return 'Juspay could not process the request: try again later, or turn on Retry On Fail in the node settings';
	}
	return 'Check the parameters against the Juspay API reference';
}

function asErrorBody(body: unknown): JuspayErrorBody {
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as JuspayErrorBody)
		: {};
}

/** What an operation knows better than the error code: how to fix this refusal there. */
export interface ErrorContext {
	fix?: string;
}

/** Juspay's own words for what went wrong, and what the user can do about it. */
export function describeJuspayError(
	statusCode: number,
	rawBody: unknown,
	context: ErrorContext = {},
): JuspayErrorText {
	const body = asErrorBody(rawBody);
	const info = body.error_info ?? {};
	const fieldReasons = (info.fields ?? [])
		.filter((field) => field.field_name)
		.map((field) => `${field.field_name}: ${field.reason ?? 'invalid'}`);
	const juspayWords =
		info.developer_message ||
		body.error_message ||
		info.user_message ||
		body.user_message ||
		(body.status === 'NOT_FOUND' && body.order_id ? `Order ${body.order_id} not found` : '') ||
		(typeof rawBody === 'string' && rawBody.trim() ? rawBody.trim().slice(0, 200) : '') ||
		`Juspay answered with HTTP status ${statusCode}`;

	// Some refusals list every valid value (Juspay's gateway_id error names hundreds of gateways).
	const words =
		juspayWords.length > MAX_MESSAGE_LENGTH
			? juspayWords.slice(0, MAX_MESSAGE_LENGTH - 1) + '…'
			: juspayWords;

	const facts = [
		body.error_code && `error code: ${body.error_code}`,
		info.code && info.code !== body.error_code && `code: ${info.code}`,
		body.status && `status: ${body.status}`,
		`HTTP ${statusCode}`,
	].filter(Boolean);
	const details = [...fieldReasons, ...facts].join('; ');
	return {
		message: words,
		description: `${context.fix ?? fixFor(statusCode, body)}. Juspay said: ${details}`,
	};
}

/** Turns a Juspay error response into the NodeApiError n8n shows, in Juspay's words. */
export function juspayApiError(
	node: INode,
	response: Pick<IN8nHttpFullResponse, 'statusCode' | 'body'>,
	itemIndex?: number,
	context: ErrorContext = {},
): NodeApiError {
	const { message, description } = describeJuspayError(response.statusCode, response.body, context);
	const cause: JsonObject =
		response.body !== null && typeof response.body === 'object'
			? (response.body as JsonObject)
			: { body: String(response.body ?? '') };
	return new NodeApiError(node, cause, {
		message,
		description,
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** postReceive step every operation starts with: requests ignore HTTP errors, so map them here. */
export async function throwOnJuspayError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	throw juspayApiError(this.getNode(), response, this.getItemIndex());
}
