'use strict';
/**
 * Payment links: POST /session, Juspay's Session API with action paymentPage. It creates the
 * order (kept with the other orders, so Order Status, payments and refunds see it) and answers
 * the hosted payment page link, shaped like Juspay's add-ons/payment-links samples.
 *
 * The one JSON endpoint: dotted keys (metadata.expiryInMins) are literal flat keys, so a nested
 * "metadata" object is an unknown field; payment_filter is a real nested object.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey } = require('../lib/body.js');
const { validators } = require('../lib/validators.js');
const { parseAmountToPaise, paiseToAmount } = require('../lib/money.js');
const { hex, isoSeconds, clientAuthToken } = require('../lib/ids.js');
const { UDF_FIELDS, ADDRESS_SUFFIXES, fieldValidator } = require('./orders.js');
const { SETUP_FIELDS: MANDATE_SETUP_FIELDS } = require('../lib/mandateSetup.js');

const REQUIRED = Object.freeze([
	'order_id',
	'amount',
	'currency',
	'customer_id',
	'customer_email',
	'customer_phone',
	'payment_page_client_id',
	'action',
	'return_url',
]);

const TEXT_FIELDS = Object.freeze([
	...REQUIRED.filter((k) => k !== 'amount'),
	'description',
	'first_name',
	'last_name',
	'mobile_country_code',
	'product_id',
	'gateway_id',
	...UDF_FIELDS,
	...ADDRESS_SUFFIXES.map((s) => `billing_address_${s}`),
	...ADDRESS_SUFFIXES.map((s) => `shipping_address_${s}`),
]);
const BOOLEAN_FIELDS = Object.freeze(['send_mail', 'send_sms', 'options.get_upi_deep_links']);
const FILTER_TYPES = Object.freeze(['UPI', 'WALLETS', 'CARD', 'NB']);

/** Juspay's legacy default for a link without metadata.expiryInMins. */
const DEFAULT_EXPIRY_MINUTES = 15;

const isSessionKey = (k) =>
	TEXT_FIELDS.includes(k) ||
	BOOLEAN_FIELDS.includes(k) ||
	k === 'amount' ||
	k === 'payment_filter' ||
	MANDATE_SETUP_FIELDS.includes(k) ||
	/^metadata\.[^.\s]/.test(k);

function paymentFilterReason(filter) {
	if (!filter || typeof filter !== 'object' || Array.isArray(filter))
		return 'must be a JSON object';
	const unknown = Object.keys(filter).find(
		(k) => !['allowDefaultOptions', 'options', 'emiOptions'].includes(k),
	);
	if (unknown) return `has an unknown key ${unknown}`;
	if (filter.allowDefaultOptions !== undefined && typeof filter.allowDefaultOptions !== 'boolean')
		return 'allowDefaultOptions must be true or false';
	if (filter.options === undefined) return null;
	if (!Array.isArray(filter.options)) return 'options must be a list';
	for (const option of filter.options) {
		if (!option || typeof option !== 'object' || !FILTER_TYPES.includes(option.paymentMethodType))
			return `options[].paymentMethodType must be one of ${FILTER_TYPES.join(', ')}`;
		if (typeof option.enable !== 'boolean') return 'options[].enable must be true or false';
	}
	return null;
}

/** The first reason the body is refused, as [field, reason], or null. */
function invalidField(body) {
	for (const [key, value] of Object.entries(body)) {
		if (key === 'amount') continue;
		if (TEXT_FIELDS.includes(key) && typeof value !== 'string') return [key, 'must be a string'];
		if (BOOLEAN_FIELDS.includes(key) && typeof value !== 'boolean')
			return [key, 'must be true or false'];
		if (key === 'payment_filter') {
			const reason = paymentFilterReason(value);
			if (reason) return [key, reason];
		}
		if (key === 'metadata.expiryInMins' && !/^[1-9]\d{0,6}$/.test(String(value)))
			return [key, 'must be a whole number of minutes'];
		if (key.startsWith('metadata.') && !['string', 'number'].includes(typeof value))
			return [key, 'must be a string'];
		if (
			MANDATE_SETUP_FIELDS.includes(key) &&
			!['string', 'number', 'boolean'].includes(typeof value)
		)
			return [key, 'must be a string'];
	}
	return null;
}

module.exports = function paymentLinks(ctx) {
	const { config, now } = ctx;

	function createSession({ body }) {
		const unknown = findUnknownKey(body, isSessionKey);
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = REQUIRED.filter((k) => body[k] === undefined || body[k] === '');
		if (missing.length) throw new HttpError(400, ERRORS.sessionMandatoryMissing(missing));
		const wrongType = invalidField(body);
		if (wrongType) throw new HttpError(400, ERRORS.invalidInput(...wrongType));
		if (body.action !== 'paymentPage') {
			throw new HttpError(400, ERRORS.invalidInput('action', 'must be paymentPage'));
		}
		if (body.payment_page_client_id !== config.paymentPageClientId) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('payment_page_client_id', 'is not a payment page of this merchant'),
			);
		}
		const idReason = validators.juspayId(body.order_id);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('order_id', idReason));
		// Samples send the amount as text ("100.15") and as a number (100).
		const amount = parseAmountToPaise(
			typeof body.amount === 'number' ? String(body.amount) : body.amount,
		);
		if (amount.error === 'decimals') throw new HttpError(400, ERRORS.orderAmountDecimals());
		if (amount.error) throw new HttpError(400, ERRORS.orderAmountInvalid());
		for (const [key, value] of Object.entries(body)) {
			const validate = TEXT_FIELDS.includes(key) && fieldValidator(key);
			const reason = validate ? validate(value) : null;
			if (reason) throw new HttpError(400, ERRORS.invalidInput(key, reason));
		}

		const mandateSetupError = ctx.mandates.checkSetup(body);
		if (mandateSetupError) throw new HttpError(400, mandateSetupError);

		const minutes = Number(body['metadata.expiryInMins'] ?? DEFAULT_EXPIRY_MINUTES);
		const expiry = isoSeconds(now() + minutes * 60 * 1000);
		const id = `ordeh_${hex(16)}`;
		const paymentPage = `${ctx.url()}/orders/${id}/payment-page`;
		const text = Object.fromEntries(
			Object.entries(body).filter(([k]) => TEXT_FIELDS.includes(k) || k.startsWith('metadata.')),
		);
		const order = ctx.orders.insert({ ...text, order_id: body.order_id }, amount.paise, {
			id,
			paymentPage,
			expiry,
			link: {
				sendMail: body.send_mail === true,
				sendSms: body.send_sms === true,
				paymentFilter: body.payment_filter,
			},
		});
		ctx.mandates.register(order, body);
		const token = clientAuthToken(now());
		return {
			status: order.status,
			id: order.id,
			order_id: order.order_id,
			payment_links: { web: paymentPage, expiry },
			sdk_payload: {
				requestId: hex(16),
				service: 'in.juspay.hyperpay',
				payload: {
					clientId: body.payment_page_client_id,
					merchantId: config.merchantId,
					orderId: order.order_id,
					amount: String(paiseToAmount(order.amountPaise)),
					currency: order.currency,
					customerId: order.customer_id,
					customerEmail: order.customer_email,
					customerPhone: order.customer_phone,
					returnUrl: order.return_url,
					action: 'paymentPage',
					clientAuthToken: token.client_auth_token,
					clientAuthTokenExpiry: token.client_auth_token_expiry,
					environment: 'sandbox',
				},
				expiry,
			},
			order_expiry: expiry,
		};
	}

	return {
		routes: [
			{ method: 'POST', pattern: /^\/session$/, kind: 'api', body: 'json', handler: createSession },
		],
	};
};
