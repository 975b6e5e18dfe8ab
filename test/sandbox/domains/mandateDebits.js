'use strict';
/**
 * Debiting a mandate: the pre-debit notification (POST /mandates/{id} command=pre_debit_notify,
 * GET /notifications/{id}) and the mandate execution (POST /txns), which creates a new order and
 * charges it without the customer.
 *
 * Notification states: CREATED (at Juspay) → PENDING (at the gateway) → SUCCESS | FAILURE. The
 * notify call answers PENDING; the gateway's verdict (SUCCESS, or the `notificationOutcome`
 * option) is what the next read shows. A debit (order PENDING_VBV) completes when the sandbox's
 * payments.charge() settles it.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey, missingFields } = require('../lib/body.js');
const { validators } = require('../lib/validators.js');
const { parseAmountToPaise, paiseToAmount } = require('../lib/money.js');
const { MIXED_ALNUM, randomFrom, hex } = require('../lib/ids.js');

const REFERENCE_ID = /^[A-Za-z0-9]{1,25}$/;
const DESCRIPTION_MAX = 50;

const TXN_REQUIRED = Object.freeze([
	'order.order_id',
	'order.amount',
	'order.customer_id',
	'merchant_id',
	'format',
]);
const TXN_FIELDS = Object.freeze([
	...TXN_REQUIRED,
	'mandate_id',
	'mandate_token',
	'order.currency',
	'mandate.notification_id',
	'mandate.execution_date',
	'mandate.display_invoice_number',
]);
const isTxnKey = (k) =>
	TXN_FIELDS.includes(k) || (/^order\.metadata\.[^.\s]/.test(k) && k.length > 15);

module.exports = function mandateDebits(ctx) {
	const { config, now } = ctx;
	const notifications = (ctx.state.notifications = new Map());
	let nextId = 1957069;

	const seconds = () => Math.floor(now() / 1000);

	/** The gateway answers after the notify call: the next read shows its verdict. */
	function settle(n) {
		if (n.status === 'PENDING' && n.readyAt <= now()) {
			n.status = n.outcome;
			n.last_updated = String(seconds());
		}
		return n;
	}

	function view(n) {
		const out = {
			id: n.id,
			object: 'notification',
			object_reference_id: n.object_reference_id,
			status: n.status,
			source_object: 'MANDATE',
			source_info: { ...n.source_info },
			provider_name: 'DUMMY',
			provider_response: { provider_ref_id: n.provider_ref_id },
			notification_type: 'SMS',
			mandate: { mandate_id: n.mandate_id },
			description: n.description,
			date_created: n.date_created,
			last_updated: n.last_updated,
		};
		if (n.metadata !== undefined) out.metadata = n.metadata;
		return out;
	}

	function findNotification(idOrReference) {
		const byId = notifications.get(idOrReference);
		if (byId) return settle(byId);
		for (const n of notifications.values()) {
			if (n.object_reference_id === idOrReference) return settle(n);
		}
		return undefined;
	}

	/** command=pre_debit_notify, called by mandates.js once the mandate is found. */
	function notify(m, body) {
		const missing = missingFields(body, ['object_reference_id', 'description', 'source_info']);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		if (!REFERENCE_ID.test(body.object_reference_id)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('object_reference_id', 'must be alphanumeric, at most 25 characters'),
			);
		}
		if (body.description.length > DESCRIPTION_MAX) {
			throw new HttpError(400, ERRORS.invalidInput('description', 'must be at most 50 characters'));
		}
		let info;
		try {
			info = JSON.parse(body.source_info);
		} catch {
			info = undefined;
		}
		if (!info || typeof info !== 'object' || Array.isArray(info)) {
			throw new HttpError(400, ERRORS.invalidInput('source_info', 'must be a JSON object string'));
		}
		const unknown = findUnknownKey(info, (k) =>
			['amount', 'txn_date', 'mandate.display_invoice_number'].includes(k),
		);
		if (unknown !== undefined)
			throw new HttpError(400, ERRORS.unknownField(`source_info.${unknown}`));
		const amount = parseAmountToPaise(info.amount);
		if (amount.error)
			throw new HttpError(400, ERRORS.invalidInput('source_info.amount', 'is not a valid amount'));
		if (
			typeof info.txn_date !== 'string' ||
			!/^\d{1,11}$/.test(info.txn_date) ||
			+info.txn_date <= seconds()
		) {
			throw new HttpError(
				400,
				ERRORS.invalidInput(
					'source_info.txn_date',
					'must be a future date in UNIX seconds, as text',
				),
			);
		}
		if (m.status !== 'ACTIVE') throw new HttpError(400, ERRORS.mandateNotActive());
		if (amount.paise > m.maxPaise) {
			throw new HttpError(
				400,
				ERRORS.txnInvalid(
					`Order amount greater than mandate max amount (${paiseToAmount(m.maxPaise)})`,
				),
			);
		}
		if (findNotification(body.object_reference_id)) {
			throw new HttpError(400, ERRORS.notificationExists());
		}
		const t = String(seconds());
		const n = {
			id: String(nextId++),
			object_reference_id: body.object_reference_id,
			mandate_id: m.mandate_id,
			description: body.description,
			source_info: { ...info },
			metadata: body.metadata,
			provider_ref_id: `IN0${randomFrom(MIXED_ALNUM, 11).toUpperCase()}`,
			status: 'PENDING',
			outcome: config.notificationOutcome || 'SUCCESS',
			readyAt: now(),
			date_created: t,
			last_updated: t,
		};
		notifications.set(n.id, n);
		return view(n);
	}

	function getNotification({ params }) {
		const n = findNotification(params.notificationId);
		if (!n) throw new HttpError(400, ERRORS.notificationNotFound());
		return view(n);
	}

	function sameCustomer(a, b) {
		if (a === b) return true;
		const ca = ctx.customers.find(a);
		return ca !== undefined && ca === ctx.customers.find(b);
	}

	/** POST /txns: execute a mandate, i.e. create a new order and charge it without the customer. */
	function execute({ body }) {
		const unknown = findUnknownKey(body, isTxnKey);
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, TXN_REQUIRED);
		if (body.mandate_id === undefined && body.mandate_token === undefined)
			missing.push('mandate_id');
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		if (body.format !== 'json')
			throw new HttpError(400, ERRORS.invalidInput('format', 'must be json'));
		if (body.merchant_id !== config.merchantId) {
			throw new HttpError(400, ERRORS.invalidInput('merchant_id', 'does not match x-merchantid'));
		}
		const orderId = body['order.order_id'];
		const idReason = validators.juspayId(orderId);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('order.order_id', idReason));
		const amount = parseAmountToPaise(body['order.amount']);
		if (amount.error) throw new HttpError(400, ERRORS.txnInvalid('Invalid order amount'));
		const execution = body['mandate.execution_date'];
		if (execution !== undefined && !/^\d{1,11}$/.test(execution)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('mandate.execution_date', 'must be UNIX seconds'),
			);
		}
		if (ctx.orders.find(orderId)) throw new HttpError(400, ERRORS.duplicateOrderId());

		const m =
			body.mandate_id !== undefined
				? ctx.mandates.find(body.mandate_id)
				: ctx.mandates.findByToken(body.mandate_token);
		if (!m || !sameCustomer(m.customer_id, body['order.customer_id'])) {
			throw new HttpError(400, ERRORS.mandateNotFound());
		}
		if (m.status !== 'ACTIVE') throw new HttpError(400, ERRORS.mandateNotActive());
		if (m.amount_rule === 'FIXED' && amount.paise !== m.maxPaise) {
			throw new HttpError(400, ERRORS.txnInvalid('Order amount not equal to mandate max amount.'));
		}
		if (amount.paise > m.maxPaise) {
			throw new HttpError(
				400,
				ERRORS.txnInvalid(
					`Order amount greater than mandate max amount (${paiseToAmount(m.maxPaise)})`,
				),
			);
		}
		const notificationId = body['mandate.notification_id'];
		if (notificationId === undefined && config.mandateNotificationRequired !== false) {
			throw new HttpError(400, ERRORS.txnInvalid('mandate.notification_id is mandatory.'));
		}
		if (notificationId !== undefined) {
			const n = findNotification(notificationId);
			if (!n || n.mandate_id !== m.mandate_id) {
				throw new HttpError(
					400,
					ERRORS.txnInvalid(`Notification record not found for ${notificationId}`),
				);
			}
		}

		const order = ctx.orders.insertDebit({
			orderId,
			amountPaise: amount.paise,
			currency: body['order.currency'] ?? m.currency,
			customerId: body['order.customer_id'],
			mandateId: m.mandate_id,
		});
		const txnId = `${config.merchantId}-${orderId}-1`;
		const txnUuid = `eul${randomFrom(MIXED_ALNUM, 16)}`;
		order.debit = { txn_id: txnId, txn_uuid: txnUuid, notification_id: notificationId };
		return {
			order_id: order.order_id,
			txn_id: txnId,
			txn_uuid: txnUuid,
			status: order.status,
			payment: {
				authentication: {
					method: 'POST',
					url: `${ctx.url()}/v2/pay/finish/${config.merchantId}/${txnUuid}/${hex(2)}`,
				},
			},
			offer_details: { offers: [] },
		};
	}

	return {
		routes: [
			{
				method: 'GET',
				pattern: /^\/notifications\/(?<notificationId>[^/]+)$/,
				kind: 'api',
				handler: getNotification,
			},
			{ method: 'POST', pattern: /^\/txns$/, kind: 'api', handler: execute },
		],
		notify,
		findNotification,
		view,
	};
};
