import { runJuspayNode } from '../harness/workflowRunner';
import { MERCHANT_ID, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

async function chargedOrder(orderId: string, amount = '1000', paymentMethodType = 'CARD') {
	await runJuspayNode({
		parameters: { resource: 'order', operation: 'create', orderId, amount },
		credentials: fixture.credentials(),
	});
	fixture.sandbox.chargeOrder(orderId, {
		paymentMethodType,
		paymentMethod: paymentMethodType === 'CARD' ? 'VISA' : paymentMethodType,
	});
	fixture.sandbox.clearRequests();
	return String(fixture.sandbox.getOrder(orderId)?.txn_id);
}

function refundTxn(parameters: Record<string, unknown>, settings = {}) {
	return runJuspayNode({
		parameters: { resource: 'order', operation: 'refundTransaction', ...parameters },
		credentials: fixture.credentials(),
		settings,
	});
}

const refundPosts = () => fixture.requests().filter((r) => r.path === '/refunds');
const refundsOf = (orderId: string) =>
	(fixture.sandbox.getOrder(orderId)?.refunds as unknown[] | undefined)?.length ?? 0;

describe('Order › Refund Transaction', () => {
	it('posts the form to /refunds and returns the one refund object, not the order', async () => {
		const txnId = await chargedOrder('ordT1');

		const { items, error } = await refundTxn({
			txnId,
			amount: 25.5,
			uniqueRequestId: 'txnref1',
			refundType: 'INSTANT',
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/refunds');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.form).toEqual({
			unique_request_id: 'txnref1',
			amount: '25.5',
			txn_id: txnId,
			refund_type: 'INSTANT',
		});
		expect(items[0].json).toMatchObject({
			unique_request_id: 'txnref1',
			order_id: 'ordT1',
			txn_id: txnId,
			amount: 25.5,
			refund_type: 'INSTANT',
			replayed: false,
		});
		expect(items[0].json).not.toHaveProperty('refunds');
	});

	it('derives a unique request id that stays the same when Retry On Fail resends after a 502', async () => {
		await chargedOrder('ordT2');
		fixture.sandbox.injectFault({
			method: 'POST',
			path: '/refunds',
			status: 502,
			afterCommit: true,
		});

		const { items, error } = await refundTxn(
			{ orderId: 'ordT2', amount: 40, simplify: true },
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		const posts = refundPosts();
		expect(posts).toHaveLength(2);
		expect(posts[0].form?.unique_request_id).toMatch(/^[A-Za-z0-9]{1,20}$/);
		expect(posts[1].form?.unique_request_id).toBe(posts[0].form?.unique_request_id);
		expect(refundsOf('ordT2')).toBe(1);
		expect(items[0].json).toEqual({
			unique_request_id: posts[0].form?.unique_request_id,
			order_id: 'ordT2',
			txn_id: `${MERCHANT_ID}-ordT2-1`,
			status: 'PENDING',
			amount: 40,
			refund_type: 'STANDARD',
			created_at: expect.any(String),
			replayed: true,
		});
	});

	it('with only a Transaction ID, a dropped connection after commit is replayed, not refunded twice', async () => {
		const txnId = await chargedOrder('ordT3');
		fixture.sandbox.injectFault({ method: 'POST', path: '/refunds', status: 0, afterCommit: true });

		const { items, error } = await refundTxn(
			{ txnId, amount: 10 },
			{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		expect(refundsOf('ordT3')).toBe(1);
		expect(items[0].json).toMatchObject({ order_id: 'ordT3', amount: 10, replayed: true });
	});

	it('Instant With Fallback on a UPI payment becomes a standard refund', async () => {
		await chargedOrder('ordT4', '100', 'UPI');

		const { items, error } = await refundTxn({
			orderId: 'ordT4',
			amount: 1,
			refundType: 'INSTANT_WITH_FALLBACK',
		});

		expect(error).toBeUndefined();
		expect(refundPosts()[0].form?.refund_type).toBe('INSTANT_WITH_FALLBACK');
		expect(items[0].json.refund_type).toBe('STANDARD');
	});

	it.each([
		[{ amount: 0, orderId: 'ordT5' }, 'The Amount 0 is not a valid amount'],
		[{ amount: 1 }, 'The Order ID and the Transaction ID are both empty'],
		[{ amount: 1, orderId: 'ord T5' }, 'The Order ID ord T5 is not valid'],
		[{ amount: 1, txnId: 'a b' }, 'The Transaction ID "a b" is not valid'],
		[
			{ amount: 1, orderId: 'ordT5', uniqueRequestId: 'r-1' },
			'The Unique Request ID r-1 is not valid',
		],
	])('refuses %p before sending', async (parameters, message) => {
		const { error } = await refundTxn(parameters);

		expect(error?.message).toBe(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it("an over-refund fails in Juspay's words", async () => {
		await chargedOrder('ordT6', '10');

		const { error } = await refundTxn({ orderId: 'ordT6', amount: 11 });

		expect(error?.message).toBe('Refund amount exceeds the refundable amount of 10');
		expect(error?.description).toContain('invalid.amount.exceeded');
	});
});
