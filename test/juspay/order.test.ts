import { runJuspayNode } from '../harness/workflowRunner';
import {
	API_VERSION,
	EXPECTED_AUTHORIZATION,
	MERCHANT_ID,
	useJuspaySandbox,
} from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

async function createOrder(
	orderId: string,
	amount: number | string = 250.5,
	additionalFields = {},
) {
	return await runJuspayNode({
		parameters: { resource: 'order', operation: 'create', orderId, amount, additionalFields },
		credentials: fixture.credentials(),
	});
}

describe('Order › Create', () => {
	it('posts the order as a form and returns what Juspay answers', async () => {
		const { items, error } = await createOrder('ord20261122A1', 250.5, {
			customerId: 'cst_om2l6ctlptxwxuzj',
			customerEmail: 'asha@example.com',
			customerPhone: '9988776655',
			description: 'Two mangoes',
			returnUrl: 'https://shop.example.com/done',
			udf1: 'campaign diwali',
			udf7: 'sku:42/blue',
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/orders');
		expect(request.headers).toMatchObject({
			authorization: EXPECTED_AUTHORIZATION,
			'x-merchantid': MERCHANT_ID,
			version: API_VERSION,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			// the customer id routes the order when there is one
			'x-routing-id': 'cst_om2l6ctlptxwxuzj',
		});
		expect(request.rawBody).toBe(
			'order_id=ord20261122A1&amount=250.5&customer_id=cst_om2l6ctlptxwxuzj' +
				'&customer_email=asha%40example.com&customer_phone=9988776655&description=Two+mangoes' +
				'&return_url=https%3A%2F%2Fshop.example.com%2Fdone&udf1=campaign+diwali&udf7=sku%3A42%2Fblue',
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			status: 'CREATED',
			status_id: 1,
			order_id: 'ord20261122A1',
			id: expect.stringMatching(/^ordeh_/),
		});
	});

	it('routes a guest order by its order id and asks for the client auth token with a flat key', async () => {
		const { items, error } = await createOrder('ord20261122A2', '99', {
			getClientAuthToken: true,
			currency: 'INR',
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.headers['x-routing-id']).toBe('ord20261122A2');
		expect(request.rawBody).toBe(
			'order_id=ord20261122A2&amount=99&currency=INR&options.get_client_auth_token=true',
		);
		expect(items[0].json).toMatchObject({ status: 'NEW', status_id: 10, amount: 99 });
		expect(items[0].json.juspay).toMatchObject({
			client_auth_token: expect.stringMatching(/^tkn_/),
		});
	});

	it.each([
		[0, 'The Amount 0 is not a valid amount'],
		[-5, 'The Amount -5 is not a valid amount'],
		[100.1532, 'The Amount 100.1532 is not a valid amount'],
		['12abc', 'The Amount 12abc is not a valid amount'],
	])('refuses amount %p before sending', async (amount, message) => {
		const { error } = await createOrder('ord20261122A3', amount);

		expect(error?.message).toBe(message);
		expect(error?.description).toBe(
			'Enter a positive amount in major units (e.g. rupees) with at most two decimal places, e.g. 100.50',
		);
		expect(fixture.requests()).toHaveLength(0);
	});

	it.each([
		['order-1', 'The Order ID order-1 is not valid'],
		['ord2026112212345678901', 'The Order ID ord2026112212345678901 is not valid'],
	])('refuses order id %p before sending', async (orderId, message) => {
		const { error } = await createOrder(orderId);

		expect(error?.message).toBe(message);
		expect(error?.description).toContain('only letters and digits here, at most 20 characters');
		expect(fixture.requests()).toHaveLength(0);
	});

	it("shows Juspay's words when the order id was used before", async () => {
		await createOrder('ord20261122A4');
		const { error } = await createOrder('ord20261122A4');

		expect(error?.message).toBe('Order with order_id ord20261122A4 already exists');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
	});
});

describe('Order › Get Status', () => {
	it('gets the full order with a GET and no body', async () => {
		await createOrder('ord20261122B1', 500);
		fixture.sandbox.chargeOrder('ord20261122B1');
		fixture.sandbox.clearRequests();

		const { items, error } = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'ord20261122B1' },
			credentials: fixture.credentials(),
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/orders/ord20261122B1');
		expect(request.query).toEqual({});
		expect(request.rawBody).toBe('');
		expect(request.headers).toMatchObject({
			authorization: EXPECTED_AUTHORIZATION,
			'x-merchantid': MERCHANT_ID,
			'x-routing-id': 'ord20261122B1',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			order_id: 'ord20261122B1',
			status: 'CHARGED',
			status_id: 21,
			amount: 500,
			payment_method_type: 'CARD',
		});
		expect(items[0].json.txn_detail).toBeDefined();
	});

	it('simplifies to the documented ten fields', async () => {
		await createOrder('ord20261122B2', 500, { customerId: 'cst_om2l6ctlptxwxuzj' });
		const charged = fixture.sandbox.chargeOrder('ord20261122B2');

		const { items } = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'ord20261122B2', simplify: true },
			credentials: fixture.credentials(),
		});

		expect(items[0].json).toEqual({
			order_id: 'ord20261122B2',
			status: 'CHARGED',
			status_id: 21,
			amount: 500,
			amount_refunded: 0,
			currency: 'INR',
			customer_id: 'cst_om2l6ctlptxwxuzj',
			payment_method_type: 'CARD',
			txn_id: charged.txn_id,
			refunds: [],
		});
	});

	it('accepts an existing order id with an underscore, as in Juspay samples', async () => {
		const { error } = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'sample_ord_200' },
			credentials: fixture.credentials(),
		});

		// Sent (and unknown here): the id was not refused locally.
		expect(fixture.requests()[0].path).toBe('/orders/sample_ord_200');
		expect(error?.message).toBe('No order exists with order_id sample_ord_200 for this merchant');
	});

	it("explains Juspay's NOT_FOUND (HTTP 400, status_id 40) in Juspay's words", async () => {
		const { error } = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'ordUnknown1' },
			credentials: fixture.credentials(),
		});

		expect(error?.message).toBe('No order exists with order_id ordUnknown1 for this merchant');
		expect(error?.message).not.toContain('Bad request');
		expect(error?.description).toContain('Check the Order ID');
		expect(error?.description).toContain('status: NOT_FOUND');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
	});
});
