'use strict';
/**
 * Customers: POST /customers (create), GET /customers/{id} (by cst_ id or object_reference_id),
 * POST /customers/{id} (update).
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { findUnknownKey, missingFields, firstInvalid } = require('../lib/body.js');
const { validators } = require('../lib/validators.js');
const { LOWER_ALNUM, randomFrom, isoSeconds, clientAuthToken } = require('../lib/ids.js');

const UPDATE_FIELDS = Object.freeze([
	'mobile_number',
	'email_address',
	'first_name',
	'last_name',
	'mobile_country_code',
]);

const CREATE_FIELDS = Object.freeze([
	'object_reference_id',
	...UPDATE_FIELDS,
	'options.get_client_auth_token',
]);

const VALIDATORS = {
	object_reference_id: validators.objectReferenceId,
	mobile_number: validators.mobileNumber,
	email_address: validators.email,
	first_name: validators.name,
	last_name: validators.name,
	mobile_country_code: validators.countryCode,
	'options.get_client_auth_token': validators.booleanString,
};

module.exports = function customers(ctx) {
	const { now } = ctx;
	const store = (ctx.state.customers = new Map());

	function find(idOrRef) {
		if (store.has(idOrRef)) return store.get(idOrRef);
		for (const c of store.values()) if (c.object_reference_id === idOrRef) return c;
		return undefined;
	}

	function view(c, withToken) {
		const out = {
			id: c.id,
			object: 'customer',
			object_reference_id: c.object_reference_id,
			mobile_country_code: c.mobile_country_code,
			mobile_number: c.mobile_number,
			email_address: c.email_address,
			first_name: c.first_name,
			last_name: c.last_name,
			date_created: c.date_created,
			last_updated: c.last_updated,
		};
		if (withToken) out.juspay = clientAuthToken(now());
		return out;
	}

	function create({ body }) {
		const unknown = findUnknownKey(body, (k) => CREATE_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, ['object_reference_id', 'mobile_number']);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const invalid = firstInvalid(body, (k) => VALIDATORS[k]);
		if (invalid) throw new HttpError(400, invalid);
		if (find(body.object_reference_id)) throw new HttpError(400, ERRORS.customerExists());

		let id;
		do id = `cst_${randomFrom(LOWER_ALNUM, 16)}`;
		while (store.has(id));
		const ts = isoSeconds(now());
		const customer = {
			id,
			object_reference_id: body.object_reference_id,
			mobile_country_code: body.mobile_country_code ?? null,
			mobile_number: body.mobile_number,
			email_address: body.email_address ?? null,
			first_name: body.first_name ?? null,
			last_name: body.last_name ?? null,
			date_created: ts,
			last_updated: ts,
		};
		store.set(id, customer);
		return view(customer, body['options.get_client_auth_token'] === 'true');
	}

	function get({ params, query }) {
		const invalid = firstInvalid(query, () => validators.booleanString);
		if (invalid) throw new HttpError(400, invalid);
		const customer = find(params.id);
		if (!customer) throw new HttpError(404, ERRORS.customerNotFound());
		return view(customer, query['options.get_client_auth_token'] === 'true');
	}

	function update({ params, body }) {
		const unknown = findUnknownKey(body, (k) => UPDATE_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		if (!UPDATE_FIELDS.some((k) => body[k] !== undefined)) {
			throw new HttpError(400, ERRORS.mandatoryMissing([`one of ${UPDATE_FIELDS.join(', ')}`]));
		}
		const invalid = firstInvalid(body, (k) => VALIDATORS[k]);
		if (invalid) throw new HttpError(400, invalid);
		const customer = find(params.id);
		if (!customer) throw new HttpError(404, ERRORS.customerNotFound());
		for (const k of UPDATE_FIELDS) if (body[k] !== undefined) customer[k] = body[k];
		customer.last_updated = isoSeconds(now());
		return view(customer, false);
	}

	return {
		routes: [
			{ method: 'POST', pattern: /^\/customers$/, kind: 'api', handler: create },
			{
				method: 'GET',
				pattern: /^\/customers\/(?<id>[^/]+)$/,
				kind: 'api',
				query: ['options.get_client_auth_token'],
				handler: get,
			},
			{ method: 'POST', pattern: /^\/customers\/(?<id>[^/]+)$/, kind: 'api', handler: update },
		],
		find,
	};
};
