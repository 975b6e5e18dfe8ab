'use strict';
/**
 * The log of API requests the sandbox received (what the node under test sent), for assertions.
 * Control-plane calls are not recorded. The HTTP view redacts the Authorization secret.
 */

function createRecorder() {
	const requests = [];
	const authVerdicts = new WeakMap(); // record → whether its Authorization header was valid

	/** Records one API request: method, path, query, lower-case headers, raw body, parsed body. */
	function record({ method, pathname, rawQuery, headers, rawBody }, authorizationValid) {
		const contentType = String(headers['content-type'] ?? '').toLowerCase();
		const entry = {
			method,
			path: pathname,
			query: Object.fromEntries(new URLSearchParams(rawQuery)),
			headers: { ...headers },
			rawBody,
			// Lenient parses, as a developer would see them in a proxy; the route's own checks are strict.
			form: contentType.startsWith('application/x-www-form-urlencoded')
				? Object.fromEntries(new URLSearchParams(rawBody))
				: null,
			json: contentType.startsWith('application/json') ? parseOrNull(rawBody) : null,
		};
		authVerdicts.set(entry, authorizationValid);
		requests.push(entry);
	}

	/** Recorded requests without the Authorization secret (the HTTP view may end up in logs). */
	function redacted() {
		return requests.map((r) => {
			const headers = { ...r.headers };
			if (headers.authorization !== undefined) headers.authorization = '[redacted]';
			return { ...r, headers, authorization_valid: authVerdicts.get(r) === true };
		});
	}

	return {
		requests,
		record,
		redacted,
		clear: () => {
			requests.length = 0;
		},
	};
}

function parseOrNull(text) {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

module.exports = { createRecorder };
