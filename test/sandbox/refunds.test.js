'use strict';
/**
 * The sandbox's refunds domain (domains/refunds.js).
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { orderNotFound, request, useSandbox, withSandbox } = require('./testkit.js');

const INVALID_REFUND_AMOUNT = {
	status_id: -1,
	status: 'ERROR',
	error_code: 'invalid.amount',
	error_message: 'invalid amount',
};
// Keys of refunds[0] in Juspay's published orders/refund-order/response.json.
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

const t = useSandbox();
const { sandbox, call, createOrder, refund, chargedOrder } = t;

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
		t.clock += 60_000;
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
		t.clock += 4999;
		const res = await refund('ORD1', { unique_request_id: 'R2', amount: '10.00' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status_id: -1,
			status: 'ERROR',
			error_code: 'duplicate.call',
			error_message: 'A refund call with the same amount is already processing for the order.',
		});
		expect((await refund('ORD1', { unique_request_id: 'R3', amount: '11' })).status).toBe(200);
		t.clock += 1;
		expect((await refund('ORD1', { unique_request_id: 'R2', amount: '10' })).status).toBe(200);
	});

	test('sameAmountWindowMs: 0 disables the same-amount check', async () => {
		await withSandbox({ sameAmountWindowMs: 0 }, async (s) => {
			const post = (p, form) => request(s.url, 'POST', p, { form });
			expect((await post('/orders', { order_id: 'W1', amount: '50' })).status).toBe(200);
			s.chargeOrder('W1');
			expect(
				(await post('/orders/W1/refunds', { unique_request_id: 'A', amount: '5' })).status,
			).toBe(200);
			expect(
				(await post('/orders/W1/refunds', { unique_request_id: 'B', amount: '5' })).status,
			).toBe(200);
		});
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
