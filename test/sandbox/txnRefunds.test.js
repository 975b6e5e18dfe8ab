'use strict';
/** POST /refunds (domains/refunds.js): transaction-id based and instant refunds. */

const { useSandbox } = require('./testkit.js');

const t = useSandbox();
const { sandbox, call, chargedOrder } = t;

const refundTxn = (form) => call('POST', '/refunds', { form });

describe('POST /refunds', () => {
	test('refunds by txn_id and answers the one refund object of Juspay sample txn-id.json', async () => {
		await chargedOrder('T1', '100');
		const txnId = sandbox.getOrder('T1').txn_id;
		const res = await refundTxn({ unique_request_id: 'u1', amount: '40', txn_id: txnId });
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual(
			[
				'unique_request_id',
				'txn_id',
				'order_id',
				'status',
				'sent_to_gateway',
				'refund_type',
				'refund_source',
				'gateway',
				'amount',
				'created',
				'initiated_by',
				'response_code',
				'refund_arn',
				'reference_id',
				'error_message',
				'epg_txn_id',
				'authorization_id',
			].sort(),
		);
		expect(res.body).toMatchObject({
			order_id: 'T1',
			txn_id: txnId,
			amount: 40,
			refund_type: 'STANDARD',
		});
		expect(sandbox.getOrder('T1').amount_refunded).toBe(40);
	});

	test('needs order_id or txn_id, and both must name the same payment', async () => {
		await chargedOrder('T2');
		const none = await refundTxn({ unique_request_id: 'u2', amount: '1' });
		expect(none.body.error_message).toBe('Mandatory fields are missing: order_id or txn_id');
		const other = await refundTxn({
			unique_request_id: 'u2',
			amount: '1',
			order_id: 'T2',
			txn_id: 'x-T9-1',
		});
		expect(other.status).toBe(400);
		expect(other.body.error_code).toBe('invalid.txn_id');
	});

	test('the same unique_request_id again is duplicate.call, never a second refund', async () => {
		await chargedOrder('T3');
		expect((await refundTxn({ unique_request_id: 'u3', amount: '1', order_id: 'T3' })).status).toBe(
			200,
		);
		const again = await refundTxn({ unique_request_id: 'u3', amount: '1', order_id: 'T3' });
		expect(again.body.error_code).toBe('duplicate.call');
		expect(sandbox.getOrder('T3').refunds).toHaveLength(1);
	});

	test('INSTANT only for card payments; INSTANT_WITH_FALLBACK falls back to STANDARD', async () => {
		await t.createOrder({ order_id: 'T4', amount: '10' });
		sandbox.chargeOrder('T4', { paymentMethodType: 'UPI', paymentMethod: 'UPI' });
		const instant = await refundTxn({
			unique_request_id: 'u4',
			amount: '1',
			order_id: 'T4',
			refund_type: 'INSTANT',
		});
		expect(instant.status).toBe(400);
		const fallback = await refundTxn({
			unique_request_id: 'u5',
			amount: '1',
			order_id: 'T4',
			refund_type: 'INSTANT_WITH_FALLBACK',
		});
		expect(fallback.body.refund_type).toBe('STANDARD');
		await chargedOrder('T5');
		const card = await refundTxn({
			unique_request_id: 'u6',
			amount: '1',
			order_id: 'T5',
			refund_type: 'INSTANT',
		});
		expect(card.body).toMatchObject({ refund_type: 'INSTANT', sent_to_gateway: true });
		const bad = await refundTxn({
			unique_request_id: 'u7',
			amount: '1',
			order_id: 'T5',
			refund_type: 'FAST',
		});
		expect(bad.body.error_info.fields[0].field_name).toBe('refund_type');
	});
});
