'use strict';
/**
 * Routes that declare `body: 'json'` (lib/pipeline.js), through a throwaway route that only this
 * test registers (extraRoutes), never a made-up Juspay endpoint.
 */

const { UNAUTHORIZED, useSandbox } = require('./testkit.js');

const received = [];
const t = useSandbox({
	extraRoutes: [
		{
			method: 'POST',
			pattern: /^\/test-only\/echo$/,
			kind: 'api',
			body: 'json',
			handler: ({ body }) => {
				received.push(body);
				return { received: body };
			},
		},
	],
});
const { sandbox, call } = t;
beforeEach(() => {
	received.length = 0;
});

const echo = (opts) => call('POST', '/test-only/echo', opts);
const BAD_JSON = {
	status: 'Bad Request',
	error_code: 'invalid_request',
	error_message: 'Malformed request: body must be a JSON object',
};
const WRONG_TYPE = {
	status: 'Bad Request',
	error_code: 'invalid_request',
	error_message: 'Content-Type must be application/json',
};

describe("body: 'json' routes", () => {
	test('a JSON object reaches the handler as body and is recorded as json', async () => {
		const payload = { order_id: 'ORD1', amount: 10.5, nested: { a: [1, 2] } };
		const res = await echo({ json: payload });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ received: payload });
		expect(received).toEqual([payload]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/test-only/echo',
			rawBody: JSON.stringify(payload),
			form: null,
			json: payload,
		});
	});

	test('a UTF-8 charset is allowed; any other content type gets 400 naming application/json', async () => {
		const utf8 = await echo({
			body: '{"a":"ä"}',
			headers: { 'content-type': 'application/json; charset=utf-8' },
		});
		expect(utf8.status).toBe(200);
		expect(utf8.body).toEqual({ received: { a: 'ä' } });
		const form = await echo({ form: { a: '1' } });
		expect([form.status, form.body]).toEqual([400, WRONG_TYPE]);
		const none = await echo({ body: '{"a":1}' });
		expect([none.status, none.body]).toEqual([400, WRONG_TYPE]);
		const latin1 = await echo({
			body: '{"a":1}',
			headers: { 'content-type': 'application/json; charset=latin1' },
		});
		expect([latin1.status, latin1.body]).toEqual([400, WRONG_TYPE]);
		expect(received).toHaveLength(1);
	});

	test.each([
		['invalid JSON', '{"a":'],
		['an array', '[{"a":1}]'],
		['a number', '42'],
		['null', 'null'],
		['a string', '"text"'],
		['an empty body', ''],
	])('%s → 400 Malformed request, handler not called', async (_label, body) => {
		const res = await echo({ body, headers: { 'content-type': 'application/json' } });
		expect(res.status).toBe(400);
		expect(res.body).toEqual(BAD_JSON);
		expect(received).toEqual([]);
	});

	test('invalid JSON is still recorded, with json null', async () => {
		await echo({ body: '{oops', headers: { 'content-type': 'application/json' } });
		expect(sandbox.requests[0]).toMatchObject({ rawBody: '{oops', form: null, json: null });
	});

	test('JSON routes keep the API checks: Authorization and x-merchantid come first', async () => {
		const noAuth = await echo({ json: { a: 1 }, auth: null });
		expect([noAuth.status, noAuth.body]).toEqual([401, UNAUTHORIZED]);
		const noMerchant = await echo({ json: { a: 1 }, merchant: null });
		expect(noMerchant.status).toBe(400);
		expect(noMerchant.body.error_message).toBe('x-merchantid header is missing');
		expect(received).toEqual([]);
	});
});
