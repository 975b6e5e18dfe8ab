'use strict';
/**
 * Mandates: registration with an order (options.create_mandate + mandate.* on POST /orders; the
 * mandate becomes ACTIVE when the customer pays), POST /mandates/{mandate_id} with
 * command=check_status | pause | resume | revoke (pre_debit_notify: see mandateDebits.js), and
 * GET /customers/{customer_id}/mandates.
 *
 * State machine: CREATED → ACTIVE → PAUSED → ACTIVE → REVOKED; FAILURE (registration failed) and
 * EXPIRED (end_date passed) are final. A scheduled pause starts, and a pause ends, on the clock.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey } = require('../lib/body.js');
const { parseAmountToPaise, paiseToAmount } = require('../lib/money.js');
const { SETUP_FIELDS, checkMandateSetup, setupText } = require('../lib/mandateSetup.js');
const { MIXED_ALNUM, randomFrom, hex, isoSeconds } = require('../lib/ids.js');

const STATUS = Object.freeze({
	CREATED: 'CREATED',
	ACTIVE: 'ACTIVE',
	PAUSED: 'PAUSED',
	REVOKED: 'REVOKED',
	FAILURE: 'FAILURE',
	EXPIRED: 'EXPIRED',
});

/** Fields each command takes besides `command`. */
const COMMAND_FIELDS = Object.freeze({
	check_status: [],
	revoke: [],
	pause: ['pause_start_date', 'pause_end_date'],
	resume: ['resume_date'],
	pre_debit_notify: ['object_reference_id', 'description', 'source_info', 'metadata'],
});

const EPOCH_SECONDS = /^\d{1,11}$/;
const DAY = 86400;

module.exports = function mandates(ctx) {
	const { now } = ctx;
	const store = (ctx.state.mandates = new Map());
	const seconds = () => Math.floor(now() / 1000);

	/** The clock's effects, applied whenever a mandate is read. */
	function current(m) {
		const t = seconds();
		if (m.pause && m.status === STATUS.ACTIVE && t >= m.pause.start && !m.pause.started) {
			m.pause.started = true;
			m.status = STATUS.PAUSED;
		}
		if (m.status === STATUS.PAUSED && m.pause && m.pause.end && t >= m.pause.end) {
			m.status = STATUS.ACTIVE;
			m.pause = null;
		}
		if ([STATUS.ACTIVE, STATUS.PAUSED].includes(m.status) && m.end_date && t > +m.end_date) {
			m.status = STATUS.EXPIRED;
		}
		return m;
	}

	function find(mandateId) {
		const m = store.get(mandateId);
		return m ? current(m) : undefined;
	}

	function findOrThrow(mandateId) {
		const m = find(mandateId);
		if (!m) throw new HttpError(400, ERRORS.mandateNotFound());
		return m;
	}

	const findByToken = (token) =>
		[...store.values()].find((m) => m.mandate_token === token && current(m));

	/** The mandate fields every view shares, with Juspay's names. */
	function fields(m) {
		const out = {
			mandate_id: m.mandate_id,
			mandate_token: m.mandate_token,
			mandate_type: m.mandate_type,
			amount_rule: m.amount_rule,
			max_amount: paiseToAmount(m.maxPaise),
			currency: m.currency,
			frequency: m.frequency,
			start_date: m.start_date,
			end_date: m.end_date,
			block_fund: m.block_fund,
			revokable_by_customer: m.revokable_by_customer,
		};
		if (m.rule_type) Object.assign(out, { rule_type: m.rule_type, rule_value: m.rule_value });
		if (m.activated_at) {
			Object.assign(out, {
				activated_at: m.activated_at,
				last_activated_at: m.last_activated_at,
				mandate_debit_token: m.mandate_debit_token,
			});
		}
		return out;
	}

	/** Mandate Status and the customer's list say `status`… */
	function statusView(m) {
		return {
			...fields(current(m)),
			order_id: m.order_id,
			customer_id: m.customer_id,
			status: m.status,
			last_updated: m.last_updated,
			payment_info: { ...m.payment_info },
		};
	}

	/** …pause, resume, revoke and an order's `mandate` say `mandate_status`. */
	function orderView(m) {
		return { ...fields(current(m)), mandate_status: m.status };
	}

	function touch(m, status) {
		m.status = status;
		m.last_updated = isoSeconds(now());
		if (status === STATUS.ACTIVE) {
			m.last_activated_at = m.last_updated;
			m.activated_at = m.activated_at || m.last_updated;
			m.mandate_debit_token = m.mandate_debit_token || `tkn_${hex(16)}`;
		}
	}

	function create({ orderId, customerId, maxPaise, setup = {}, status = STATUS.CREATED }) {
		const t = seconds();
		const m = {
			mandate_id: randomFrom(MIXED_ALNUM, 22),
			mandate_token: hex(16),
			mandate_type: 'EMANDATE',
			amount_rule: setup['mandate.amount_rule'] || 'VARIABLE',
			maxPaise,
			currency: 'INR',
			frequency: setup['mandate.frequency'] || 'ASPRESENTED',
			start_date: setup['mandate.start_date'] || String(t),
			end_date: setup['mandate.end_date'] || String(t + 30 * 365 * DAY),
			rule_type: setup['mandate.rule_type'],
			rule_value:
				setup['mandate.rule_value'] === undefined ? undefined : Number(setup['mandate.rule_value']),
			block_fund: setup['mandate.block_funds'] === 'true',
			revokable_by_customer: setup['mandate.revokable_by_customer'] !== 'false',
			customer_id: customerId,
			order_id: orderId,
			payment_info: { payment_method_type: 'UPI', payment_method: 'COLLECT' },
			status: STATUS.CREATED,
			pause: null,
		};
		touch(m, status);
		store.set(m.mandate_id, m);
		return m;
	}

	/** A new order asked for a mandate: it exists as CREATED until the customer pays. */
	function register(order, rawBody) {
		if (rawBody['options.create_mandate'] === undefined) return;
		const body = setupText(rawBody);
		const m = create({
			orderId: order.order_id,
			customerId: body.customer_id,
			maxPaise: parseAmountToPaise(body['mandate.max_amount']).paise,
			setup: body,
		});
		order.mandateId = m.mandate_id;
	}

	/** The customer paid the registration order: its mandate becomes ACTIVE. */
	function activateFor(order) {
		const m = order.mandateId && store.get(order.mandateId);
		if (m && m.status === STATUS.CREATED && m.order_id === order.order_id) touch(m, STATUS.ACTIVE);
	}

	function epochField(body, key) {
		const v = body[key];
		if (v === undefined) return undefined;
		if (!EPOCH_SECONDS.test(v))
			throw new HttpError(400, ERRORS.invalidInput(key, 'must be UNIX seconds'));
		return Number(v);
	}

	function pause(m, body) {
		if (m.status !== STATUS.ACTIVE || m.pause) throw new HttpError(400, ERRORS.mandateNotActive());
		const t = seconds();
		const start = epochField(body, 'pause_start_date') ?? t;
		const end = epochField(body, 'pause_end_date') ?? +m.end_date;
		if (start < t - 300)
			throw new HttpError(400, ERRORS.invalidInput('pause_start_date', 'must not be in the past'));
		if (end <= start)
			throw new HttpError(
				400,
				ERRORS.invalidInput('pause_end_date', 'must be after pause_start_date'),
			);
		m.pause = { start, end, started: false };
		current(m);
		m.last_updated = isoSeconds(now());
		const scheduled = m.status !== STATUS.PAUSED;
		return {
			...orderView(m),
			response_message: scheduled ? 'Pause mandate is scheduled' : 'Mandate is Paused.',
			pause_start_date: isoSeconds(start * 1000),
			pause_end_date: isoSeconds(end * 1000),
		};
	}

	function resume(m, body) {
		if (m.status !== STATUS.PAUSED) {
			if (m.status === STATUS.ACTIVE) throw new HttpError(400, ERRORS.mandateNotActive());
			throw new HttpError(400, ERRORS.resumeNotAllowed(m.status));
		}
		const date = epochField(body, 'resume_date') ?? seconds();
		if (date < seconds() - 300) {
			throw new HttpError(400, {
				user_message: 'Please pass valid resume_date.',
				message: 'Invalid resume_date.',
				error_info: {
					user_message: 'Invalid resume_date.',
					developer_message: 'Please pass valid resume_date.',
					code: 'INVALID_INPUT',
				},
				type: 'INVALID_REQUEST_ERROR',
				code: 'INVALID_REQUEST',
			});
		}
		const pauseEnd = m.pause && m.pause.end;
		if (date <= seconds()) {
			touch(m, STATUS.ACTIVE);
			m.pause = null;
		} else {
			m.pause = { ...m.pause, end: date };
		}
		return {
			...orderView(m),
			response_message: 'Mandate is Resumed.',
			...(pauseEnd ? { pause_end_date: isoSeconds(pauseEnd * 1000) } : {}),
		};
	}

	function command({ params, body }) {
		const name = body.command;
		if (name === undefined || name === '') throw new HttpError(400, ERRORS.commandMissing());
		const allowed = COMMAND_FIELDS[name];
		if (!allowed)
			throw new HttpError(400, ERRORS.invalidInput('command', 'is not a valid command'));
		const unknown = findUnknownKey(body, (k) => k === 'command' || allowed.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const m = findOrThrow(params.mandateId);
		switch (name) {
			case 'check_status':
				return statusView(m);
			case 'revoke':
				if (m.status !== STATUS.ACTIVE) throw new HttpError(400, ERRORS.mandateNotActive());
				touch(m, STATUS.REVOKED);
				return { mandate_status: m.status, mandate_id: m.mandate_id };
			case 'pause':
				return pause(m, body);
			case 'resume':
				return resume(m, body);
			default:
				return ctx.mandateDebits.notify(m, body);
		}
	}

	function list({ params }) {
		const customer = ctx.customers.find(params.customerId);
		const ids = customer ? [customer.id, customer.object_reference_id] : [params.customerId];
		const found = [...store.values()].filter((m) => ids.includes(m.customer_id));
		if (!customer && found.length === 0) throw new HttpError(404, ERRORS.customerNotFound());
		return {
			object: 'list',
			total: found.length,
			offset: 0,
			count: found.length,
			list: found.map(statusView),
		};
	}

	return {
		routes: [
			{
				method: 'POST',
				pattern: /^\/mandates\/(?<mandateId>[^/]+)$/,
				kind: 'api',
				handler: command,
			},
			{
				method: 'GET',
				pattern: /^\/customers\/(?<customerId>[^/]+)\/mandates$/,
				kind: 'api',
				handler: list,
			},
		],
		STATUS,
		SETUP_FIELDS,
		checkSetup: (body) => checkMandateSetup(body, seconds()),
		register,
		activateFor,
		create,
		find,
		findOrThrow,
		findByToken,
		orderView,
		statusView,
	};
};
