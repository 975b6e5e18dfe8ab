'use strict';
/**
 * Mandate registration fields on POST /orders (and POST /session): options.create_mandate and
 * mandate.*, checked as Juspay documents them. Error bodies as in Juspay's payment-links samples.
 */

const { ERRORS } = require('./errors.js');
const { validators } = require('./validators.js');
const { parseAmountToPaise } = require('./money.js');

const FREQUENCIES = Object.freeze([
	'ONETIME',
	'DAILY',
	'WEEKLY',
	'FORTNIGHTLY',
	'MONTHLY',
	'BIMONTHLY',
	'QUARTERLY',
	'HALFYEARLY',
	'YEARLY',
	'ASPRESENTED',
]);
const RULE_RANGE = { WEEKLY: 7, FORTNIGHTLY: 16 };
const RULE_FREE = ['ONETIME', 'DAILY', 'ASPRESENTED'];

/** The registration keys POST /orders (and POST /session) accept. */
const SETUP_FIELDS = Object.freeze([
	'options.create_mandate',
	'mandate.max_amount',
	'mandate.amount_rule',
	'mandate.frequency',
	'mandate.start_date',
	'mandate.end_date',
	'mandate.rule_type',
	'mandate.rule_value',
	'mandate.revokable_by_customer',
	'mandate.block_funds',
]);

const EPOCH_SECONDS = /^\d{1,11}$/;
const DAY = 86400;

/**
 * The registration fields of POST /orders: null when fine, else Juspay's error body. Bodies
 * and codes as in Juspay's payment-links samples.
 */
function checkMandateSetup(rawBody, t) {
	const body = setupText(rawBody);
	const keys = SETUP_FIELDS.filter((k) => body[k] !== undefined);
	if (keys.length === 0) return null;
	const create = body['options.create_mandate'];
	if (create !== 'REQUIRED' && create !== 'OPTIONAL') {
		return ERRORS.invalidInput('options.create_mandate', 'must be REQUIRED or OPTIONAL');
	}
	if (body.customer_id === undefined) return ERRORS.mandatoryMissing(['customer_id']);
	const max = parseAmountToPaise(body['mandate.max_amount']);
	if (max.error || max.paise < 100) {
		return ERRORS.mandateSetupInvalid(
			'INVALID_REQUEST',
			'mandate_max_amount should be greater than or equal to 1',
			'mandate.max_amount',
		);
	}
	const rule = body['mandate.amount_rule'];
	if (rule !== undefined && rule !== 'FIXED' && rule !== 'VARIABLE') {
		return ERRORS.invalidInput('mandate.amount_rule', 'must be FIXED or VARIABLE');
	}
	const frequency = body['mandate.frequency'] ?? 'ASPRESENTED';
	if (!FREQUENCIES.includes(frequency)) {
		return ERRORS.invalidInput('mandate.frequency', `must be one of ${FREQUENCIES.join(', ')}`);
	}
	const start = body['mandate.start_date'];
	if (start !== undefined && (!EPOCH_SECONDS.test(start) || +start < t - (t % DAY))) {
		return ERRORS.mandateSetupInvalid(
			'INVALID_START_DATE',
			'Start date passed is invalid',
			'mandate.start_date',
		);
	}
	const end = body['mandate.end_date'];
	if (end !== undefined && (!EPOCH_SECONDS.test(end) || +end <= Math.max(t, +(start ?? t)))) {
		return ERRORS.mandateSetupInvalid(
			'INVALID_END_DATE',
			'End date passed is invalid',
			'mandate.end_date',
		);
	}
	const ruleType = body['mandate.rule_type'];
	const ruleValue = body['mandate.rule_value'];
	if ((ruleType === undefined) !== (ruleValue === undefined)) {
		return ERRORS.mandatoryMissing([
			ruleType === undefined ? 'mandate.rule_type' : 'mandate.rule_value',
		]);
	}
	if (ruleType !== undefined) {
		if (!['ON', 'BEFORE', 'AFTER'].includes(ruleType)) {
			return ERRORS.invalidInput('mandate.rule_type', 'must be ON, BEFORE or AFTER');
		}
		const limit = RULE_RANGE[frequency] || 31;
		if (
			RULE_FREE.includes(frequency) ||
			!/^\d+$/.test(ruleValue) ||
			+ruleValue < 1 ||
			+ruleValue > limit
		) {
			return ERRORS.invalidInput('mandate.rule_value', `is not valid for frequency ${frequency}`);
		}
	}
	for (const flag of ['mandate.revokable_by_customer', 'mandate.block_funds']) {
		if (body[flag] !== undefined && validators.booleanString(body[flag])) {
			return ERRORS.invalidInput(flag, validators.booleanString(body[flag]));
		}
	}
	if (body['mandate.block_funds'] === 'true' && frequency !== 'ONETIME') {
		return ERRORS.mandateSetupInvalid(
			'INVALID_BLOCK_FUNDS',
			'Block fund should be false for recurring and true for OT mandate.',
			'mandate.block_funds',
		);
	}
	return null;
}

/**
 * The registration fields as text: a form body already is; a JSON body (POST /session) may carry
 * booleans and numbers, which Juspay reads the same way.
 */
function setupText(body) {
	const out = { ...body };
	for (const key of SETUP_FIELDS) {
		const value = body[key];
		if (typeof value === 'boolean' || typeof value === 'number') out[key] = String(value);
	}
	return out;
}

module.exports = { SETUP_FIELDS, FREQUENCIES, checkMandateSetup, setupText };
