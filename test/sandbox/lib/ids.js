'use strict';
/** Ids, tokens and timestamps in the formats Juspay uses. */

const crypto = require('node:crypto');

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CLIENT_AUTH_TOKEN_TTL_MS = 15 * 60 * 1000;

function randomFrom(alphabet, length) {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[crypto.randomInt(alphabet.length)];
	return out;
}

const hex = (bytes) => crypto.randomBytes(bytes).toString('hex');

/** Juspay timestamps are ISO-8601 UTC without milliseconds: 2020-03-17T14:13:37Z. */
function isoSeconds(ms) {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `juspay` block of a customer or order created with options.get_client_auth_token=true. */
function clientAuthToken(nowMs) {
	return {
		client_auth_token: `tkn_${hex(16)}`,
		client_auth_token_expiry: isoSeconds(nowMs + CLIENT_AUTH_TOKEN_TTL_MS),
	};
}

module.exports = { LOWER_ALNUM, MIXED_ALNUM, randomFrom, hex, isoSeconds, clientAuthToken };
