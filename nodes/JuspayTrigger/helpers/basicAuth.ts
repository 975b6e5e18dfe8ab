import { createHash, timingSafeEqual } from 'crypto';

import { basicAuthorization } from '../../shared/wire';

// The scheme name is case-insensitive (RFC 9110 §11.1, RFC 7617): "basic …" is Basic auth too.
const BASIC = /^basic +(\S+)$/i;

function digest(text: string): Buffer {
	return createHash('sha256').update(text).digest();
}

/** Checks a request's `Authorization: Basic` header against the expected username and password. */
export function basicAuthMatches(header: unknown, username: string, password: string): boolean {
	if (typeof header !== 'string') return false;
	const sent = BASIC.exec(header.trim());
	if (!sent) return false;
	const expected = basicAuthorization(username, password).slice('Basic '.length);
	// Digests have equal length, so the comparison takes the same time whatever was sent.
	return timingSafeEqual(digest(sent[1]), digest(expected));
}
