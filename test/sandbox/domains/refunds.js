'use strict';
/**
 * Refunds: POST /orders/{order_id}/refunds. The refund is kept on its order (order.refunds) and
 * shown in the order view; this module also renders that refund entry.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey, missingFields } = require('../lib/body.js');
const { validators } = require('../lib/validators.js');
const { parseAmountToPaise, paiseToAmount } = require('../lib/money.js');
const { hex, isoSeconds } = require('../lib/ids.js');
const { ORDER_STATUS, SANDBOX_GATEWAY } = require('./orders.js');

const REQUIRED = Object.freeze(['unique_request_id', 'amount']);
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
		refund_type: 'STANDARD',
		refund_source: SANDBOX_GATEWAY.name,
		initiated_by: 'API',
		created: r.created,
		error_code: null,
		error_message: '',
	};
}

module.exports = function refunds(ctx) {
	const { config, now } = ctx;

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
				(r) => r.amountPaise === amount.paise && t - r.createdMs < config.sameAmountWindowMs,
			)
		) {
			throw new HttpError(400, ERRORS.refundSameAmount());
		}
		const refundable = order.amountPaise - order.refundedPaise;
		if (amount.paise > refundable) {
			throw new HttpError(400, ERRORS.refundExceeded(paiseToAmount(refundable)));
		}
		order.refunds.push({
			id: `rfd_${hex(10)}`,
			unique_request_id: body.unique_request_id,
			amountPaise: amount.paise,
			created: isoSeconds(t),
			createdMs: t,
		});
		order.refundedPaise += amount.paise;
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
		],
		view,
	};
};
