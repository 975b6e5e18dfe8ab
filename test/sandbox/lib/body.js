'use strict';
/**
 * Request bodies: the strict form parser (Juspay's API is form-encoded with flat dotted keys), the
 * JSON object parser for JSON routes, content-type checks, and the field checks handlers share.
 */

const { ERRORS } = require('./errors.js');

/** Strict application/x-www-form-urlencoded parser: flat keys, duplicate and encoding checks. */
function parseFormStrict(text) {
	const fields = Object.create(null);
	if (text === '') return { fields };
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const rawKey = eq === -1 ? pair : pair.slice(0, eq);
		const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
		let key;
		let value;
		try {
			key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
			value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
		} catch {
			return { error: ERRORS.malformed('invalid percent-encoding') };
		}
		if (Object.prototype.hasOwnProperty.call(fields, key))
			return { error: ERRORS.duplicateField(key) };
		fields[key] = value;
	}
	return { fields };
}

/** A JSON object body, or a Juspay-style 400 body when it is not valid JSON or not an object. */
function parseJsonObject(text) {
	try {
		const parsed = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { value: parsed };
	} catch {
		// fall through
	}
	return { error: ERRORS.malformed('body must be a JSON object') };
}

/** `type`, optionally with a UTF-8 charset parameter (and nothing else). */
function isContentType(header, type) {
	if (typeof header !== 'string') return false;
	const [given, ...params] = header.split(';').map((s) => s.trim());
	if (given.toLowerCase() !== type) return false;
	return params.every((p) => /^charset="?utf-8"?$/i.test(p));
}

const isFormContentType = (header) => isContentType(header, 'application/x-www-form-urlencoded');
const isJsonContentType = (header) => isContentType(header, 'application/json');

/**
 * First unknown key, if any. Bracket keys (options[x]) are never Juspay's: it uses flat dotted keys.
 */
function findUnknownKey(fields, isAllowed) {
	return Object.keys(fields).find((k) => /[[\]]/.test(k) || !isAllowed(k));
}

/** Required fields that are absent or empty. */
const missingFields = (fields, required) =>
	required.filter((k) => fields[k] === undefined || fields[k] === '');

/** Runs validators in order and returns the first error body, or null. */
function firstInvalid(fields, validatorFor) {
	for (const [key, value] of Object.entries(fields)) {
		const validate = validatorFor(key);
		const reason = validate ? validate(value) : null;
		if (reason) return ERRORS.invalidInput(key, reason);
	}
	return null;
}

module.exports = {
	parseFormStrict,
	parseJsonObject,
	isFormContentType,
	isJsonContentType,
	findUnknownKey,
	missingFields,
	firstInvalid,
};
