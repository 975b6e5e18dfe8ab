'use strict';
/**
 * Payments: the customer paying an order (NEW → CHARGED with a transaction shaped like Juspay's
 * card.json sample). Juspay's API has no such call; tests use sandbox.chargeOrder() or the control
 * endpoint POST /sandbox/orders/{order_id}/charge.
 */

const crypto = require('node:crypto');
const { HttpError } = require('../lib/errors.js');
const { paiseToAmount } = require('../lib/money.js');
const { LOWER_ALNUM, MIXED_ALNUM, randomFrom, hex, isoSeconds } = require('../lib/ids.js');
const { ORDER_STATUS, SANDBOX_GATEWAY } = require('./orders.js');

module.exports = function payments(ctx) {
	const { config, now } = ctx;

	function sampleCard(brand) {
		return {
			expiry_year: String(new Date(now()).getUTCFullYear() + 3),
			card_reference: hex(16),
			saved_to_locker: false,
			expiry_month: '12',
			name_on_card: 'Sandbox User',
			card_issuer: 'Sandbox Bank',
			last_four_digits: '1111',
			using_saved_card: false,
			card_fingerprint: randomFrom(LOWER_ALNUM, 26),
			card_isin: '411111',
			card_type: 'CREDIT',
			card_brand: brand,
			using_token: false,
		};
	}

	/** Simulates the customer completing payment: NEW → CHARGED with a transaction. */
	function charge(orderId, { paymentMethodType = 'CARD', paymentMethod = 'VISA' } = {}) {
		const order = ctx.orders.findOrThrow(orderId, 404);
		const pending = [ORDER_STATUS.NEW.status, ORDER_STATUS.PENDING_VBV.status];
		if (!pending.includes(order.status)) {
			throw new HttpError(409, {
				status: 'error',
				error_code: 'invalid_state',
				error_message: `Order ${order.order_id} is ${order.status}; only NEW and PENDING_VBV orders can be charged`,
			});
		}
		const created = isoSeconds(now());
		// A mandate debit already has its transaction (POST /txns answered with it).
		const txnId = order.debit ? order.debit.txn_id : `${config.merchantId}-${order.order_id}-1`;
		const txnUuid = order.debit ? order.debit.txn_uuid : `eul${randomFrom(MIXED_ALNUM, 16)}`;
		const amount = paiseToAmount(order.amountPaise);
		const type = String(paymentMethodType).toUpperCase();
		const rrn = String(crypto.randomInt(100000, 999999));
		order.txn = {
			txn_id: txnId,
			txn_uuid: txnUuid,
			payment_method_type: type,
			payment_method: String(paymentMethod),
			auth_type: type === 'CARD' ? 'THREE_DS' : '',
			card: type === 'CARD' ? sampleCard(String(paymentMethod)) : undefined,
			payer_vpa: type === 'UPI' ? 'sandbox@upi' : undefined,
			txn_detail: {
				txn_id: txnId,
				order_id: order.order_id,
				status: ORDER_STATUS.CHARGED.status,
				error_code: null,
				net_amount: amount,
				surcharge_amount: null,
				tax_amount: null,
				txn_amount: amount,
				offer_deduction_amount: null,
				gateway_id: SANDBOX_GATEWAY.id,
				currency: order.currency,
				express_checkout: true,
				redirect: true,
				txn_uuid: txnUuid,
				gateway: SANDBOX_GATEWAY.name,
				error_message: '',
				created,
			},
			payment_gateway_response: {
				resp_code: 'SUCCESS',
				rrn,
				created,
				epg_txn_id: `pay_${randomFrom(MIXED_ALNUM, 14)}`,
				resp_message: 'SUCCESS',
				auth_id_code: rrn,
				txn_id: txnId,
			},
			gateway_response: { resCode: '200', resMessage: 'Transaction successful', authCode: rrn },
		};
		Object.assign(order, ORDER_STATUS.CHARGED);
		ctx.mandates.activateFor(order);
		return ctx.orders.view(order);
	}

	return { routes: [], charge };
};
