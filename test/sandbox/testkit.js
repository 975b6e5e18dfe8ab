'use strict';
/**
 * Shared by the sandbox's own tests: one sandbox per test file with a fixed clock, emptied before
 * each test, and small helpers to call it over real sockets with Node's global fetch.
 */

const { createJuspaySandbox } = require('./juspay-sandbox.js');

const API_KEY = 'test_key_123';
const MERCHANT = 'test_merchant';
const AUTH = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;
const T0 = Date.UTC(2026, 0, 15, 10, 30, 0); // fixed clock: timestamps become exact

const UNAUTHORIZED = {
	status: 'error',
	error_code: 'access_denied',
	error_info: {
		user_message: 'Unauthorized.',
		developer_message:
			'Invalid API Key. Please check the API key passed in the Authorization header.',
		code: 'UNAUTHORIZED',
		category: 'USER_ERROR',
	},
};
const NOT_FOUND_ROUTE = { status: 'error', error_code: 'not_found', error_message: 'Invalid URL' };
const orderNotFound = (id) => ({
	status: 'NOT_FOUND',
	status_id: 40,
	order_id: id,
	error_code: 'NOT_FOUND',
	error_message: 'Order not found',
	error_info: {
		code: 'RESOURCE_NOT_FOUND',
		category: 'USER_ERROR',
		user_message: 'Order not found',
		developer_message: `No order exists with order_id ${id} for this merchant`,
	},
});

/**
 * One HTTP call to `baseUrl`; `form` is sent urlencoded (as the node does), `json` as JSON, `body`
 * verbatim. Authorization and x-merchantid are the test credentials unless set to null.
 */
async function request(
	baseUrl,
	method,
	urlPath,
	{ form, json, body, headers = {}, auth = AUTH, merchant = MERCHANT, signal } = {},
) {
	const h = { ...headers };
	if (auth !== null) h.authorization = auth;
	if (merchant !== null) h['x-merchantid'] = merchant;
	const hasType = Object.keys(h).some((k) => k.toLowerCase() === 'content-type');
	let payload = body;
	if (form) {
		payload = new URLSearchParams(form).toString();
		if (!hasType) h['content-type'] = 'application/x-www-form-urlencoded';
	} else if (json !== undefined) {
		payload = JSON.stringify(json);
		if (!hasType) h['content-type'] = 'application/json';
	}
	const res = await fetch(`${baseUrl}${urlPath}`, { method, headers: h, body: payload, signal });
	const text = await res.text();
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Runs `fn` against a second, started sandbox with `options`, and always stops it. */
async function withSandbox(options, fn) {
	const s = createJuspaySandbox({ apiKey: API_KEY, merchantId: MERCHANT, ...options });
	try {
		await s.start();
		return await fn(s);
	} finally {
		await s.stop();
	}
}

/**
 * Registers the jest hooks for this file's sandbox and returns the helpers. `t.clock` is the
 * sandbox's clock: set it (t.clock += 5000) to move time.
 */
function useSandbox(options = {}) {
	const t = {
		clock: T0,
		sandbox: createJuspaySandbox({
			apiKey: API_KEY,
			merchantId: MERCHANT,
			now: () => t.clock,
			...options,
		}),
		call: (method, urlPath, opts) => request(t.sandbox.url, method, urlPath, opts),
		createOrder: (fields) =>
			t.call('POST', '/orders', { form: { order_id: 'ORD1', amount: '100', ...fields } }),
		refund: (orderId, fields) => t.call('POST', `/orders/${orderId}/refunds`, { form: fields }),
		/** Creates and charges an order (the precondition of every refund). */
		async chargedOrder(orderId = 'ORD1', amount = '100') {
			expect((await t.createOrder({ order_id: orderId, amount })).status).toBe(200);
			t.sandbox.chargeOrder(orderId);
		},
		/** A control-plane call: no credentials, optional JSON body. */
		control: (method, urlPath, json) =>
			request(t.sandbox.url, method, urlPath, { json, auth: null, merchant: null }).then(
				({ status, body }) => ({ status, body }),
			),
	};
	beforeAll(() => t.sandbox.start());
	afterAll(() => t.sandbox.stop());
	beforeEach(() => {
		t.clock = T0;
		t.sandbox.reset();
	});
	return t;
}

module.exports = {
	API_KEY,
	MERCHANT,
	AUTH,
	T0,
	UNAUTHORIZED,
	NOT_FOUND_ROUTE,
	orderNotFound,
	request,
	withSandbox,
	useSandbox,
};
