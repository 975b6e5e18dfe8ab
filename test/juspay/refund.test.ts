import { runJuspayNode } from '../harness/workflowRunner';
import { EXPECTED_AUTHORIZATION, MERCHANT_ID, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

async function chargedOrder(orderId: string, amount = '1000') {
	await runJuspayNode({
		parameters: { resource: 'order', operation: 'create', orderId, amount },
		credentials: fixture.credentials(),
	});
	fixture.sandbox.chargeOrder(orderId);
	fixture.sandbox.clearRequests();
}

function refund(parameters: Record<string, unknown>, settings = {}) {
	return runJuspayNode({
		parameters: { resource: 'order', operation: 'refund', ...parameters },
		credentials: fixture.credentials(),
		settings,
	});
}

const refundsRecorded = (orderId: string) =>
	(fixture.sandbox.getOrder(orderId)?.refunds as unknown[] | undefined)?.length ?? 0;

const refundPosts = () => fixture.requests().filter((r) => r.path.endsWith('/refunds'));

describe('Order › Refund', () => {
	it('posts unique_request_id and amount and returns the order with the new refund', async () => {
		await chargedOrder('ordR1');

		const { items, error } = await refund({
			orderId: 'ordR1',
			amount: 100.25,
			uniqueRequestId: 'ret123',
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/orders/ordR1/refunds');
		expect(request.headers).toMatchObject({
			authorization: EXPECTED_AUTHORIZATION,
			'x-merchantid': MERCHANT_ID,
			'x-routing-id': 'ordR1',
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(request.rawBody).toBe('unique_request_id=ret123&amount=100.25');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			order_id: 'ordR1',
			amount_refunded: 100.25,
			replayed: false,
		});
		expect(items[0].json.refunds).toEqual([
			expect.objectContaining({ unique_request_id: 'ret123', amount: 100.25, status: 'PENDING' }),
		]);
	});

	it('refuses a Refund whose Amount was left empty, before sending anything', async () => {
		await chargedOrder('ordR0');

		// The field starts empty: n8n itself stops the run and names it.
		await expect(refund({ orderId: 'ordR0', uniqueRequestId: 'ret000' })).rejects.toThrow(
			'Parameter "Amount" is required.',
		);
		const { items, error } = await refund({
			orderId: 'ordR0',
			amount: '  ',
			uniqueRequestId: 'ret000',
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe('The Amount is empty');
		expect(error?.description).toBe(
			'Enter a positive amount in major units (e.g. rupees) with at most two decimal places, e.g. 100.50',
		);
		expect(refundPosts()).toHaveLength(0);
	});

	it('derives an alphanumeric unique request id of at most 20 characters when none is given', async () => {
		await chargedOrder('ordR2');

		const { error } = await refund({ orderId: 'ordR2', amount: 10 });

		expect(error).toBeUndefined();
		const form = refundPosts()[0].form ?? {};
		expect(form.unique_request_id).toMatch(/^[A-Za-z0-9]{1,20}$/);
		expect(form.amount).toBe('10');
	});

	it('never refunds twice when Retry On Fail resends after a 5xx that came after Juspay recorded the refund', async () => {
		await chargedOrder('ordR3');
		fixture.sandbox.injectFault({
			method: 'POST',
			path: '/orders/ordR3/refunds',
			status: 503,
			afterCommit: true,
		});

		const { items, error } = await refund(
			{ orderId: 'ordR3', amount: 40 },
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		const posts = refundPosts();
		expect(posts).toHaveLength(2);
		expect(posts[1].form?.unique_request_id).toBe(posts[0].form?.unique_request_id);
		expect(refundsRecorded('ordR3')).toBe(1);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ order_id: 'ordR3', amount_refunded: 40, replayed: true });
	});

	it('never refunds twice when the first response times out after Juspay recorded the refund', async () => {
		await chargedOrder('ordR4');
		fixture.sandbox.injectFault({
			method: 'POST',
			path: '/orders/ordR4/refunds',
			status: null,
			delayMs: 1500,
			afterCommit: true,
		});

		const { items, error } = await refund(
			{ orderId: 'ordR4', amount: 15, requestOptions: { timeout: 300 } },
			{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		expect(refundPosts()).toHaveLength(2);
		expect(refundsRecorded('ordR4')).toBe(1);
		expect(items[0].json).toMatchObject({ amount_refunded: 15, replayed: true });
	});

	it('returns the existing refund, marked as a replay, when the same unique request id is sent again', async () => {
		await chargedOrder('ordR5');
		await refund({ orderId: 'ordR5', amount: 5, uniqueRequestId: 'rma777' });

		const { items, error } = await refund({
			orderId: 'ordR5',
			amount: 5,
			uniqueRequestId: 'rma777',
			simplify: true,
		});

		expect(error).toBeUndefined();
		expect(refundsRecorded('ordR5')).toBe(1);
		expect(items[0].json).toEqual({
			order_id: 'ordR5',
			status: 'CHARGED',
			status_id: 21,
			amount: 1000,
			amount_refunded: 5,
			currency: 'INR',
			customer_id: null,
			payment_method_type: 'CARD',
			txn_id: expect.any(String),
			refunds: [
				{ id: expect.anything(), unique_request_id: 'rma777', status: 'PENDING', amount: 5 },
			],
			replayed: true,
		});
	});

	it("fails in Juspay's words when Juspay refuses a different refund of the same amount as a duplicate", async () => {
		await chargedOrder('ordR6');
		fixture.sandbox.injectFault({
			method: 'POST',
			path: '/orders/ordR6/refunds',
			status: 400,
			body: {
				status_id: -1,
				status: 'ERROR',
				error_code: 'duplicate.call',
				error_message: 'A refund call with the same amount is already processing for the order.',
			},
		});

		const { error } = await refund({ orderId: 'ordR6', amount: 5, uniqueRequestId: 'other1' });

		expect(error?.message).toBe(
			'A refund call with the same amount is already processing for the order.',
		);
		expect(error?.description).toContain('For a new refund, use a new Unique Request ID');
		expect(refundsRecorded('ordR6')).toBe(0);
	});

	it('fails with a clear message when refunding more than the refundable amount', async () => {
		await chargedOrder('ordR7', '100');
		await refund({ orderId: 'ordR7', amount: 60, uniqueRequestId: 'part1' });

		const { error } = await refund({ orderId: 'ordR7', amount: 50, uniqueRequestId: 'part2' });

		expect(error?.message).toBe('Refund amount exceeds the refundable amount of 40');
		expect(error?.description).toContain('more than what is left to refund on this order');
		expect(error?.description).toContain('invalid.amount.exceeded');
		expect(refundsRecorded('ordR7')).toBe(1);
	});

	it.each([
		[{ amount: 0 }, 'The Amount 0 is not a valid amount'],
		[{ amount: 1.005 }, 'The Amount 1.005 is not a valid amount'],
		[{ uniqueRequestId: 'ret-1' }, 'The Unique Request ID ret-1 is not valid'],
		[
			{ uniqueRequestId: 'r12345678901234567890' },
			'The Unique Request ID r12345678901234567890 is not valid',
		],
		[{ orderId: 'ord 1' }, 'The Order ID ord 1 is not valid'],
	])('refuses %p before sending', async (override, message) => {
		const { error } = await refund({ orderId: 'ordR8', amount: 10, ...override });

		expect(error?.message).toBe(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('refuses to refund an order that is not charged, in Juspay words', async () => {
		await runJuspayNode({
			parameters: { resource: 'order', operation: 'create', orderId: 'ordR9', amount: 10 },
			credentials: fixture.credentials(),
		});

		const { error } = await refund({ orderId: 'ordR9', amount: 10 });

		expect(error?.message).toBe('Refund is allowed only for CHARGED orders');
		expect(error?.description).toContain('Only orders in status CHARGED can be refunded');
	});
});
