'use strict';
/**
 * Canonical error bodies, exactly as Juspay documents them, and the HttpError that carries one.
 * A body never includes anything the client sent as authentication.
 */

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

const ERRORS = Object.freeze({
	unauthorized: () => ({
		status: 'error',
		error_code: 'access_denied',
		error_info: {
			user_message: 'Unauthorized.',
			developer_message:
				'Invalid API Key. Please check the API key passed in the Authorization header.',
			code: 'UNAUTHORIZED',
			category: 'USER_ERROR',
		},
	}),
	merchantIdMissing: () => ({
		status: 'Bad Request',
		error_code: 'Mandatory fields are missing',
		error_message: 'x-merchantid header is missing',
	}),
	badContentType: (expected = FORM_CONTENT_TYPE) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Content-Type must be ${expected}`,
	}),
	unknownField: (key) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Unknown field: ${key}`,
	}),
	duplicateField: (key) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Duplicate field: ${key}`,
	}),
	malformed: (what) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Malformed request: ${what}`,
	}),
	bodyTooLarge: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'Request body too large',
	}),
	mandatoryMissing: (fields) => ({
		status: 'Bad Request',
		error_code: 'Mandatory fields are missing',
		error_message: `Mandatory fields are missing: ${fields.join(', ')}`,
	}),
	invalidInput: (field, reason) => ({
		status: 'invalid_request_error',
		error_code: 'invalid_request',
		error_message: `${field} ${reason}`,
		error_info: {
			code: 'INVALID_INPUT',
			category: 'USER_ERROR',
			developer_message: `Invalid value for ${field}: ${reason}`,
			fields: [{ field_name: field, reason }],
		},
	}),
	customerExists: () => ({
		status: 'invalid_request_error',
		error_code: 'invalid_request',
		error_message: 'Customer with object_reference_id already exists',
		error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
	}),
	customerNotFound: () => ({
		status: 'invalid_request_error',
		error_code: 'object_not_found',
		error_message: 'Cannot find what you are looking for',
	}),
	orderAmountDecimals: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'Invalid amount: at most 2 decimal places are allowed',
	}),
	orderAmountInvalid: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'invalid amount',
	}),
	orderExists: (orderId) => ({
		status: 'ERROR',
		status_id: -1,
		error_code: 'invalid_request',
		error_message: `Order with order_id ${orderId} already exists`,
		error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
	}),
	// Juspay's error-code page gives "update on a charged order" as its INVALID_ACTION example.
	orderUpdateNotAllowed: (orderId, status) => ({
		status: 'ERROR',
		status_id: -1,
		error_code: 'INVALID_ACTION',
		error_message: `Order ${orderId} cannot be updated in status ${status}`,
		error_info: {
			code: 'INVALID_ACTION',
			category: 'USER_ERROR',
			user_message: 'Order cannot be updated',
			developer_message: `Order ${orderId} cannot be updated in status ${status}`,
		},
	}),
	// The Session API's missing-field answer (Juspay's payment-links response-400.json sample).
	sessionMandatoryMissing: (fields) => ({
		status: 'Bad Request',
		error_code: 'Mandatory fields are missing',
		error_message: 'Mandatory fields are missing',
		error_info: {
			developer_message: 'Invalid input data',
			user_message: 'Invalid input data',
			code: 'INVALID_INPUT',
			fields: fields.map((field_name) => ({ field_name, reason: 'Mandatory fields are missing' })),
		},
	}),
	orderNotFound: (orderId) => ({
		status: 'NOT_FOUND',
		status_id: 40,
		order_id: orderId,
		error_code: 'NOT_FOUND',
		error_message: 'Order not found',
		error_info: {
			code: 'RESOURCE_NOT_FOUND',
			category: 'USER_ERROR',
			user_message: 'Order not found',
			developer_message: `No order exists with order_id ${orderId} for this merchant`,
		},
	}),
	refundOrderNotCharged: () => ({
		status: 'ERROR',
		status_id: -1,
		error_code: 'invalid.order.status',
		error_message: 'Refund is allowed only for CHARGED orders',
	}),
	refundDuplicateId: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'duplicate.call',
		error_message: 'A refund call was already completed with this unique_request_id for the order.',
	}),
	refundSameAmount: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'duplicate.call',
		error_message: 'A refund call with the same amount is already processing for the order.',
	}),
	refundExceeded: (refundable) => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'invalid.amount.exceeded',
		error_message: `Refund amount exceeds the refundable amount of ${refundable}`,
	}),
	txnNotFound: (txnId) => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'invalid.txn_id',
		error_message: `No transaction ${txnId} found for this merchant and order`,
	}),
	instantRefundNotSupported: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'invalid_request',
		error_message:
			'Instant refund is supported only for card payments saved with Juspay; use INSTANT_WITH_FALLBACK or STANDARD',
	}),
	refundAmountInvalid: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'invalid.amount',
		error_message: 'invalid amount',
	}),
	// Mandates (Juspay API reference, Mandates: revoke, pause, resume, notification, execution).
	mandateNotFound: () => ({
		error_message: 'Mandate not found',
		status: 'invalid_request_error',
		error_code: 'Mandate not found',
		error_info: {
			user_message: 'Cannot process your request as mandate not found.',
			developer_message: 'Mandate not found for customer.',
			code: 'RESOURCE_NOT_FOUND',
			category: 'USER_ERROR',
		},
	}),
	mandateNotActive: () => ({
		status: 'Invalid Request',
		error_code: 'BAD_REQUEST',
		error_message: 'Mandate Not in Active State',
		error_info: { code: 'INVALID_ACTION', category: 'USER_ERROR' },
	}),
	resumeNotAllowed: (state) => ({
		user_message: 'Resume action not allowed.',
		message: `Mandate is in ${state} state.`,
		error_info: {
			user_message: `Mandate is in ${state} state.`,
			developer_message: 'Resume action not allowed.',
			code: 'INVALID_INPUT',
		},
		type: 'INVALID_REQUEST_ERROR',
		code: 'INVALID_REQUEST',
	}),
	commandMissing: () => ({
		error_message: 'Bad request.',
		status: 'ERROR',
		error_code: 'Bad request.',
		error_info: {
			user_message: 'Bad request.',
			fields: [{ field_name: 'command', reason: 'Field required but not passed.' }],
			developer_message: 'Failed while parsing your request.',
			code: 'MISSING_MANDATORY_PARAMETER',
			category: 'USER_ERROR',
		},
	}),
	/** Registration errors, as in Juspay's payment-links samples (400-invalid-date.json etc.). */
	mandateSetupInvalid: (errorCode, message, field) => ({
		status: 'ERROR',
		error_code: errorCode,
		error_message: message,
		status_id: -1,
		error_info: {
			category: 'UNKNOWN',
			developer_message: message,
			user_message: errorCode,
			code: 'UNKNOWN_ERROR',
			fields: [{ field_name: field, reason: 'Invalid Value' }],
		},
	}),
	txnInvalid: (message) => ({
		status: 'Invalid Request',
		error_code: 'Invalid',
		error_message: message,
	}),
	duplicateOrderId: () => ({
		status_id: 40,
		status: 'DUPLICATE_ORDER_ID',
		error_message: 'Order already exists with the given order_id',
	}),
	// UNCONFIRMED shapes: Juspay documents no body for these two.
	notificationNotFound: () => ({
		status: 'invalid_request_error',
		error_code: 'Notification not found',
		error_message: 'Notification not found',
		error_info: { code: 'RESOURCE_NOT_FOUND', category: 'USER_ERROR' },
	}),
	notificationExists: () => ({
		status: 'invalid_request_error',
		error_code: 'invalid_request',
		error_message: 'Notification already exists with the given object_reference_id',
		error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
	}),
	invalidUrl: () => ({ status: 'error', error_code: 'not_found', error_message: 'Invalid URL' }),
	internal: () => ({
		status: 'error',
		error_code: 'internal_error',
		error_message: 'Internal sandbox error',
	}),
	injectedFault: () => ({
		status: 'error',
		error_code: 'service_unavailable',
		error_message: 'Service temporarily unavailable (sandbox fault injection)',
	}),
});

/** Thrown by a handler to answer with `status` and one of the bodies above. */
class HttpError extends Error {
	constructor(status, body) {
		super(body && body.error_message ? body.error_message : `HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

module.exports = { ERRORS, HttpError };
