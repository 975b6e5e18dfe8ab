'use strict';
/**
 * The request pipeline every call goes through, in order:
 *   read the body (size cap) → find the route → record it (API routes only) → injected fault?
 *   → API checks: Authorization, x-merchantid, query keys, body (form by default, or JSON)
 *   → the route's handler → the reply (or an injected fault after the commit).
 *
 * A route is { method, pattern, kind: 'api' | 'control', query?, body?: 'form' | 'json', handler }.
 * 'api' routes are Juspay endpoints (auth, merchant id, strict body); 'control' routes are the
 * sandbox's own /sandbox/* endpoints (no auth, not recorded, no faults). `query` lists the
 * documented query keys; any other key is rejected like an unknown body key.
 */

const crypto = require('node:crypto');
const { ERRORS, HttpError } = require('./errors.js');
const {
	parseFormStrict,
	parseJsonObject,
	isFormContentType,
	isJsonContentType,
	findUnknownKey,
} = require('./body.js');
const { sendJson } = require('./server.js');

const MAX_BODY_BYTES = 1024 * 1024;

/** Each route body kind: how its Content-Type is checked and its body parsed. */
const BODY_KINDS = {
	form: {
		contentType: 'application/x-www-form-urlencoded',
		accepts: isFormContentType,
		parse: (text) => {
			const { fields, error } = parseFormStrict(text);
			return { value: fields, error };
		},
	},
	json: { contentType: 'application/json', accepts: isJsonContentType, parse: parseJsonObject },
};

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge }));
		req.on('error', reject);
	});
}

/** Safe-compare helper so auth checks do not leak timing information. */
function safeEqual(a, b) {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * @param {object} ctx the sandbox context: config, now, routes, recorder, faults, delay
 * @returns {(req, res) => Promise<void>}
 */
function createPipeline(ctx) {
	const { config, now, routes, recorder } = ctx;

	function resolveRoute(method, pathname) {
		for (const route of routes) {
			if (route.method !== method) continue;
			const m = route.pattern.exec(pathname);
			if (m) return { route, rawParams: m.groups || {} };
		}
		return null;
	}

	function checkAuth(headers) {
		const header = headers.authorization;
		if (typeof header !== 'string') return false;
		const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
		if (!m) return false;
		return safeEqual(Buffer.from(m[1], 'base64').toString('utf8'), `${config.apiKey}:`);
	}

	/** Runs the API checks and the handler; returns [status, body]. */
	async function processRequest(req, { route, rawParams, rawBody, rawQuery, authOk }) {
		if (!route) return [404, ERRORS.invalidUrl()];

		const params = {};
		try {
			for (const [k, v] of Object.entries(rawParams)) params[k] = decodeURIComponent(v);
		} catch {
			return [400, ERRORS.malformed('invalid percent-encoding in path')];
		}
		const query = parseFormStrict(rawQuery);
		if (query.error) return [400, query.error];

		if (route.kind === 'control') {
			return [200, await route.handler({ params, query: query.fields, rawBody })];
		}

		if (!authOk) return [401, ERRORS.unauthorized()];
		const merchantId = req.headers['x-merchantid'];
		if (merchantId === undefined || merchantId === '') return [400, ERRORS.merchantIdMissing()];
		if (!safeEqual(merchantId, config.merchantId)) return [401, ERRORS.unauthorized()];

		const unknownQuery = findUnknownKey(query.fields, (k) => (route.query || []).includes(k));
		if (unknownQuery !== undefined) return [400, ERRORS.unknownField(unknownQuery)];

		let body = {};
		if (req.method === 'POST') {
			const kind = BODY_KINDS[route.body || 'form'];
			if (!kind.accepts(req.headers['content-type'])) {
				return [400, ERRORS.badContentType(kind.contentType)];
			}
			const parsed = kind.parse(rawBody);
			if (parsed.error) return [400, parsed.error];
			body = parsed.value;
		}
		return [200, await route.handler({ params, query: query.fields, body, rawBody })];
	}

	return async function handle(req, res) {
		const started = now();
		const target = req.url || '/';
		const q = target.indexOf('?');
		const pathname = q === -1 ? target : target.slice(0, q);
		const rawQuery = q === -1 ? '' : target.slice(q + 1);
		const { text: rawBody, tooLarge } = await readBody(req);
		const resolved = resolveRoute(req.method, pathname);
		const isControl = resolved && resolved.route.kind === 'control';
		const authOk = checkAuth(req.headers);

		// Control-plane traffic is not part of what the node under test sent, so it is not recorded.
		if (!isControl) {
			recorder.record(
				{ method: req.method, pathname, rawQuery, headers: req.headers, rawBody },
				authOk,
			);
		}

		const finish = (status, body) => {
			if (config.log) {
				process.stderr.write(
					`[juspay-sandbox] ${req.method} ${pathname} ${status} ${now() - started}ms\n`,
				);
			}
			if (status === 0) {
				res.destroy();
				return;
			}
			sendJson(res, status, body);
		};

		// Fault injection hook: before the handler (nothing changes) or after it (the change sticks).
		const fault = isControl ? null : ctx.faults.take(req.method, pathname);
		if (fault && !fault.afterCommit) {
			await ctx.delay(fault.delayMs);
			if (fault.status !== null) return finish(fault.status, fault.body);
		}

		let status;
		let body;
		if (tooLarge) [status, body] = [400, ERRORS.bodyTooLarge()];
		else {
			try {
				[status, body] = await processRequest(req, {
					route: resolved && resolved.route,
					rawParams: resolved ? resolved.rawParams : {},
					rawBody,
					rawQuery,
					authOk,
				});
			} catch (err) {
				if (!(err instanceof HttpError)) throw err;
				[status, body] = [err.status, err.body];
			}
		}

		if (fault && fault.afterCommit) {
			await ctx.delay(fault.delayMs);
			if (fault.status !== null) return finish(fault.status, fault.body);
		}
		return finish(status, body);
	};
}

module.exports = { createPipeline };
