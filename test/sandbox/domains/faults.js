'use strict';
/**
 * Fault injection: make the next matching API requests fail, hang or lose their response.
 * The request pipeline (lib/pipeline.js) asks take() for each API request and applies the fault
 * before the handler runs (nothing changes) or, with afterCommit, after it (the change sticks).
 */

const { ERRORS } = require('../lib/errors.js');

module.exports = function faults() {
	let pending = [];

	/**
	 * The next `times` requests matching method/path get `status` + `body` instead of the real
	 * answer. afterCommit: the request is processed first (state changes stick), then the fault
	 * replaces the response, like a 5xx or lost response after Juspay recorded the call.
	 * status 0 drops the connection without any response; status null answers normally (use with
	 * delayMs to provoke client timeouts on an otherwise correct response).
	 */
	function inject({
		method,
		path,
		status = 503,
		body,
		afterCommit = false,
		delayMs = 0,
		times = 1,
	} = {}) {
		if (!(typeof path === 'string' || path instanceof RegExp)) {
			throw new TypeError('injectFault: path must be a pathname string or a RegExp');
		}
		const fault = {
			method: method ? String(method).toUpperCase() : undefined,
			path,
			status,
			body: body === undefined ? ERRORS.injectedFault() : body,
			afterCommit,
			delayMs,
			remaining: times,
		};
		pending.push(fault);
		return fault;
	}

	/** The fault for this request, if one matches; counts it against its `times`. */
	function take(method, pathname) {
		const i = pending.findIndex(
			(f) =>
				(!f.method || f.method === method) &&
				(typeof f.path === 'string' ? f.path === pathname : f.path.test(pathname)),
		);
		if (i === -1) return null;
		const fault = pending[i];
		fault.remaining -= 1;
		if (fault.remaining <= 0) pending.splice(i, 1);
		return fault;
	}

	function reset() {
		pending = [];
	}

	return { routes: [], inject, take, reset };
};
