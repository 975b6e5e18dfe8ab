'use strict';
/**
 * The sandbox's own control endpoints (no auth, not recorded, never faulted), for the demo and
 * the end-to-end suite that run the sandbox as a separate process:
 *   POST /sandbox/orders/{order_id}/charge   the customer pays (see payments.js)
 *   POST /sandbox/orders/{order_id}/webhook  Juspay sends a webhook (see webhooks.js)
 *   POST /sandbox/faults                     inject a fault (see faults.js), e.g. a 502 after commit
 *   GET  /sandbox/requests                   the recorded API requests, Authorization redacted
 *   POST /sandbox/reset                      forget everything
 * Bodies are optional JSON objects.
 */

const { ERRORS, HttpError } = require('../lib/errors.js');
const { parseJsonObject } = require('../lib/body.js');

function optionalJson(rawBody) {
	if (rawBody.trim() === '') return {};
	const { value, error } = parseJsonObject(rawBody);
	if (error) throw new HttpError(400, error);
	return value;
}

module.exports = function control(ctx) {
	return {
		routes: [
			{
				method: 'POST',
				pattern: /^\/sandbox\/orders\/(?<orderId>[^/]+)\/charge$/,
				kind: 'control',
				handler: ({ params, rawBody }) => {
					const { paymentMethodType, paymentMethod } = optionalJson(rawBody);
					return ctx.payments.charge(params.orderId, { paymentMethodType, paymentMethod });
				},
			},
			{
				method: 'POST',
				pattern: /^\/sandbox\/orders\/(?<orderId>[^/]+)\/webhook$/,
				kind: 'control',
				handler: async ({ params, rawBody }) => {
					const { event_name: eventName, url, username, password } = optionalJson(rawBody);
					if (typeof eventName !== 'string' || eventName === '') {
						throw new HttpError(400, ERRORS.mandatoryMissing(['event_name']));
					}
					return ctx.webhooks.deliver(eventName, params.orderId, { url, username, password });
				},
			},
			{
				method: 'POST',
				pattern: /^\/sandbox\/faults$/,
				kind: 'control',
				handler: ({ rawBody }) => {
					const { method, path, status, afterCommit, delayMs, times } = optionalJson(rawBody);
					if (typeof path !== 'string' || !path.startsWith('/')) {
						throw new HttpError(400, ERRORS.mandatoryMissing(['path']));
					}
					ctx.faults.inject({ method, path, status, afterCommit, delayMs, times });
					return { status: 'ok' };
				},
			},
			{
				method: 'GET',
				pattern: /^\/sandbox\/requests$/,
				kind: 'control',
				handler: () => ctx.recorder.redacted(),
			},
			{
				method: 'POST',
				pattern: /^\/sandbox\/reset$/,
				kind: 'control',
				handler: () => {
					ctx.reset();
					return { status: 'ok' };
				},
			},
		],
	};
};
