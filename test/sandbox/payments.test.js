'use strict';
/**
 * The sandbox's payments domain (domains/payments.js): an order being paid.
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { MERCHANT, useSandbox } = require('./testkit.js');

const t = useSandbox();
const { sandbox, call, createOrder } = t;

describe('chargeOrder', () => {
	test('CARD payment fills the transaction like card.json', async () => {
		await createOrder({ amount: '9000' });
		const order = sandbox.chargeOrder('ORD1');
		expect(order).toMatchObject({
			status: 'CHARGED',
			status_id: 21,
			txn_id: `${MERCHANT}-ORD1-1`,
			txn_uuid: expect.stringMatching(/^eul[A-Za-z0-9]{16}$/),
			payment_method_type: 'CARD',
			payment_method: 'VISA',
			auth_type: 'THREE_DS',
			card: expect.objectContaining({
				card_brand: 'VISA',
				last_four_digits: '1111',
				card_isin: '411111',
			}),
			txn_detail: expect.objectContaining({
				txn_id: `${MERCHANT}-ORD1-1`,
				order_id: 'ORD1',
				status: 'CHARGED',
				txn_amount: 9000,
				net_amount: 9000,
				gateway: 'DUMMY',
				gateway_id: 100,
				created: '2026-01-15T10:30:00Z',
			}),
			payment_gateway_response: expect.objectContaining({
				resp_code: 'SUCCESS',
				txn_id: `${MERCHANT}-ORD1-1`,
			}),
			maximum_eligible_refund_amount: 9000,
			refunded: false,
			amount_refunded: 0,
		});
		expect((await call('GET', '/orders/ORD1')).body).toEqual(order);
	});

	test('UPI payment has no card; charging twice or an unknown order throws', async () => {
		await createOrder();
		const order = sandbox.chargeOrder('ORD1', { paymentMethodType: 'UPI', paymentMethod: 'UPI' });
		expect(order.payment_method_type).toBe('UPI');
		expect(order).not.toHaveProperty('card');
		expect(() => sandbox.chargeOrder('ORD1')).toThrow(
			'Order ORD1 is CHARGED; only NEW and PENDING_VBV orders can be charged',
		);
		expect(() => sandbox.chargeOrder('NOPE')).toThrow('Order not found');
	});
});
