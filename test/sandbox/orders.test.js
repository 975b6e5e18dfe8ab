'use strict';
/**
 * The sandbox's orders domain (domains/orders.js): create and Order Status.
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { ERRORS } = require('./lib/errors.js');
const { MERCHANT, orderNotFound, useSandbox } = require('./testkit.js');

// Top-level keys of Juspay's published orders/order-status/card.json, minus the EMI/COD extras.
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

const t = useSandbox();
const { sandbox, call, createOrder, refund } = t;

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

describe('POST /orders/{order_id} (Order Update)', () => {
	const update = (orderId, form) => t.call('POST', `/orders/${orderId}`, { form });

	test('updates amount and udfs of an unpaid order and answers the order', async () => {
		await t.createOrder({ order_id: 'U1', amount: '100' });
		const res = await update('U1', {
			amount: '120.50',
			udf1: 'gold',
			billing_address_city: 'Pune',
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ order_id: 'U1', amount: 120.5, udf1: 'gold', status: 'NEW' });
	});

	test('refuses fields Juspay does not update, and an empty update', async () => {
		await t.createOrder({ order_id: 'U2' });
		expect((await update('U2', { customer_email: 'a@b.co' })).body.error_message).toBe(
			'Unknown field: customer_email',
		);
		expect((await update('U2', {})).status).toBe(400);
	});

	test('a paid order refuses updates with INVALID_ACTION', async () => {
		await t.createOrder({ order_id: 'U3', amount: '100' });
		t.sandbox.chargeOrder('U3');
		const res = await update('U3', { amount: '1' });
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({
			error_code: 'INVALID_ACTION',
			error_message: 'Order U3 cannot be updated in status CHARGED',
		});
		expect(t.sandbox.getOrder('U3').amount).toBe(100);
	});
});
