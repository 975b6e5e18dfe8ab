'use strict';
/**
 * The request pipeline (lib/pipeline.js, lib/recorder.js): auth, headers, bodies, recording.
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const net = require('node:net');
const { ERRORS } = require('./lib/errors.js');
const {
	AUTH,
	API_KEY,
	MERCHANT,
	UNAUTHORIZED,
	NOT_FOUND_ROUTE,
	useSandbox,
} = require('./testkit.js');

const t = useSandbox();
const { sandbox, call, createOrder } = t;

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

	test('a body over 1 MB → 400 Request body too large, nothing created', async () => {
		const res = await call('POST', '/orders', {
			form: { order_id: 'BIG1', amount: '1', description: 'x'.repeat(1024 * 1024) },
		});
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'Bad Request',
			error_code: 'invalid_request',
			error_message: 'Request body too large',
		});
		expect(sandbox.state.orders.size).toBe(0);
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
			['GET', '/refunds'],
			['GET', '/session'],
			['GET', '/sandbox/nope'],
		]) {
			const res = await call(method, p);
			expect([method, p, res.status]).toEqual([method, p, 404]);
			expect(res.body).toEqual(NOT_FOUND_ROUTE);
		}
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
			json: null,
		});
		expect(get).toEqual({
			method: 'GET',
			path: '/orders/ORD1',
			query: { 'options.add_full_gateway_response': 'true' },
			headers: expect.any(Object),
			rawBody: '',
			form: null,
			json: null,
		});
		sandbox.clearRequests();
		expect(sandbox.requests).toEqual([]);
	});
});
