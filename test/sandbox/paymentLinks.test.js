'use strict';
/**
 * The sandbox's payment links domain (domains/paymentLinks.js): POST /session, JSON only.
 * Over real sockets with Node's global fetch.
 */

const { T0, useSandbox } = require('./testkit.js');
const { DEFAULTS } = require('./juspay-sandbox.js');

const t = useSandbox();
const { sandbox, call } = t;

const SESSION = Object.freeze({
	order_id: 'PL1',
	amount: '100.50',
	currency: 'INR',
	customer_id: 'cust0001',
	customer_email: 'asha@example.com',
	customer_phone: '9988776655',
	payment_page_client_id: DEFAULTS.paymentPageClientId,
	action: 'paymentPage',
	return_url: 'https://shop.example.com/paid',
});

const session = (json) => call('POST', '/session', { json });

describe('POST /session (payment links)', () => {
	test('creates the order and answers its payment page link, expiry from metadata.expiryInMins', async () => {
		const res = await session({ ...SESSION, 'metadata.expiryInMins': '30', send_mail: true });
		expect(res.status).toBe(200);
		const expiry = new Date(T0 + 30 * 60 * 1000).toISOString().replace('.000', '');
		expect(res.body).toMatchObject({
			status: 'NEW',
			order_id: 'PL1',
			payment_links: { web: `${sandbox.url}/orders/${res.body.id}/payment-page`, expiry },
			order_expiry: expiry,
			sdk_payload: {
				service: 'in.juspay.hyperpay',
				payload: { orderId: 'PL1', action: 'paymentPage' },
			},
		});
		expect(res.body.id).toMatch(/^ordeh_[0-9a-f]{32}$/);
		const order = sandbox.getOrder('PL1');
		expect(order).toMatchObject({ amount: 100.5, status: 'NEW', order_expiry: expiry });
		expect(order.payment_links.web).toBe(res.body.payment_links.web);
	});

	test('accepts the amount as a JSON number, as some of Juspay samples send it', async () => {
		expect((await session({ ...SESSION, amount: 100 })).status).toBe(200);
	});

	test('refuses a form body: the Session API is JSON only', async () => {
		const res = await call('POST', '/session', { form: SESSION });
		expect(res.status).toBe(400);
		expect(res.body.error_message).toBe('Content-Type must be application/json');
	});

	test('a missing field gets the Session API 400 naming it (Juspay sample response-400.json)', async () => {
		const { currency: _c, ...withoutCurrency } = SESSION;
		const res = await session(withoutCurrency);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message: 'Mandatory fields are missing',
			error_info: {
				developer_message: 'Invalid input data',
				user_message: 'Invalid input data',
				code: 'INVALID_INPUT',
				fields: [{ field_name: 'currency', reason: 'Mandatory fields are missing' }],
			},
		});
	});

	test('dotted keys are flat: a nested metadata object is an unknown field', async () => {
		const res = await session({ ...SESSION, metadata: { expiryInMins: '30' } });
		expect(res.status).toBe(400);
		expect(res.body.error_message).toBe('Unknown field: metadata');
	});

	test('payment_filter must be the nested object of Juspay samples', async () => {
		const good = {
			allowDefaultOptions: false,
			options: [
				{ paymentMethodType: 'UPI', enable: true },
				{ paymentMethodType: 'CARD', enable: false },
			],
		};
		expect((await session({ ...SESSION, payment_filter: good })).status).toBe(200);
		for (const bad of ['UPI', { options: [{ paymentMethodType: 'UPI', enable: 'true' }] }]) {
			const res = await session({ ...SESSION, order_id: 'PL2', payment_filter: bad });
			expect(res.status).toBe(400);
			expect(res.body.error_info.fields[0].field_name).toBe('payment_filter');
		}
	});

	test('send_mail and send_sms are JSON booleans, not text', async () => {
		const res = await session({ ...SESSION, send_sms: 'true' });
		expect(res.status).toBe(400);
		expect(res.body.error_message).toBe('send_sms must be true or false');
	});

	test('refuses another merchant page, another action, bad email, phone and amount', async () => {
		for (const [field, value] of [
			['payment_page_client_id', 'someone_else'],
			['action', 'paymentManagement'],
			['customer_email', 'not-an-email'],
			['customer_phone', '+91 99887'],
			['order_id', 'PL-1'],
		]) {
			const res = await session({ ...SESSION, [field]: value });
			expect([field, res.status]).toEqual([field, 400]);
			expect(res.body.error_info.fields[0].field_name).toBe(field);
		}
		const decimals = await session({ ...SESSION, amount: '1.005' });
		expect(decimals.body.error_message).toBe(
			'Invalid amount: at most 2 decimal places are allowed',
		);
	});

	test('an order_id that exists is refused, and the order is not touched', async () => {
		expect((await session(SESSION)).status).toBe(200);
		const res = await session({ ...SESSION, amount: '5' });
		expect(res.status).toBe(400);
		expect(res.body.error_info.code).toBe('ALREADY_EXISTS');
		expect(sandbox.getOrder('PL1').amount).toBe(100.5);
	});
});
