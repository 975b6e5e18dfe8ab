'use strict';
/**
 * Refunds: POST /orders/{order_id}/refunds (answers the order) and POST /refunds, the
 * transaction-id based and instant refund (answers the one refund object). Both keep the refund
 * on its order (order.refunds, shown in the order view) and share the same checks: dedupe by
 * unique_request_id, same-amount window, refundable amount.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey, missingFields } = require('../lib/body.js');
const { validators } = require('../lib/validators.js');
const { parseAmountToPaise, paiseToAmount } = require('../lib/money.js');
const { hex, isoSeconds } = require('../lib/ids.js');
const { ORDER_STATUS, SANDBOX_GATEWAY } = require('./orders.js');

const REQUIRED = Object.freeze(['unique_request_id', 'amount']);
const REFUND_TYPES = Object.freeze(['STANDARD', 'INSTANT', 'INSTANT_WITH_FALLBACK']);
const TXN_FIELDS = Object.freeze([...REQUIRED, 'order_id', 'txn_id', 'refund_type']);
// Optional refund fields documented on the refund page (split settlement, surcharge).
const FIELDS = Object.freeze([
	...REQUIRED,
	'metadata.split_settlement_details',
	'include_surcharge',
]);

/** A refund as it appears in the order's `refunds` list. */
function view(r) {
	return {
		id: r.id,
		unique_request_id: r.unique_request_id,
		ref: null,
		amount: paiseToAmount(r.amountPaise),
		status: 'PENDING',
		sent_to_gateway: false,
		refund_type: r.refund_type ?? 'STANDARD',
		refund_source: SANDBOX_GATEWAY.name,
		initiated_by: 'API',
		created: r.created,
		error_code: null,
		error_message: '',
	};
}

module.exports = function refunds(ctx) {
	const { config, now } = ctx;

	/** Juspay's checks on a refund of a charged order, then the refund added to it. */
	function record(order, body, amountPaise, extra = {}) {
		if (order.status !== ORDER_STATUS.CHARGED.status) {
			throw new HttpError(400, ERRORS.refundOrderNotCharged());
		}
		// Juspay dedupes rather than replays: same id → error, the client must look the refund up.
		if (order.refunds.some((r) => r.unique_request_id === body.unique_request_id)) {
			throw new HttpError(400, ERRORS.refundDuplicateId());
		}
		const t = now();
		if (
			order.refunds.some(
				(r) => r.amountPaise === amountPaise && t - r.createdMs < config.sameAmountWindowMs,
			)
		) {
			throw new HttpError(400, ERRORS.refundSameAmount());
		}
		const refundable = order.amountPaise - order.refundedPaise;
		if (amountPaise > refundable) {
			throw new HttpError(400, ERRORS.refundExceeded(paiseToAmount(refundable)));
		}
		const refund = {
			id: `rfd_${hex(10)}`,
			unique_request_id: body.unique_request_id,
			amountPaise,
			created: isoSeconds(t),
			createdMs: t,
			...extra,
		};
		order.refunds.push(refund);
		order.refundedPaise += amountPaise;
		return refund;
	}

	/** The order a /refunds call names by order_id and/or txn_id (both must agree). */
	function orderOfTxnRefund(body) {
		const byOrder = body.order_id === undefined ? undefined : ctx.orders.findOrThrow(body.order_id);
		if (body.txn_id === undefined) return byOrder;
		const byTxn = [...ctx.state.orders.values()].find((o) => o.txn && o.txn.txn_id === body.txn_id);
		if (!byTxn || (byOrder && byOrder !== byTxn)) {
			throw new HttpError(400, ERRORS.txnNotFound(body.txn_id));
		}
		return byTxn;
	}

	function refundTransaction({ body }) {
		const unknown = findUnknownKey(body, (k) => TXN_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, REQUIRED);
		if (body.order_id === undefined && body.txn_id === undefined)
			missing.push('order_id or txn_id');
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const idReason = validators.juspayId(body.unique_request_id);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('unique_request_id', idReason));
		const amount = parseAmountToPaise(body.amount);
		if (amount.error) throw new HttpError(400, ERRORS.refundAmountInvalid());
		const requested = body.refund_type ?? 'STANDARD';
		if (!REFUND_TYPES.includes(requested)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('refund_type', `must be one of ${REFUND_TYPES}`),
			);
		}
		const order = orderOfTxnRefund(body);
		// Instant refunds pay out to a Juspay-vaulted card; INSTANT_WITH_FALLBACK falls back to STANDARD.
		const instantPossible = order.txn && order.txn.payment_method_type === 'CARD';
		if (requested === 'INSTANT' && !instantPossible) {
			throw new HttpError(400, ERRORS.instantRefundNotSupported());
		}
		const refundType =
			requested === 'INSTANT_WITH_FALLBACK'
				? instantPossible
					? 'INSTANT'
					: 'STANDARD'
				: requested;
		const refund = record(order, body, amount.paise, {
			refund_type: refundType,
			txn_id: order.txn ? order.txn.txn_id : null,
		});
		return txnRefundView(order, refund);
	}

	/** The one refund object /refunds answers (Juspay's refunds-txn samples). */
	function txnRefundView(order, r) {
		const instant = r.refund_type === 'INSTANT';
		return {
			unique_request_id: r.unique_request_id,
			txn_id: r.txn_id,
			order_id: order.order_id,
			status: 'PENDING',
			sent_to_gateway: instant,
			refund_type: r.refund_type,
			refund_source: instant ? 'SANDBOX_VISADIRECT' : SANDBOX_GATEWAY.name,
			gateway: SANDBOX_GATEWAY.name,
			amount: paiseToAmount(r.amountPaise),
			created: r.created,
			initiated_by: 'API',
			response_code: null,
			refund_arn: null,
			reference_id: null,
			error_message: null,
			epg_txn_id: null,
			authorization_id: null,
		};
	}

	function refundOrder({ params, body }) {
		const unknown = findUnknownKey(body, (k) => FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, REQUIRED);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const idReason = validators.juspayId(body.unique_request_id);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('unique_request_id', idReason));
		const amount = parseAmountToPaise(body.amount);
		if (amount.error) throw new HttpError(400, ERRORS.refundAmountInvalid());
		if (body.include_surcharge !== undefined && validators.booleanString(body.include_surcharge)) {
			throw new HttpError(400, ERRORS.invalidInput('include_surcharge', 'must be true or false'));
		}
		const split = body['metadata.split_settlement_details'];
		if (split !== undefined && validators.jsonObject(split)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('metadata.split_settlement_details', validators.jsonObject(split)),
			);
		}

		const order = ctx.orders.findOrThrow(params.orderId);
		record(order, body, amount.paise);
		return ctx.orders.view(order);
	}

	return {
		routes: [
			{
				method: 'POST',
				pattern: /^\/orders\/(?<orderId>[^/]+)\/refunds$/,
				kind: 'api',
				handler: refundOrder,
			},
			{ method: 'POST', pattern: /^\/refunds$/, kind: 'api', handler: refundTransaction },
		],
		view,
	};
};
