'use strict';
/**
 * The /sandbox/* control endpoints (domains/control.js) and webhooks (domains/webhooks.js).
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const http = require('node:http');
const { AUTH, orderNotFound, useSandbox } = require('./testkit.js');

const t = useSandbox();
const { sandbox, call, createOrder, chargedOrder, control } = t;

describe('control endpoints', () => {
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
				error_message: 'Order ORD1 is CHARGED; only NEW and PENDING_VBV orders can be charged',
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

describe('POST /sandbox/faults', () => {
	test('injects a fault for the next matching API request, after the commit when asked', async () => {
		const injected = await t.control('POST', '/sandbox/faults', {
			method: 'POST',
			path: '/orders',
			status: 502,
			afterCommit: true,
		});
		expect(injected).toEqual({ status: 200, body: { status: 'ok' } });
		const res = await t.createOrder({ order_id: 'F1' });
		expect(res.status).toBe(502);
		expect(t.sandbox.getOrder('F1')).toBeDefined();
		expect((await t.createOrder({ order_id: 'F2' })).status).toBe(200);
	});

	test('needs a path', async () => {
		expect((await t.control('POST', '/sandbox/faults', { status: 502 })).status).toBe(400);
	});
});
