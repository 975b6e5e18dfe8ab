'use strict';
/**
 * Webhooks: the event Juspay POSTs to the merchant (evt_V2_…, content.order), and its delivery as
 * JSON with Basic auth, to loopback URLs only so the sandbox can never be used to reach other hosts.
 */

const { HttpError } = require('../lib/errors.js');
const { hex, isoSeconds } = require('../lib/ids.js');
const { isLoopbackHost } = require('../lib/server.js');

const invalidRequest = (message) =>
	new HttpError(400, { status: 'error', error_code: 'invalid_request', error_message: message });

module.exports = function webhooks(ctx) {
	const { now } = ctx;

	function build(eventName, orderId) {
		const order = ctx.orders.findOrThrow(orderId, 404);
		return {
			id: `evt_V2_${hex(16)}`,
			event_name: String(eventName),
			date_created: isoSeconds(now()),
			content: { order: ctx.orders.view(order) },
		};
	}

	/** POSTs a webhook like Juspay does (JSON + Basic auth from the dashboard username/password). */
	async function deliver(eventName, orderId, { url, username, password, timeoutMs = 10000 } = {}) {
		let target;
		try {
			target = new URL(url);
		} catch {
			throw invalidRequest('url is not a valid URL');
		}
		if (!['http:', 'https:'].includes(target.protocol) || !isLoopbackHost(target.hostname)) {
			throw invalidRequest('Webhook url must point to 127.0.0.1, localhost or ::1');
		}
		const event = build(eventName, orderId);
		const headers = { 'content-type': 'application/json' };
		if (username !== undefined && username !== null) {
			headers.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
		}
		let response;
		try {
			response = await fetch(target, {
				method: 'POST',
				headers,
				body: JSON.stringify(event),
				redirect: 'manual',
				signal: AbortSignal.timeout(timeoutMs),
			});
		} catch (err) {
			throw new HttpError(502, {
				status: 'error',
				error_code: 'webhook_delivery_failed',
				error_message: `Webhook delivery failed: ${err && err.cause ? err.cause.code || err.cause.message : err.message}`,
			});
		}
		return { status: response.status, body: await response.text(), event };
	}

	return { routes: [], build, deliver };
};
