'use strict';
/**
 * Tests of the local Juspay sandbox itself, over real sockets with Node's global fetch.
 * The node's own tests rely on these behaviours, so every assertion pins an exact status/body.
 */

const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');
const {
	createJuspaySandbox,
	parseAmountToPaise,
	paiseToAmount,
	isFormContentType,
	ERRORS,
} = require('./juspay-sandbox.js');

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
const INVALID_REFUND_AMOUNT = {
	status_id: -1,
	status: 'ERROR',
	error_code: 'invalid.amount',
	error_message: 'invalid amount',
};

// Top-level keys of Juspay's published samples (orders/order-status/card.json minus the EMI/COD
// extras; orders/refund-order/response.json refunds[0]; customer/create-customer/response.json).
const CARD_SAMPLE_KEYS = [
	'customer_email',
	'customer_phone',
	'customer_id',
	'status_id',
	'status',
	'id',
	'merchant_id',
	'amount',
	'currency',
	'order_id',
	'date_created',
	'return_url',
	'product_id',
	'payment_links',
	'udf1',
	'udf2',
	'udf3',
	'udf4',
	'udf5',
	'udf6',
	'udf7',
	'udf8',
	'udf9',
	'udf10',
	'txn_id',
	'payment_method_type',
	'auth_type',
	'card',
	'payment_method',
	'refunded',
	'amount_refunded',
	'effective_amount',
	'refunds',
	'resp_code',
	'resp_message',
	'bank_error_code',
	'bank_error_message',
	'txn_uuid',
	'txn_detail',
	'payment_gateway_response',
	'gateway_id',
	'metadata',
	'gateway_reference_id',
	'offers',
];
const REFUND_SAMPLE_KEYS = [
	'unique_request_id',
	'status',
	'sent_to_gateway',
	'refund_type',
	'refund_source',
	'ref',
	'initiated_by',
	'id',
	'error_message',
	'error_code',
	'created',
	'amount',
];
const CUSTOMER_SAMPLE_KEYS = [
	'id',
	'object',
	'object_reference_id',
	'mobile_country_code',
	'mobile_number',
	'email_address',
	'first_name',
	'last_name',
	'date_created',
	'last_updated',
];

let clock = T0;
let sandbox;

beforeAll(async () => {
	sandbox = createJuspaySandbox({ apiKey: API_KEY, merchantId: MERCHANT, now: () => clock });
	await sandbox.start();
});
afterAll(() => sandbox.stop());
beforeEach(() => {
	clock = T0;
	sandbox.reset();
});

/** One HTTP call; `form` is sent urlencoded (as the node does), `body` is sent verbatim. */
async function call(
	method,
	urlPath,
	{ form, body, headers = {}, auth = AUTH, merchant = MERCHANT, signal } = {},
) {
	const h = { ...headers };
	if (auth !== null) h.authorization = auth;
	if (merchant !== null) h['x-merchantid'] = merchant;
	let payload = body;
	if (form) {
		payload = new URLSearchParams(form).toString();
		if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
			h['content-type'] = 'application/x-www-form-urlencoded';
		}
	}
	const res = await fetch(`${sandbox.url}${urlPath}`, {
		method,
		headers: h,
		body: payload,
		signal,
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, body: json, text, headers: res.headers };
}

const createOrder = (fields) =>
	call('POST', '/orders', { form: { order_id: 'ORD1', amount: '100', ...fields } });
const refund = (orderId, fields) => call('POST', `/orders/${orderId}/refunds`, { form: fields });
async function chargedOrder(orderId = 'ORD1', amount = '100') {
	expect((await createOrder({ order_id: orderId, amount })).status).toBe(200);
	sandbox.chargeOrder(orderId);
}

// ---------------------------------------------------------------------------------------------

describe('lifecycle', () => {
	test('listens on 127.0.0.1 with an ephemeral port; start/stop are idempotent', async () => {
		const s = createJuspaySandbox();
		const first = await s.start();
		expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(first.port).toBeGreaterThan(0);
		expect(await s.start()).toEqual(first);
		expect(s.url).toBe(first.url);
		// Defaults are the documented ones.
		const res = await fetch(`${s.url}/orders/X`, {
			headers: {
				authorization: `Basic ${Buffer.from('sandbox_api_key:').toString('base64')}`,
				'x-merchantid': 'sandbox_merchant',
			},
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual(orderNotFound('X'));
		await Promise.all([s.stop(), s.stop()]);
		await s.stop();
		await expect(fetch(`${first.url}/orders/X`)).rejects.toThrow();
	});

	test('refuses to bind anything but loopback', () => {
		expect(() => createJuspaySandbox({ host: '0.0.0.0' })).toThrow(/loopback/);
		expect(() => createJuspaySandbox({ host: '192.168.1.10' })).toThrow(/loopback/);
	});

	test('stop() closes keep-alive and in-flight delayed connections', async () => {
		const s = createJuspaySandbox();
		await s.start();
		s.injectFault({ path: '/orders/SLOW', delayMs: 60000 });
		const pending = fetch(`${s.url}/orders/SLOW`).then(
			() => 'answered',
			() => 'aborted',
		);
		await new Promise((r) => setTimeout(r, 50));
		await s.stop();
		expect(await pending).toBe('aborted');
	});
});

describe('authentication and headers', () => {
	test('missing Authorization → 401 access_denied', async () => {
		const res = await call('GET', '/orders/ORD1', { auth: null });
		expect(res.status).toBe(401);
		expect(res.body).toEqual(UNAUTHORIZED);
		expect(res.headers.get('content-type')).toBe('application/json');
	});

	test('wrong key → 401 and the received key is never echoed', async () => {
		const wrong = `Basic ${Buffer.from('sk_live_secret_guess:').toString('base64')}`;
		const res = await call('GET', '/orders/ORD1', { auth: wrong });
		expect(res.status).toBe(401);
		expect(res.body).toEqual(UNAUTHORIZED);
		expect(res.text).not.toContain('sk_live_secret_guess');
		expect(res.text).not.toContain(wrong.slice(6));
	});

	test.each([
		['key without the trailing colon', `Basic ${Buffer.from(API_KEY).toString('base64')}`],
		['key with a password', `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}`],
		['Bearer scheme', `Bearer ${API_KEY}`],
		['raw key', API_KEY],
	])('%s → 401', async (_label, header) => {
		const res = await call('GET', '/orders/ORD1', { auth: header });
		expect(res.status).toBe(401);
		expect(res.body).toEqual(UNAUTHORIZED);
	});

	test('missing x-merchantid → 400; a different merchant → 401', async () => {
		const missing = await call('GET', '/orders/ORD1', { merchant: null });
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message: 'x-merchantid header is missing',
		});
		const other = await call('GET', '/orders/ORD1', { merchant: 'someone_else' });
		expect(other.status).toBe(401);
		expect(other.body).toEqual(UNAUTHORIZED);
	});

	test('version header is recorded but optional', async () => {
		const withVersion = await call('GET', '/orders/NOPE', { headers: { version: '2023-06-30' } });
		const without = await call('GET', '/orders/NOPE');
		expect(withVersion.status).toBe(400);
		expect(without.status).toBe(400);
		expect(sandbox.requests[0].headers.version).toBe('2023-06-30');
		expect(sandbox.requests[1].headers.version).toBeUndefined();
	});
});

describe('request body rules', () => {
	const BAD_TYPE = {
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'Content-Type must be application/x-www-form-urlencoded',
	};

	test('a JSON body is rejected', async () => {
		const res = await call('POST', '/orders', {
			body: JSON.stringify({ order_id: 'ORD1', amount: '1' }),
			headers: { 'content-type': 'application/json' },
		});
		expect(res.status).toBe(400);
		expect(res.body).toEqual(BAD_TYPE);
		expect(sandbox.state.orders.size).toBe(0);
	});

	test('missing or other content types are rejected; a UTF-8 charset is allowed', async () => {
		expect((await call('POST', '/orders', { body: 'order_id=A1&amount=1' })).body).toEqual(
			BAD_TYPE,
		);
		const plain = await call('POST', '/orders', {
			body: 'order_id=A1&amount=1',
			headers: { 'content-type': 'text/plain' },
		});
		expect(plain.status).toBe(400);
		expect(plain.body).toEqual(BAD_TYPE);
		// fetch with a URLSearchParams body sends "application/x-www-form-urlencoded;charset=UTF-8".
		const res = await fetch(`${sandbox.url}/orders`, {
			method: 'POST',
			headers: { authorization: AUTH, 'x-merchantid': MERCHANT },
			body: new URLSearchParams({ order_id: 'A1', amount: '1' }),
		});
		expect(res.status).toBe(200);
		expect(sandbox.requests.at(-1).headers['content-type']).toBe(
			'application/x-www-form-urlencoded;charset=UTF-8',
		);
	});

	test('bracket keys are rejected: Juspay uses flat dotted keys', async () => {
		const res = await createOrder({ 'options[get_client_auth_token]': 'true' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'Bad Request',
			error_code: 'invalid_request',
			error_message: 'Unknown field: options[get_client_auth_token]',
		});
	});

	test('undocumented fields, duplicate fields and undocumented query keys are rejected', async () => {
		const unknown = await createOrder({ colour: 'red' });
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual(ERRORS.unknownField('colour'));
		const dup = await call('POST', '/orders', {
			body: 'order_id=A1&amount=1&amount=2',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(dup.status).toBe(400);
		expect(dup.body).toEqual({
			status: 'Bad Request',
			error_code: 'invalid_request',
			error_message: 'Duplicate field: amount',
		});
		const query = await call('GET', '/orders/ORD1?expand=all');
		expect(query.status).toBe(400);
		expect(query.body).toEqual(ERRORS.unknownField('expand'));
		expect(sandbox.state.orders.size).toBe(0);
	});

	test('malformed percent-encoding → 400, never a crash', async () => {
		const malformed = {
			status: 'Bad Request',
			error_code: 'invalid_request',
			error_message: 'Malformed request: invalid percent-encoding',
		};
		const body = await call('POST', '/orders', {
			body: 'order_id=A1&amount=%E0%A4%A',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(body.status).toBe(400);
		expect(body.body).toEqual(malformed);
		const query = await call('GET', '/orders/A1?order_id=%zz');
		expect(query.status).toBe(400);
		expect(query.body).toEqual(malformed);
		const pathRes = await call('GET', '/orders/%E0%A4%A');
		expect(pathRes.status).toBe(400);
		expect(pathRes.body).toEqual({
			...malformed,
			error_message: 'Malformed request: invalid percent-encoding in path',
		});
	});

	test('garbage on the socket gets a 400 and the server keeps serving', async () => {
		const reply = await new Promise((resolve, reject) => {
			const socket = net.connect(sandbox.port, '127.0.0.1', () =>
				socket.write('NOT HTTP AT ALL\r\n\r\n'),
			);
			let data = '';
			socket.on('data', (d) => (data += d));
			socket.on('end', () => resolve(data));
			socket.on('error', reject);
		});
		expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request/);
		expect((await call('GET', '/orders/X')).status).toBe(400);
	});

	test('unknown routes and methods → 404 Invalid URL', async () => {
		for (const [method, p] of [
			['GET', '/v2/orders'],
			['DELETE', '/orders/ORD1'],
			['GET', '/orders/ORD1/refunds'],
			['GET', '/customers'],
			['GET', '/orders/'],
			['POST', '/refunds'],
			['GET', '/sandbox/nope'],
		]) {
			const res = await call(method, p);
			expect([method, p, res.status]).toEqual([method, p, 404]);
			expect(res.body).toEqual(NOT_FOUND_ROUTE);
		}
	});
});

describe('customers', () => {
	const CUSTOMER = {
		object_reference_id: 'customer@gmail.com',
		mobile_number: '9988776655',
		email_address: 'customer@gmail.com',
		first_name: 'John',
		last_name: 'Smith',
		mobile_country_code: '91',
	};
	const create = (fields) => call('POST', '/customers', { form: fields });

	test('create returns the documented customer object', async () => {
		const res = await create(CUSTOMER);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual([...CUSTOMER_SAMPLE_KEYS].sort());
		expect(res.body).toEqual({
			id: expect.stringMatching(/^cst_[a-z0-9]{16}$/),
			object: 'customer',
			...CUSTOMER,
			date_created: '2026-01-15T10:30:00Z',
			last_updated: '2026-01-15T10:30:00Z',
		});
		expect(sandbox.state.customers.get(res.body.id).object_reference_id).toBe('customer@gmail.com');
	});

	test('options.get_client_auth_token=true adds a 15-minute token', async () => {
		const res = await create({ ...CUSTOMER, 'options.get_client_auth_token': 'true' });
		expect(res.status).toBe(200);
		expect(res.body.juspay).toEqual({
			client_auth_token: expect.stringMatching(/^tkn_[0-9a-f]{32}$/),
			client_auth_token_expiry: '2026-01-15T10:45:00Z',
		});
		const without = await create({
			...CUSTOMER,
			object_reference_id: 'another1',
			'options.get_client_auth_token': 'false',
		});
		expect(without.body).not.toHaveProperty('juspay');
	});

	test('missing required fields → 400 Mandatory fields are missing', async () => {
		const one = await create({ object_reference_id: 'customer01' });
		expect(one.status).toBe(400);
		expect(one.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message: 'Mandatory fields are missing: mobile_number',
		});
		const both = await create({ email_address: 'a@b.co' });
		expect(both.body.error_message).toBe(
			'Mandatory fields are missing: object_reference_id, mobile_number',
		);
	});

	test('invalid fields → 400 INVALID_INPUT naming the field', async () => {
		const res = await create({ ...CUSTOMER, mobile_number: '+919988776655' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'invalid_request_error',
			error_code: 'invalid_request',
			error_message: 'mobile_number must contain digits only',
			error_info: {
				code: 'INVALID_INPUT',
				category: 'USER_ERROR',
				developer_message: 'Invalid value for mobile_number: must contain digits only',
				fields: [{ field_name: 'mobile_number', reason: 'must contain digits only' }],
			},
		});
		const cases = [
			[{ object_reference_id: 'short' }, 'object_reference_id must be at least 8 characters long'],
			[{ email_address: '.john@example.com' }, 'email_address is not a valid email address'],
			[{ email_address: 'not-an-email' }, 'email_address is not a valid email address'],
			[{ first_name: 'John Paul' }, 'first_name may contain only alphanumerics and ( ) . - _'],
			[{ mobile_country_code: '+91' }, 'mobile_country_code must be 1 to 4 digits without +'],
			[
				{ 'options.get_client_auth_token': 'yes' },
				'options.get_client_auth_token must be true or false',
			],
		];
		for (const [override, message] of cases) {
			const r = await create({ ...CUSTOMER, ...override });
			expect([r.status, r.body.error_message]).toEqual([400, message]);
		}
		expect(sandbox.state.customers.size).toBe(0);
	});

	test('an existing object_reference_id → 400 ALREADY_EXISTS', async () => {
		expect((await create(CUSTOMER)).status).toBe(200);
		const res = await create({ ...CUSTOMER, mobile_number: '9000000000' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'invalid_request_error',
			error_code: 'invalid_request',
			error_message: 'Customer with object_reference_id already exists',
			error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
		});
		expect(sandbox.state.customers.size).toBe(1);
	});

	test('get by cst_ id or by object_reference_id; token only on request', async () => {
		const created = (await create(CUSTOMER)).body;
		const byId = await call('GET', `/customers/${created.id}`);
		expect(byId.status).toBe(200);
		expect(byId.body).toEqual(created);
		const byRef = await call('GET', `/customers/${encodeURIComponent('customer@gmail.com')}`);
		expect(byRef.body).toEqual(created);
		const withToken = await call(
			'GET',
			`/customers/${created.id}?options.get_client_auth_token=true`,
		);
		expect(withToken.body).toEqual({
			...created,
			juspay: {
				client_auth_token: expect.stringMatching(/^tkn_[0-9a-f]{32}$/),
				client_auth_token_expiry: '2026-01-15T10:45:00Z',
			},
		});
	});

	test('unknown customer → 404 object_not_found', async () => {
		const res = await call('GET', '/customers/cst_doesnotexist0000');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({
			status: 'invalid_request_error',
			error_code: 'object_not_found',
			error_message: 'Cannot find what you are looking for',
		});
		const upd = await call('POST', '/customers/cst_doesnotexist0000', {
			form: { first_name: 'Jon' },
		});
		expect(upd.status).toBe(404);
		expect(upd.body).toEqual(res.body);
	});

	test('update changes only the given fields and last_updated', async () => {
		const created = (await create(CUSTOMER)).body;
		clock = T0 + 60_000;
		const res = await call('POST', `/customers/${created.id}`, {
			form: { first_name: 'Jon', last_name: 'Snow' },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			...created,
			first_name: 'Jon',
			last_name: 'Snow',
			last_updated: '2026-01-15T10:31:00Z',
		});
		expect((await call('GET', `/customers/${created.id}`)).body).toEqual(res.body);
	});

	test('update needs at least one field and refuses object_reference_id', async () => {
		const created = (await create(CUSTOMER)).body;
		const none = await call('POST', `/customers/${created.id}`, { form: {} });
		expect(none.status).toBe(400);
		expect(none.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message:
				'Mandatory fields are missing: one of mobile_number, email_address, first_name, last_name, mobile_country_code',
		});
		const ref = await call('POST', `/customers/${created.id}`, {
			form: { object_reference_id: 'changed123' },
		});
		expect(ref.status).toBe(400);
		expect(ref.body).toEqual(ERRORS.unknownField('object_reference_id'));
	});
});

describe('orders', () => {
	test('create returns CREATED/1 with payment links on the sandbox url', async () => {
		const res = await createOrder({ order_id: 'ORD1', amount: '100.15' });
		expect(res.status).toBe(200);
		const id = res.body.id;
		expect(id).toMatch(/^ordeh_[0-9a-f]{32}$/);
		expect(res.body).toEqual({
			status: 'CREATED',
			status_id: 1,
			id,
			order_id: 'ORD1',
			payment_links: {
				web: `${sandbox.url}/merchant/pay/${id}`,
				mobile: `${sandbox.url}/merchant/pay/${id}?mobile=true`,
				iframe: `${sandbox.url}/merchant/ipay/${id}`,
			},
		});
	});

	test('GET returns the full NEW order with JSON-number amounts', async () => {
		const { id } = (
			await createOrder({
				order_id: 'ORD1',
				amount: '1250.5',
				customer_id: 'cst_abc',
				customer_email: 'test@gmail.com',
				customer_phone: '9999999999',
				return_url: 'https://shop.example.com/return',
				udf1: 'campaign 7',
				udf6: 'a&b=c?',
				'metadata.webhook_url': 'https://hooks.example.com/j',
			})
		).body;
		const res = await call('GET', '/orders/ORD1');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			id,
			order_id: 'ORD1',
			merchant_id: MERCHANT,
			customer_id: 'cst_abc',
			customer_email: 'test@gmail.com',
			customer_phone: '9999999999',
			status: 'NEW',
			status_id: 10,
			amount: 1250.5,
			currency: 'INR',
			date_created: '2026-01-15T10:30:00Z',
			return_url: 'https://shop.example.com/return',
			product_id: '',
			payment_links: {
				web: `${sandbox.url}/merchant/pay/${id}`,
				mobile: `${sandbox.url}/merchant/pay/${id}?mobile=true`,
				iframe: `${sandbox.url}/merchant/ipay/${id}`,
			},
			udf1: 'campaign 7',
			udf2: '',
			udf3: '',
			udf4: '',
			udf5: '',
			udf6: 'a&b=c?',
			udf7: '',
			udf8: '',
			udf9: '',
			udf10: '',
			refunded: false,
			amount_refunded: 0,
			effective_amount: 1250.5,
			metadata: { webhook_url: 'https://hooks.example.com/j' },
			offers: [],
		});
		expect(res.body).not.toHaveProperty('refunds');
	});

	test('options.get_client_auth_token=true returns the full order plus a token', async () => {
		const res = await createOrder({ 'options.get_client_auth_token': 'true', currency: 'INR' });
		expect(res.status).toBe(200);
		const status = await call('GET', '/orders/ORD1');
		expect(res.body).toEqual({
			...status.body,
			juspay: {
				client_auth_token: expect.stringMatching(/^tkn_[0-9a-f]{32}$/),
				client_auth_token_expiry: '2026-01-15T10:45:00Z',
			},
		});
		expect(res.body.status).toBe('NEW');
		expect(res.body.status_id).toBe(10);
	});

	test.each([
		['100.1532', 'Invalid amount: at most 2 decimal places are allowed'],
		['0', 'invalid amount'],
		['0.00', 'invalid amount'],
		['-5', 'invalid amount'],
		['abc', 'invalid amount'],
		['1e3', 'invalid amount'],
	])('amount %s → 400 %s', async (amount, message) => {
		const res = await createOrder({ amount });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'Bad Request',
			error_code: 'invalid_request',
			error_message: message,
		});
		expect(sandbox.state.orders.size).toBe(0);
	});

	test('order_id must be alphanumeric and at most 20 characters; required fields enforced', async () => {
		const long = await createOrder({ order_id: 'A'.repeat(21) });
		expect(long.status).toBe(400);
		expect(long.body.error_message).toBe('order_id must be at most 20 characters long');
		expect(long.body.error_info.code).toBe('INVALID_INPUT');
		const special = await createOrder({ order_id: 'order_1' });
		expect(special.body.error_message).toBe('order_id must be alphanumeric');
		expect((await createOrder({ order_id: 'A'.repeat(20) })).status).toBe(200);
		const missing = await call('POST', '/orders', { form: { currency: 'INR' } });
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message: 'Mandatory fields are missing: order_id, amount',
		});
	});

	test('optional fields follow the documented formats', async () => {
		const cases = [
			[{ udf1: 'a&b' }, 'udf1 must not contain special characters (use udf6 to udf10)'],
			[
				{ return_url: 'https://shop.example.com/r?x=1' },
				'return_url must not contain a query string or fragment',
			],
			[{ return_url: 'https://10.0.0.1/r' }, 'return_url must not use an IP address'],
			[{ customer_phone: '+91 99999' }, 'customer_phone must contain digits only'],
			[{ currency: 'inr' }, 'currency must be an ISO-4217 code such as INR'],
			[
				{ 'options.get_client_auth_token': '1' },
				'options.get_client_auth_token must be true or false',
			],
		];
		for (const [fields, message] of cases) {
			const r = await createOrder(fields);
			expect([r.status, r.body.error_message]).toEqual([400, message]);
		}
		const unknownAddress = await createOrder({ billing_address_planet: 'Mars' });
		expect(unknownAddress.body).toEqual(ERRORS.unknownField('billing_address_planet'));
		const ok = await createOrder({
			billing_address_city: 'Bengaluru',
			shipping_address_postal_code: '560001',
			'metadata.JUSPAY:gateway_reference_id': 'ref1',
			gateway_id: '23',
			description: 'Two books',
			product_id: 'SKU1',
		});
		expect(ok.status).toBe(200);
	});

	test('an existing order_id (case-insensitive) → 400 ALREADY_EXISTS', async () => {
		expect((await createOrder({ order_id: 'Abc123' })).status).toBe(200);
		for (const id of ['Abc123', 'ABC123']) {
			const res = await createOrder({ order_id: id });
			expect(res.status).toBe(400);
			expect(res.body).toEqual({
				status: 'ERROR',
				status_id: -1,
				error_code: 'invalid_request',
				error_message: `Order with order_id ${id} already exists`,
				error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
			});
		}
		expect(sandbox.state.orders.size).toBe(1);
	});

	test('unknown order → 400 NOT_FOUND/40 (not 404)', async () => {
		const res = await call('GET', '/orders/NOPE42');
		expect(res.status).toBe(400);
		expect(res.body).toEqual(orderNotFound('NOPE42'));
	});

	test('a charged order carries every top-level key of Juspay card.json', async () => {
		await createOrder({ 'metadata.RAZORPAY:gateway_reference_id': 'testmid' });
		sandbox.chargeOrder('ORD1');
		expect((await refund('ORD1', { unique_request_id: 'R1', amount: '1' })).status).toBe(200);
		const res = await call('GET', '/orders/ORD1?options.add_full_gateway_response=true');
		expect(res.status).toBe(200);
		for (const key of CARD_SAMPLE_KEYS) expect([key, key in res.body]).toEqual([key, true]);
		expect(res.body.payment_gateway_response.gateway_response).toEqual(expect.any(Object));
		const plain = await call('GET', '/orders/ORD1?options.add_full_gateway_response=false');
		expect(plain.body.payment_gateway_response).not.toHaveProperty('gateway_response');
	});
});

describe('chargeOrder', () => {
	test('CARD payment fills the transaction like card.json', async () => {
		await createOrder({ amount: '9000' });
		const order = sandbox.chargeOrder('ORD1');
		expect(order).toMatchObject({
			status: 'CHARGED',
			status_id: 21,
			txn_id: `${MERCHANT}-ORD1-1`,
			txn_uuid: expect.stringMatching(/^eul[A-Za-z0-9]{16}$/),
			payment_method_type: 'CARD',
			payment_method: 'VISA',
			auth_type: 'THREE_DS',
			card: expect.objectContaining({
				card_brand: 'VISA',
				last_four_digits: '1111',
				card_isin: '411111',
			}),
			txn_detail: expect.objectContaining({
				txn_id: `${MERCHANT}-ORD1-1`,
				order_id: 'ORD1',
				status: 'CHARGED',
				txn_amount: 9000,
				net_amount: 9000,
				gateway: 'DUMMY',
				gateway_id: 100,
				created: '2026-01-15T10:30:00Z',
			}),
			payment_gateway_response: expect.objectContaining({
				resp_code: 'SUCCESS',
				txn_id: `${MERCHANT}-ORD1-1`,
			}),
			maximum_eligible_refund_amount: 9000,
			refunded: false,
			amount_refunded: 0,
		});
		expect((await call('GET', '/orders/ORD1')).body).toEqual(order);
	});

	test('UPI payment has no card; charging twice or an unknown order throws', async () => {
		await createOrder();
		const order = sandbox.chargeOrder('ORD1', { paymentMethodType: 'UPI', paymentMethod: 'UPI' });
		expect(order.payment_method_type).toBe('UPI');
		expect(order).not.toHaveProperty('card');
		expect(() => sandbox.chargeOrder('ORD1')).toThrow(
			'Order ORD1 is CHARGED; only NEW orders can be charged',
		);
		expect(() => sandbox.chargeOrder('NOPE')).toThrow('Order not found');
	});
});

describe('refunds', () => {
	test('refund of a NEW order → 400 invalid.order.status', async () => {
		await createOrder();
		const res = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'ERROR',
			status_id: -1,
			error_code: 'invalid.order.status',
			error_message: 'Refund is allowed only for CHARGED orders',
		});
	});

	test('unknown order → 400 NOT_FOUND', async () => {
		const res = await refund('GHOST1', { unique_request_id: 'R1', amount: '10' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual(orderNotFound('GHOST1'));
	});

	test('missing amount or unique_request_id → 400 Mandatory fields are missing', async () => {
		await chargedOrder();
		const noAmount = await refund('ORD1', { unique_request_id: 'R1' });
		expect(noAmount.status).toBe(400);
		expect(noAmount.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message: 'Mandatory fields are missing: amount',
		});
		const noId = await refund('ORD1', { amount: '1' });
		expect(noId.body.error_message).toBe('Mandatory fields are missing: unique_request_id');
	});

	test('a partial refund returns the order with a PENDING refund', async () => {
		await chargedOrder('ORD1', '100');
		const res = await refund('ORD1', { unique_request_id: 'R1', amount: '40.5' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			order_id: 'ORD1',
			status: 'CHARGED',
			status_id: 21,
			amount: 100,
			amount_refunded: 40.5,
			refunded: false,
			maximum_eligible_refund_amount: 59.5,
		});
		expect(res.body.refunds).toHaveLength(1);
		expect(Object.keys(res.body.refunds[0]).sort()).toEqual([...REFUND_SAMPLE_KEYS].sort());
		expect(res.body.refunds[0]).toEqual({
			id: expect.stringMatching(/^rfd_[0-9a-f]{20}$/),
			unique_request_id: 'R1',
			ref: null,
			amount: 40.5,
			status: 'PENDING',
			sent_to_gateway: false,
			refund_type: 'STANDARD',
			refund_source: 'DUMMY',
			initiated_by: 'API',
			created: '2026-01-15T10:30:00Z',
			error_code: null,
			error_message: '',
		});
		expect((await call('GET', '/orders/ORD1')).body).toEqual(res.body);
	});

	test('amounts are summed in paise: 0.1 + 0.2 is exactly 0.3, and a full refund sets refunded', async () => {
		await chargedOrder('ORD1', '0.6');
		expect((await refund('ORD1', { unique_request_id: 'R1', amount: '0.1' })).status).toBe(200);
		const second = await refund('ORD1', { unique_request_id: 'R2', amount: '0.2' });
		expect(second.body.amount_refunded).toBe(0.3);
		expect(second.body.maximum_eligible_refund_amount).toBe(0.3);
		expect(second.body.refunded).toBe(false);
		const last = await refund('ORD1', { unique_request_id: 'R3', amount: '0.30' });
		expect(last.status).toBe(200);
		expect(last.body.amount_refunded).toBe(0.6);
		expect(last.body.maximum_eligible_refund_amount).toBe(0);
		expect(last.body.refunded).toBe(true);
		expect(last.body.refunds.map((r) => r.amount)).toEqual([0.1, 0.2, 0.3]);
	});

	test('a reused unique_request_id → 400 duplicate.call, nothing recorded', async () => {
		await chargedOrder();
		expect((await refund('ORD1', { unique_request_id: 'R1', amount: '10' })).status).toBe(200);
		clock += 60_000;
		const res = await refund('ORD1', { unique_request_id: 'R1', amount: '20' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status_id: -1,
			status: 'ERROR',
			error_code: 'duplicate.call',
			error_message:
				'A refund call was already completed with this unique_request_id for the order.',
		});
		expect(sandbox.getOrder('ORD1').refunds).toHaveLength(1);
	});

	test('the same amount within the window → duplicate.call "already processing"', async () => {
		await chargedOrder();
		expect((await refund('ORD1', { unique_request_id: 'R1', amount: '10' })).status).toBe(200);
		clock += 4999;
		const res = await refund('ORD1', { unique_request_id: 'R2', amount: '10.00' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status_id: -1,
			status: 'ERROR',
			error_code: 'duplicate.call',
			error_message: 'A refund call with the same amount is already processing for the order.',
		});
		expect((await refund('ORD1', { unique_request_id: 'R3', amount: '11' })).status).toBe(200);
		clock += 1;
		expect((await refund('ORD1', { unique_request_id: 'R2', amount: '10' })).status).toBe(200);
	});

	test('sameAmountWindowMs: 0 disables the same-amount check', async () => {
		const s = createJuspaySandbox({ apiKey: API_KEY, merchantId: MERCHANT, sameAmountWindowMs: 0 });
		await s.start();
		try {
			const post = (p, form) =>
				fetch(`${s.url}${p}`, {
					method: 'POST',
					headers: {
						authorization: AUTH,
						'x-merchantid': MERCHANT,
						'content-type': 'application/x-www-form-urlencoded',
					},
					body: new URLSearchParams(form).toString(),
				});
			expect((await post('/orders', { order_id: 'W1', amount: '50' })).status).toBe(200);
			s.chargeOrder('W1');
			expect(
				(await post('/orders/W1/refunds', { unique_request_id: 'A', amount: '5' })).status,
			).toBe(200);
			expect(
				(await post('/orders/W1/refunds', { unique_request_id: 'B', amount: '5' })).status,
			).toBe(200);
		} finally {
			await s.stop();
		}
	});

	test('over-refund → 400 invalid.amount.exceeded with the refundable amount', async () => {
		await chargedOrder('ORD1', '100');
		expect((await refund('ORD1', { unique_request_id: 'R1', amount: '59.5' })).status).toBe(200);
		const res = await refund('ORD1', { unique_request_id: 'R2', amount: '40.51' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status_id: -1,
			status: 'ERROR',
			error_code: 'invalid.amount.exceeded',
			error_message: 'Refund amount exceeds the refundable amount of 40.5',
		});
	});

	test.each(['0', '-1', '1.234', 'ten', '0.00'])(
		'refund amount %s → 400 invalid.amount',
		async (amount) => {
			await chargedOrder();
			const res = await refund('ORD1', { unique_request_id: 'R1', amount });
			expect(res.status).toBe(400);
			expect(res.body).toEqual(INVALID_REFUND_AMOUNT);
		},
	);

	test('unique_request_id must be alphanumeric, at most 20 characters', async () => {
		await chargedOrder();
		const under = await refund('ORD1', { unique_request_id: 'refund_1', amount: '1' });
		expect([under.status, under.body.error_message]).toEqual([
			400,
			'unique_request_id must be alphanumeric',
		]);
		const long = await refund('ORD1', { unique_request_id: 'R'.repeat(21), amount: '1' });
		expect(long.body.error_message).toBe('unique_request_id must be at most 20 characters long');
		expect((await refund('ORD1', { unique_request_id: 'R'.repeat(20), amount: '1' })).status).toBe(
			200,
		);
	});
});

describe('fault injection', () => {
	test('a plain fault answers before processing: nothing is recorded', async () => {
		await chargedOrder();
		sandbox.injectFault({ method: 'POST', path: '/orders/ORD1/refunds', status: 503 });
		const failed = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(failed.status).toBe(503);
		expect(failed.body).toEqual({
			status: 'error',
			error_code: 'service_unavailable',
			error_message: 'Service temporarily unavailable (sandbox fault injection)',
		});
		expect(sandbox.getOrder('ORD1')).not.toHaveProperty('refunds');
		const retry = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(retry.status).toBe(200);
		expect(retry.body.amount_refunded).toBe(10);
	});

	test('afterCommit: Juspay records the refund, the client gets the fault; a retry is deduped', async () => {
		await chargedOrder();
		sandbox.injectFault({
			path: '/orders/ORD1/refunds',
			status: 502,
			body: { message: 'bad gateway' },
			afterCommit: true,
		});
		const failed = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(failed.status).toBe(502);
		expect(failed.body).toEqual({ message: 'bad gateway' });
		expect(sandbox.getOrder('ORD1').amount_refunded).toBe(10);
		clock += 10_000;
		const retry = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(retry.status).toBe(400);
		expect(retry.body.error_code).toBe('duplicate.call');
		expect(sandbox.getOrder('ORD1').refunds.map((r) => r.unique_request_id)).toEqual(['R1']);
	});

	test('times, method filter and RegExp paths', async () => {
		sandbox.injectFault({
			method: 'GET',
			path: /^\/orders\/[^/]+$/,
			status: 500,
			body: 'oops',
			times: 2,
		});
		expect(
			(await call('POST', '/orders', { form: { order_id: 'ORD1', amount: '1' } })).status,
		).toBe(200);
		const first = await call('GET', '/orders/ORD1');
		expect([first.status, first.text]).toEqual([500, 'oops']);
		expect((await call('GET', '/orders/ORD1')).status).toBe(500);
		expect((await call('GET', '/orders/ORD1')).status).toBe(200);
	});

	test('delayMs provokes a client timeout; the request is still recorded', async () => {
		sandbox.injectFault({ path: '/orders/SLOW1', delayMs: 2000 });
		await expect(
			call('GET', '/orders/SLOW1', { signal: AbortSignal.timeout(150) }),
		).rejects.toThrow();
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/orders/SLOW1']);
	});

	test('status null + afterCommit delays the genuine answer; status 0 drops the connection', async () => {
		await createOrder();
		sandbox.injectFault({ path: '/orders/ORD1', status: null, delayMs: 100, afterCommit: true });
		const started = Date.now();
		const slow = await call('GET', '/orders/ORD1');
		expect(slow.status).toBe(200);
		expect(slow.body.order_id).toBe('ORD1');
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		sandbox.injectFault({ path: '/orders/ORD1', status: 0 });
		await expect(call('GET', '/orders/ORD1')).rejects.toThrow();
	});

	test('reset() clears pending faults', async () => {
		sandbox.injectFault({ path: '/orders/X1', status: 500, times: Infinity });
		sandbox.reset();
		expect((await call('GET', '/orders/X1')).status).toBe(400);
	});
});

describe('request recording', () => {
	test('records method, path, query, lower-case headers, raw body and the flat form', async () => {
		const raw =
			'order_id=ORD1&amount=10.5&options.get_client_auth_token=true&metadata.webhook_url=https%3A%2F%2Fh.example.com';
		await call('POST', '/orders', {
			body: raw,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Version: '2023-06-30' },
		});
		await call('GET', '/orders/ORD1?options.add_full_gateway_response=true');
		expect(sandbox.requests).toHaveLength(2);
		const [post, get] = sandbox.requests;
		expect(post).toEqual({
			method: 'POST',
			path: '/orders',
			query: {},
			headers: expect.objectContaining({
				authorization: AUTH,
				'x-merchantid': MERCHANT,
				'content-type': 'application/x-www-form-urlencoded',
				version: '2023-06-30',
			}),
			rawBody: raw,
			form: {
				order_id: 'ORD1',
				amount: '10.5',
				'options.get_client_auth_token': 'true',
				'metadata.webhook_url': 'https://h.example.com',
			},
		});
		expect(get).toEqual({
			method: 'GET',
			path: '/orders/ORD1',
			query: { 'options.add_full_gateway_response': 'true' },
			headers: expect.any(Object),
			rawBody: '',
			form: null,
		});
		sandbox.clearRequests();
		expect(sandbox.requests).toEqual([]);
	});
});

describe('control endpoints', () => {
	const control = (method, p, json) =>
		fetch(`${sandbox.url}${p}`, {
			method,
			headers: json === undefined ? {} : { 'content-type': 'application/json' },
			body: json === undefined ? undefined : JSON.stringify(json),
		}).then(async (r) => ({ status: r.status, body: await r.json() }));

	test('POST /sandbox/orders/{id}/charge charges without auth', async () => {
		await createOrder();
		const res = await control('POST', '/sandbox/orders/ORD1/charge', {
			paymentMethodType: 'WALLET',
			paymentMethod: 'GOOGLEPAY',
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			order_id: 'ORD1',
			status: 'CHARGED',
			status_id: 21,
			payment_method_type: 'WALLET',
			payment_method: 'GOOGLEPAY',
		});
		const again = await control('POST', '/sandbox/orders/ORD1/charge');
		expect(again).toEqual({
			status: 409,
			body: {
				status: 'error',
				error_code: 'invalid_state',
				error_message: 'Order ORD1 is CHARGED; only NEW orders can be charged',
			},
		});
		expect(await control('POST', '/sandbox/orders/NOPE/charge')).toEqual({
			status: 404,
			body: orderNotFound('NOPE'),
		});
		const badJson = await fetch(`${sandbox.url}/sandbox/orders/ORD1/charge`, {
			method: 'POST',
			body: '{oops',
		});
		expect(badJson.status).toBe(400);
	});

	test('GET /sandbox/requests lists API requests with the Authorization redacted', async () => {
		await call('GET', '/orders/NOPE');
		await call('GET', '/orders/NOPE', { auth: 'Basic d3Jvbmc6' });
		const res = await control('GET', '/sandbox/requests');
		expect(res.status).toBe(200);
		expect(res.body).toHaveLength(2);
		expect(res.body[0]).toMatchObject({
			method: 'GET',
			path: '/orders/NOPE',
			authorization_valid: true,
		});
		expect(res.body[0].headers.authorization).toBe('[redacted]');
		expect(res.body[1].authorization_valid).toBe(false);
		expect(JSON.stringify(res.body)).not.toContain(AUTH.slice(6));
		// Control calls themselves are not recorded.
		expect(sandbox.requests).toHaveLength(2);
	});

	test('POST /sandbox/reset clears everything', async () => {
		await createOrder();
		expect(await control('POST', '/sandbox/reset')).toEqual({
			status: 200,
			body: { status: 'ok' },
		});
		expect(sandbox.state.orders.size).toBe(0);
		expect(sandbox.requests).toEqual([]);
	});

	describe('webhooks', () => {
		let receiver;
		let received;
		beforeAll(async () => {
			receiver = http.createServer((req, res) => {
				let body = '';
				req.on('data', (c) => (body += c));
				req.on('end', () => {
					received.push({ headers: req.headers, body });
					res.writeHead(200, { 'content-type': 'text/plain' });
					res.end('received');
				});
			});
			await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
		});
		afterAll(() => new Promise((r) => receiver.close(r)));
		beforeEach(() => {
			received = [];
		});

		test('buildWebhook wraps the GET order in a Juspay event', async () => {
			await chargedOrder();
			const event = sandbox.buildWebhook('ORDER_SUCCEEDED', 'ORD1');
			expect(event).toEqual({
				id: expect.stringMatching(/^evt_V2_[0-9a-f]{32}$/),
				event_name: 'ORDER_SUCCEEDED',
				date_created: '2026-01-15T10:30:00Z',
				content: { order: (await call('GET', '/orders/ORD1')).body },
			});
			expect(() => sandbox.buildWebhook('ORDER_SUCCEEDED', 'NOPE')).toThrow('Order not found');
		});

		test('POST /sandbox/orders/{id}/webhook delivers JSON with Basic auth', async () => {
			await chargedOrder();
			const url = `http://127.0.0.1:${receiver.address().port}/hook`;
			const res = await control('POST', '/sandbox/orders/ORD1/webhook', {
				event_name: 'ORDER_SUCCEEDED',
				url,
				username: 'hookuser',
				password: 'hookpass',
			});
			expect(res.status).toBe(200);
			expect(res.body.status).toBe(200);
			expect(res.body.body).toBe('received');
			expect(received).toHaveLength(1);
			expect(received[0].headers.authorization).toBe(
				`Basic ${Buffer.from('hookuser:hookpass').toString('base64')}`,
			);
			expect(received[0].headers['content-type']).toBe('application/json');
			const payload = JSON.parse(received[0].body);
			expect(payload).toEqual(res.body.event);
			expect(payload.event_name).toBe('ORDER_SUCCEEDED');
			expect(payload.content.order).toEqual(sandbox.getOrder('ORD1'));
		});

		test('refuses non-loopback targets and reports delivery failures', async () => {
			await chargedOrder();
			const remote = await control('POST', '/sandbox/orders/ORD1/webhook', {
				event_name: 'ORDER_SUCCEEDED',
				url: 'http://example.com/hook',
			});
			expect(remote).toEqual({
				status: 400,
				body: {
					status: 'error',
					error_code: 'invalid_request',
					error_message: 'Webhook url must point to 127.0.0.1, localhost or ::1',
				},
			});
			const noEvent = await control('POST', '/sandbox/orders/ORD1/webhook', {
				url: 'http://127.0.0.1:1/',
			});
			expect(noEvent.status).toBe(400);
			const refused = await control('POST', '/sandbox/orders/ORD1/webhook', {
				event_name: 'ORDER_SUCCEEDED',
				url: 'http://127.0.0.1:1/hook',
			});
			expect(refused.status).toBe(502);
			expect(refused.body.error_code).toBe('webhook_delivery_failed');
			expect(received).toEqual([]);
		});
	});
});

describe('logging', () => {
	test('log: true prints method, path and status, never the Authorization header', async () => {
		const lines = [];
		const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		const s = createJuspaySandbox({ apiKey: API_KEY, merchantId: MERCHANT, log: true });
		try {
			await s.start();
			await fetch(`${s.url}/orders/LOG1`, {
				headers: { authorization: AUTH, 'x-merchantid': MERCHANT },
			});
		} finally {
			await s.stop();
			spy.mockRestore();
		}
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^\[juspay-sandbox\] GET \/orders\/LOG1 400 \d+ms\n$/);
		expect(lines.join('')).not.toContain(AUTH.slice(6));
	});
});

describe('cli', () => {
	test('prints one JSON line once listening and exits cleanly on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[
				path.join(__dirname, 'cli.js'),
				'--port',
				'0',
				'--api-key',
				'cli_key',
				'--merchant-id',
				'cli_m',
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			const line = await new Promise((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (d) => {
					out += d;
					if (out.includes('\n')) resolve(out.split('\n')[0]);
				});
				child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
			});
			const info = JSON.parse(line);
			expect(info).toEqual({
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
				apiKey: 'cli_key',
				merchantId: 'cli_m',
			});
			const res = await fetch(`${info.url}/orders/CLI1`, {
				headers: {
					authorization: `Basic ${Buffer.from('cli_key:').toString('base64')}`,
					'x-merchantid': 'cli_m',
				},
			});
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual(orderNotFound('CLI1'));
			const exited = new Promise((resolve) =>
				child.once('exit', (code, signal) => resolve({ code, signal })),
			);
			child.kill('SIGTERM');
			expect(await exited).toEqual({ code: 0, signal: null });
		} finally {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	});

	test('rejects unknown arguments with exit code 2', async () => {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--bogus'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const code = await new Promise((resolve) => child.once('exit', resolve));
		expect(code).toBe(2);
	});
});

describe('pure helpers', () => {
	test('parseAmountToPaise', () => {
		expect(parseAmountToPaise('100')).toEqual({ paise: 10000 });
		expect(parseAmountToPaise('100.15')).toEqual({ paise: 10015 });
		expect(parseAmountToPaise('0.1')).toEqual({ paise: 10 });
		expect(parseAmountToPaise('100.1532')).toEqual({ error: 'decimals' });
		for (const bad of ['0', '-1', '', ' 1', '1.', '.5', '01', '1e2', '12345678901234']) {
			expect([bad, parseAmountToPaise(bad)]).toEqual([bad, { error: 'invalid' }]);
		}
		expect(paiseToAmount(4050)).toBe(40.5);
		expect(paiseToAmount(30)).toBe(0.3);
	});

	test('isFormContentType', () => {
		expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
		expect(isFormContentType('Application/X-WWW-Form-Urlencoded; charset=utf-8')).toBe(true);
		expect(isFormContentType('application/x-www-form-urlencoded; charset=latin1')).toBe(false);
		expect(isFormContentType('application/json')).toBe(false);
		expect(isFormContentType(undefined)).toBe(false);
	});
});
