'use strict';
/**
 * Orders: POST /orders (create), GET /orders/{order_id} (Order Status), POST /orders/{order_id}
 * (Order Update, unpaid orders only), plus the order record and view that payment links, refunds,
 * payments and webhooks share.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey, missingFields, firstInvalid } = require('../lib/body.js');
const { validators } = require('../lib/validators.js');
const { parseAmountToPaise, paiseToAmount } = require('../lib/money.js');
const { hex, isoSeconds, clientAuthToken } = require('../lib/ids.js');
const { SETUP_FIELDS: MANDATE_SETUP_FIELDS } = require('../lib/mandateSetup.js');

const ORDER_STATUS = Object.freeze({
	CREATED: { status: 'CREATED', status_id: 1 },
	NEW: { status: 'NEW', status_id: 10 },
	CHARGED: { status: 'CHARGED', status_id: 21 },
	PENDING_VBV: { status: 'PENDING_VBV', status_id: 23 },
});

/** The simulated payment gateway (Juspay's own samples use DUMMY / 100 for test merchants). */
const SANDBOX_GATEWAY = Object.freeze({ name: 'DUMMY', id: 100 });

const ADDRESS_SUFFIXES = Object.freeze([
	'first_name',
	'last_name',
	'line1',
	'line2',
	'line3',
	'city',
	'state',
	'country',
	'postal_code',
	'phone',
	'country_code_iso',
]);

const UDF_FIELDS = Object.freeze(Array.from({ length: 10 }, (_, i) => `udf${i + 1}`));

const CREATE_FIELDS = Object.freeze([
	'order_id',
	'amount',
	'currency',
	'customer_id',
	'customer_email',
	'customer_phone',
	'description',
	'return_url',
	'product_id',
	'gateway_id',
	'basket',
	'options.get_client_auth_token',
	...UDF_FIELDS,
	...ADDRESS_SUFFIXES.map((s) => `billing_address_${s}`),
	...ADDRESS_SUFFIXES.map((s) => `shipping_address_${s}`),
]);

const UPDATE_FIELDS = Object.freeze([
	'amount',
	...UDF_FIELDS,
	...ADDRESS_SUFFIXES.map((s) => `billing_address_${s}`),
	...ADDRESS_SUFFIXES.map((s) => `shipping_address_${s}`),
]);

const isCreateKey = (k) =>
	CREATE_FIELDS.includes(k) ||
	MANDATE_SETUP_FIELDS.includes(k) ||
	(/^metadata\.[^.\s]/.test(k) && k.length > 'metadata.'.length);

/** Validator for each optional order field (keys not listed here are free text). */
function fieldValidator(key) {
	if (key === 'currency') return validators.currency;
	if (key === 'customer_email') return validators.email;
	if (key === 'customer_phone') return validators.mobileNumber;
	if (key === 'return_url') return validators.returnUrl;
	if (key === 'gateway_id') return validators.gatewayId;
	if (key === 'basket') return validators.basket;
	if (key === 'options.get_client_auth_token') return validators.booleanString;
	if (/^udf[1-5]$/.test(key)) return validators.udfPlain;
	if (/^udf([6-9]|10)$/.test(key)) return validators.udfAny;
	return validators.freeText;
}

function orders(ctx) {
	const { config, now } = ctx;
	const store = (ctx.state.orders = new Map());

	/** order_id is not case-sensitive at Juspay: exact match first, then case-insensitive. */
	function find(orderId) {
		if (store.has(orderId)) return store.get(orderId);
		const wanted = String(orderId).toLowerCase();
		for (const o of store.values()) if (o.order_id.toLowerCase() === wanted) return o;
		return undefined;
	}

	/** find(), or the 400 NOT_FOUND Juspay answers on its API (control endpoints use 404). */
	function findOrThrow(orderId, status = 400) {
		const order = find(orderId);
		if (!order) throw new HttpError(status, ERRORS.orderNotFound(orderId));
		return order;
	}

	function paymentLinks(id, paymentPage) {
		if (paymentPage) return { web: paymentPage, mobile: paymentPage, iframe: paymentPage };
		const base = ctx.url();
		return {
			web: `${base}/merchant/pay/${id}`,
			mobile: `${base}/merchant/pay/${id}?mobile=true`,
			iframe: `${base}/merchant/ipay/${id}`,
		};
	}

	/** The order as GET /orders/{id} returns it (amounts as JSON numbers). */
	function view(o, { fullGatewayResponse = false } = {}) {
		const out = {
			id: o.id,
			order_id: o.order_id,
			merchant_id: config.merchantId,
			customer_id: o.customer_id,
			customer_email: o.customer_email,
			customer_phone: o.customer_phone,
			status: o.status,
			status_id: o.status_id,
			amount: paiseToAmount(o.amountPaise),
			currency: o.currency,
			date_created: o.date_created,
			return_url: o.return_url,
			product_id: o.product_id,
			payment_links: paymentLinks(o.id, o.paymentPage),
		};
		if (o.expiry) out.order_expiry = o.expiry;
		if (o.description !== undefined) out.description = o.description;
		for (const k of UDF_FIELDS) out[k] = o.udf[k];
		if (o.txn) {
			Object.assign(out, {
				txn_id: o.txn.txn_id,
				txn_uuid: o.txn.txn_uuid,
				payment_method_type: o.txn.payment_method_type,
				payment_method: o.txn.payment_method,
				auth_type: o.txn.auth_type,
			});
			if (o.txn.card) out.card = { ...o.txn.card };
			if (o.txn.payer_vpa) out.payer_vpa = o.txn.payer_vpa;
		}
		out.refunded = o.refundedPaise === o.amountPaise && o.refundedPaise > 0;
		out.amount_refunded = paiseToAmount(o.refundedPaise);
		out.effective_amount = paiseToAmount(o.amountPaise);
		if (o.refunds.length) out.refunds = o.refunds.map(ctx.refunds.view);
		if (o.txn) {
			Object.assign(out, {
				resp_code: null,
				resp_message: null,
				bank_error_code: '',
				bank_error_message: '',
				txn_detail: { ...o.txn.txn_detail },
				payment_gateway_response: { ...o.txn.payment_gateway_response },
				gateway_id: SANDBOX_GATEWAY.id,
				gateway_reference_id: null,
				maximum_eligible_refund_amount: paiseToAmount(o.amountPaise - o.refundedPaise),
			});
			if (fullGatewayResponse) {
				out.payment_gateway_response.gateway_response = { ...o.txn.gateway_response };
			}
		} else if (o.gateway_id !== undefined) {
			out.gateway_id = o.gateway_id;
		}
		if (Object.keys(o.metadata).length) out.metadata = { ...o.metadata };
		if (o.mandateId) out.mandate = ctx.mandates.orderView(ctx.mandates.find(o.mandateId));
		out.offers = [];
		return out;
	}

	/**
	 * Stores a new order from checked fields (form or Session JSON, values as text) or answers
	 * Juspay's refusal of an order_id it already has. Returns the stored record.
	 */
	function insert(body, amountPaise, extra = {}) {
		if (find(body.order_id)) throw new HttpError(400, ERRORS.orderExists(body.order_id));
		const metadata = {};
		const addresses = {};
		for (const [k, v] of Object.entries(body)) {
			if (k.startsWith('metadata.')) metadata[k.slice('metadata.'.length)] = v;
			if (/^(billing|shipping)_address_/.test(k)) addresses[k] = v;
		}
		const order = {
			id: `ordeh_${hex(16)}`,
			order_id: body.order_id,
			amountPaise,
			refundedPaise: 0,
			currency: body.currency ?? 'INR',
			customer_id: body.customer_id ?? null,
			customer_email: body.customer_email ?? null,
			customer_phone: body.customer_phone ?? null,
			description: body.description,
			return_url: body.return_url ?? '',
			product_id: body.product_id ?? '',
			gateway_id: body.gateway_id === undefined ? undefined : Number(body.gateway_id),
			udf: Object.fromEntries(UDF_FIELDS.map((k) => [k, body[k] ?? ''])),
			metadata,
			addresses,
			basket: body.basket,
			...ORDER_STATUS.NEW,
			date_created: isoSeconds(now()),
			txn: null,
			refunds: [],
			...extra,
		};
		store.set(order.order_id, order);
		return order;
	}

	/** Order Update: amount, udf1..10 and addresses, only while nobody has paid (NEW/CREATED). */
	function update({ params, body }) {
		const unknown = findUnknownKey(body, (k) => UPDATE_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		if (!Object.keys(body).length) {
			throw new HttpError(400, ERRORS.mandatoryMissing(['one of amount, udf1..udf10, addresses']));
		}
		const { amount: rawAmount, ...optional } = body;
		const amount = rawAmount === undefined ? null : parseAmountToPaise(rawAmount);
		if (amount && amount.error === 'decimals')
			throw new HttpError(400, ERRORS.orderAmountDecimals());
		if (amount && amount.error) throw new HttpError(400, ERRORS.orderAmountInvalid());
		const invalid = firstInvalid(optional, fieldValidator);
		if (invalid) throw new HttpError(400, invalid);
		const order = findOrThrow(params.orderId);
		if (order.status !== ORDER_STATUS.NEW.status && order.status !== ORDER_STATUS.CREATED.status) {
			throw new HttpError(400, ERRORS.orderUpdateNotAllowed(order.order_id, order.status));
		}
		if (amount) order.amountPaise = amount.paise;
		for (const [k, v] of Object.entries(optional)) {
			if (k.startsWith('udf')) order.udf[k] = v;
			else order.addresses[k] = v;
		}
		return view(order);
	}

	function create({ body }) {
		const unknown = findUnknownKey(body, isCreateKey);
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, ['order_id', 'amount']);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const idReason = validators.juspayId(body.order_id);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('order_id', idReason));
		const amount = parseAmountToPaise(body.amount);
		if (amount.error === 'decimals') throw new HttpError(400, ERRORS.orderAmountDecimals());
		if (amount.error) throw new HttpError(400, ERRORS.orderAmountInvalid());
		const { order_id: _o, amount: _a, ...optional } = body;
		const invalid = firstInvalid(optional, fieldValidator);
		if (invalid) throw new HttpError(400, invalid);
		const mandateSetupError = ctx.mandates.checkSetup(body);
		if (mandateSetupError) throw new HttpError(400, mandateSetupError);
		const order = insert(body, amount.paise);
		ctx.mandates.register(order, body);
		if (body['options.get_client_auth_token'] === 'true') {
			return { ...view(order), juspay: clientAuthToken(now()) };
		}
		return {
			...ORDER_STATUS.CREATED,
			id: order.id,
			order_id: order.order_id,
			payment_links: paymentLinks(order.id),
		};
	}

	/** A mandate debit's order (POST /txns): charged without the customer, pending until settled. */
	function insertDebit({ orderId, amountPaise, currency, customerId, mandateId }) {
		const order = {
			id: `ordeh_${hex(16)}`,
			order_id: orderId,
			amountPaise,
			refundedPaise: 0,
			currency,
			customer_id: customerId,
			customer_email: null,
			customer_phone: null,
			description: undefined,
			return_url: '',
			product_id: '',
			gateway_id: undefined,
			udf: Object.fromEntries(UDF_FIELDS.map((k) => [k, ''])),
			metadata: {},
			addresses: {},
			basket: undefined,
			...ORDER_STATUS.PENDING_VBV,
			date_created: isoSeconds(now()),
			txn: null,
			refunds: [],
			mandateId,
		};
		store.set(orderId, order);
		return order;
	}

	function status({ params, query }) {
		const flag = query['options.add_full_gateway_response'];
		if (flag !== undefined && validators.booleanString(flag)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('options.add_full_gateway_response', validators.booleanString(flag)),
			);
		}
		return view(findOrThrow(params.orderId), { fullGatewayResponse: flag === 'true' });
	}

	return {
		routes: [
			{ method: 'POST', pattern: /^\/orders$/, kind: 'api', handler: create },
			{ method: 'POST', pattern: /^\/orders\/(?<orderId>[^/]+)$/, kind: 'api', handler: update },
			{
				method: 'GET',
				pattern: /^\/orders\/(?<orderId>[^/]+)$/,
				kind: 'api',
				// The Node SDK appends order_id=; options.add_full_gateway_response is documented.
				query: ['options.add_full_gateway_response', 'order_id'],
				handler: status,
			},
		],
		find,
		findOrThrow,
		insert,
		view,
		insertDebit,
	};
}

module.exports = orders;
module.exports.ORDER_STATUS = ORDER_STATUS;
module.exports.SANDBOX_GATEWAY = SANDBOX_GATEWAY;
module.exports.UDF_FIELDS = UDF_FIELDS;
module.exports.ADDRESS_SUFFIXES = ADDRESS_SUFFIXES;
module.exports.fieldValidator = fieldValidator;
