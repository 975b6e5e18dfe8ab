'use strict';
/**
 * Field validators: each returns null when the value is fine, else the reason Juspay gives
 * (used as `${field} ${reason}` in an INVALID_INPUT error).
 */

const { parseJsonObject } = require('./body.js');

const validators = {
	objectReferenceId(v) {
		if (v.length < 8) return 'must be at least 8 characters long';
		if (v.length > 128) return 'must be at most 128 characters long';
		if (/[\u0000-\u001f\u007f]/.test(v) || v.trim() !== v) return 'contains invalid characters';
		return null;
	},
	mobileNumber(v) {
		if (!/^\d+$/.test(v)) return 'must contain digits only';
		if (v.length > 15) return 'must be at most 15 digits';
		return null;
	},
	countryCode(v) {
		if (!/^\d{1,4}$/.test(v)) return 'must be 1 to 4 digits without +';
		return null;
	},
	email(v) {
		// Juspay: alphanumerics and !#$%&'*+-/=?^_.{|}~` in the local part; _ and . may not start
		// or end it.
		const at = v.lastIndexOf('@');
		if (at <= 0 || at === v.length - 1 || v.length > 254) return 'is not a valid email address';
		const local = v.slice(0, at);
		const domain = v.slice(at + 1);
		if (!/^[A-Za-z0-9!#$%&'*+\-/=?^_.{|}~`]+$/.test(local)) return 'is not a valid email address';
		if (/^[_.]|[_.]$/.test(local)) return 'is not a valid email address';
		if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain)) return 'is not a valid email address';
		return null;
	},
	name(v) {
		if (v.length > 255) return 'must be at most 255 characters long';
		if (!/^[A-Za-z0-9().\-_]+$/.test(v)) return 'may contain only alphanumerics and ( ) . - _';
		return null;
	},
	booleanString(v) {
		return v === 'true' || v === 'false' ? null : 'must be true or false';
	},
	/** order_id and unique_request_id: alphanumeric, fewer than 21 characters. */
	juspayId(v) {
		if (!/^[A-Za-z0-9]+$/.test(v)) return 'must be alphanumeric';
		if (v.length > 20) return 'must be at most 20 characters long';
		return null;
	},
	currency(v) {
		return /^[A-Z]{3}$/.test(v) ? null : 'must be an ISO-4217 code such as INR';
	},
	gatewayId(v) {
		return /^[1-9]\d{0,5}$/.test(v) ? null : 'must be a positive integer';
	},
	returnUrl(v) {
		// Juspay: fully qualified, no query string or fragment, no IP address as host.
		let u;
		try {
			u = new URL(v);
		} catch {
			return 'must be a fully qualified URL';
		}
		if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'must be an http(s) URL';
		if (u.search || u.hash || v.includes('?') || v.includes('#'))
			return 'must not contain a query string or fragment';
		if (/^[\d.]+$/.test(u.hostname) || u.hostname.startsWith('['))
			return 'must not use an IP address';
		return null;
	},
	udfPlain(v) {
		if (v.length > 255) return 'must be at most 255 characters long';
		return /^[A-Za-z0-9 ]*$/.test(v)
			? null
			: 'must not contain special characters (use udf6 to udf10)';
	},
	udfAny(v) {
		return v.length > 255 ? 'must be at most 255 characters long' : null;
	},
	freeText(v) {
		return v.length > 1024 ? 'must be at most 1024 characters long' : null;
	},
	jsonObject(v) {
		return parseJsonObject(v).error ? 'must be a JSON object string' : null;
	},
	basket(v) {
		try {
			return Array.isArray(JSON.parse(v)) ? null : 'must be a JSON array string';
		} catch {
			return 'must be a JSON array string';
		}
	},
};

module.exports = { validators };
