import { createHash, timingSafeEqual } from 'crypto';

import { basicAuthorization } from '../../shared/wire';

/** Checks a request's `Authorization: Basic` header against the expected username and password. */
export function basicAuthMatches(header: unknown, username: string, password: string): boolean {
	if (typeof header !== 'string') return false;
	const expected = basicAuthorization(username, password);
	// Digests have equal length, so the comparison takes the same time whatever was sent.
	const sent = createHash('sha256').update(header.trim()).digest();
	const wanted = createHash('sha256').update(expected).digest();
	return timingSafeEqual(sent, wanted);
}
