'use strict';
/**
 * Local Juspay Express Checkout sandbox for tests and demos.
 *
 * Plain CommonJS on purpose: n8n's linter forbids node:http in the package's .ts files, and the
 * sandbox must run with no build step and no dependencies (Node 20 built-ins only).
 *
 * It answers with the shapes Juspay documents (see Juspay's API reference, linked from the README, and Juspay's
 * sample payloads) and is deliberately STRICT: whatever it accepts, Juspay accepts too. Money is
 * kept in integer paise internally so refunds never drift (0.1 + 0.2 !== 0.3 in floats).
 */

const http = require('node:http');
const crypto = require('node:crypto');

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

const DEFAULTS = Object.freeze({
	apiKey: 'sandbox_api_key',
	merchantId: 'sandbox_merchant',
	host: '127.0.0.1',
	port: 0,
	log: false,
	sameAmountWindowMs: 5000,
});

/** Only loopback binds are allowed: the sandbox must never be reachable from the network. */
const LOOPBACK_HOSTS = Object.freeze(['127.0.0.1', 'localhost', '::1']);

const MAX_BODY_BYTES = 1024 * 1024;
const CLIENT_AUTH_TOKEN_TTL_MS = 15 * 60 * 1000;

/** The simulated payment gateway (Juspay's own samples use DUMMY / 100 for test merchants). */
const SANDBOX_GATEWAY = Object.freeze({ name: 'DUMMY', id: 100 });

const ORDER_STATUS = Object.freeze({
	CREATED: { status: 'CREATED', status_id: 1 },
	NEW: { status: 'NEW', status_id: 10 },
	CHARGED: { status: 'CHARGED', status_id: 21 },
});

const CUSTOMER_UPDATE_FIELDS = Object.freeze([
	'mobile_number',
	'email_address',
	'first_name',
	'last_name',
	'mobile_country_code',
]);

const CUSTOMER_CREATE_FIELDS = Object.freeze([
	'object_reference_id',
	...CUSTOMER_UPDATE_FIELDS,
	'options.get_client_auth_token',
]);

const ADDRESS_SUFFIXES = Object.freeze([
	'first_name',
	'last_name',
	'line1',
	'line2',
	'line3',
	'city',
	'state',
	'country',
	'postal_code',
	'phone',
	'country_code_iso',
]);

const UDF_FIELDS = Object.freeze(Array.from({ length: 10 }, (_, i) => `udf${i + 1}`));

const ORDER_CREATE_FIELDS = Object.freeze([
	'order_id',
	'amount',
	'currency',
	'customer_id',
	'customer_email',
	'customer_phone',
	'description',
	'return_url',
	'product_id',
	'gateway_id',
	'basket',
	'options.get_client_auth_token',
	...UDF_FIELDS,
	...ADDRESS_SUFFIXES.map((s) => `billing_address_${s}`),
	...ADDRESS_SUFFIXES.map((s) => `shipping_address_${s}`),
]);

const REFUND_REQUIRED = Object.freeze(['unique_request_id', 'amount']);
// Optional refund fields documented on the refund page (split settlement, surcharge).
const REFUND_FIELDS = Object.freeze([
	...REFUND_REQUIRED,
	'metadata.split_settlement_details',
	'include_surcharge',
]);

// Canonical error bodies (exactly as documented; never include anything the client sent as auth).
const ERRORS = Object.freeze({
	unauthorized: () => ({
		status: 'error',
		error_code: 'access_denied',
		error_info: {
			user_message: 'Unauthorized.',
			developer_message:
				'Invalid API Key. Please check the API key passed in the Authorization header.',
			code: 'UNAUTHORIZED',
			category: 'USER_ERROR',
		},
	}),
	merchantIdMissing: () => ({
		status: 'Bad Request',
		error_code: 'Mandatory fields are missing',
		error_message: 'x-merchantid header is missing',
	}),
	badContentType: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'Content-Type must be application/x-www-form-urlencoded',
	}),
	unknownField: (key) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Unknown field: ${key}`,
	}),
	duplicateField: (key) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Duplicate field: ${key}`,
	}),
	malformed: (what) => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: `Malformed request: ${what}`,
	}),
	bodyTooLarge: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'Request body too large',
	}),
	mandatoryMissing: (fields) => ({
		status: 'Bad Request',
		error_code: 'Mandatory fields are missing',
		error_message: `Mandatory fields are missing: ${fields.join(', ')}`,
	}),
	invalidInput: (field, reason) => ({
		status: 'invalid_request_error',
		error_code: 'invalid_request',
		error_message: `${field} ${reason}`,
		error_info: {
			code: 'INVALID_INPUT',
			category: 'USER_ERROR',
			developer_message: `Invalid value for ${field}: ${reason}`,
			fields: [{ field_name: field, reason }],
		},
	}),
	customerExists: () => ({
		status: 'invalid_request_error',
		error_code: 'invalid_request',
		error_message: 'Customer with object_reference_id already exists',
		error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
	}),
	customerNotFound: () => ({
		status: 'invalid_request_error',
		error_code: 'object_not_found',
		error_message: 'Cannot find what you are looking for',
	}),
	orderAmountDecimals: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'Invalid amount: at most 2 decimal places are allowed',
	}),
	orderAmountInvalid: () => ({
		status: 'Bad Request',
		error_code: 'invalid_request',
		error_message: 'invalid amount',
	}),
	orderExists: (orderId) => ({
		status: 'ERROR',
		status_id: -1,
		error_code: 'invalid_request',
		error_message: `Order with order_id ${orderId} already exists`,
		error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
	}),
	orderNotFound: (orderId) => ({
		status: 'NOT_FOUND',
		status_id: 40,
		order_id: orderId,
		error_code: 'NOT_FOUND',
		error_message: 'Order not found',
		error_info: {
			code: 'RESOURCE_NOT_FOUND',
			category: 'USER_ERROR',
			user_message: 'Order not found',
			developer_message: `No order exists with order_id ${orderId} for this merchant`,
		},
	}),
	refundOrderNotCharged: () => ({
		status: 'ERROR',
		status_id: -1,
		error_code: 'invalid.order.status',
		error_message: 'Refund is allowed only for CHARGED orders',
	}),
	refundDuplicateId: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'duplicate.call',
		error_message: 'A refund call was already completed with this unique_request_id for the order.',
	}),
	refundSameAmount: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'duplicate.call',
		error_message: 'A refund call with the same amount is already processing for the order.',
	}),
	refundExceeded: (refundable) => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'invalid.amount.exceeded',
		error_message: `Refund amount exceeds the refundable amount of ${refundable}`,
	}),
	refundAmountInvalid: () => ({
		status_id: -1,
		status: 'ERROR',
		error_code: 'invalid.amount',
		error_message: 'invalid amount',
	}),
	invalidUrl: () => ({ status: 'error', error_code: 'not_found', error_message: 'Invalid URL' }),
	internal: () => ({
		status: 'error',
		error_code: 'internal_error',
		error_message: 'Internal sandbox error',
	}),
	injectedFault: () => ({
		status: 'error',
		error_code: 'service_unavailable',
		error_message: 'Service temporarily unavailable (sandbox fault injection)',
	}),
});

// ---------------------------------------------------------------------------------------------
// Pure helpers: ids, time, money, parsing, validation
// ---------------------------------------------------------------------------------------------

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

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

/**
 * Parses a Juspay amount ("100", "100.5", "100.15") into integer paise.
 * Returns { paise } or { error: 'decimals' | 'invalid' } so callers can choose their error body.
 */
function parseAmountToPaise(raw) {
	if (typeof raw !== 'string') return { error: 'invalid' };
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
	if (!m) return { error: 'invalid' };
	const [, sign, whole, frac = ''] = m;
	if (frac.length > 2) return { error: 'decimals' };
	// Leading zeros ("0100") are not a number format Juspay documents; 13 integer digits keeps
	// paise inside Number.MAX_SAFE_INTEGER.
	if ((whole.length > 1 && whole.startsWith('0')) || whole.length > 13) return { error: 'invalid' };
	const paise = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	if (sign === '-' || paise <= 0) return { error: 'invalid' };
	return { paise };
}

/** Paise → the JSON number Juspay returns (e.g. 9000, 90, 100.5). Integer / 100 is exact enough. */
const paiseToAmount = (paise) => paise / 100;

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

/** Lenient parse for the request log only (mirrors what a developer would see in a proxy). */
function parseFormLenient(text) {
	return Object.fromEntries(new URLSearchParams(text));
}

/** Content-Type must be form-urlencoded; only a UTF-8 charset parameter may accompany it. */
function isFormContentType(header) {
	if (typeof header !== 'string') return false;
	const [type, ...params] = header.split(';').map((s) => s.trim());
	if (type.toLowerCase() !== 'application/x-www-form-urlencoded') return false;
	return params.every((p) => /^charset="?utf-8"?$/i.test(p));
}

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
		try {
			const parsed = JSON.parse(v);
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
				? null
				: 'must be a JSON object string';
		} catch {
			return 'must be a JSON object string';
		}
	},
	basket(v) {
		try {
			return Array.isArray(JSON.parse(v)) ? null : 'must be a JSON array string';
		} catch {
			return 'must be a JSON array string';
		}
	},
};

/** Validator for each optional order field (keys not listed here are free text). */
function orderFieldValidator(key) {
	if (key === 'currency') return validators.currency;
	if (key === 'customer_email') return validators.email;
	if (key === 'customer_phone') return validators.mobileNumber;
	if (key === 'return_url') return validators.returnUrl;
	if (key === 'gateway_id') return validators.gatewayId;
	if (key === 'basket') return validators.basket;
	if (key === 'options.get_client_auth_token') return validators.booleanString;
	if (/^udf[1-5]$/.test(key)) return validators.udfPlain;
	if (/^udf([6-9]|10)$/.test(key)) return validators.udfAny;
	return validators.freeText;
}

const CUSTOMER_VALIDATORS = {
	object_reference_id: validators.objectReferenceId,
	mobile_number: validators.mobileNumber,
	email_address: validators.email,
	first_name: validators.name,
	last_name: validators.name,
	mobile_country_code: validators.countryCode,
	'options.get_client_auth_token': validators.booleanString,
};

/**
 * First unknown key, if any. Bracket keys (options[x]) are never Juspay's: it uses flat dotted keys.
 */
function findUnknownKey(fields, isAllowed) {
	return Object.keys(fields).find((k) => /[[\]]/.test(k) || !isAllowed(k));
}

const isOrderCreateKey = (k) =>
	ORDER_CREATE_FIELDS.includes(k) || (/^metadata\.[^.\s]/.test(k) && k.length > 'metadata.'.length);

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

function isLoopbackHost(hostname) {
	const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return LOOPBACK_HOSTS.includes(h);
}

/** Safe-compare helper so auth checks do not leak timing information. */
function safeEqual(a, b) {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------
// The sandbox
// ---------------------------------------------------------------------------------------------

class HttpError extends Error {
	constructor(status, body) {
		super(body && body.error_message ? body.error_message : `HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

function createJuspaySandbox(options = {}) {
	const config = { ...DEFAULTS, ...options };
	const now = typeof config.now === 'function' ? config.now : Date.now;
	if (!isLoopbackHost(config.host)) {
		throw new Error(`Juspay sandbox must listen on loopback only, not ${config.host}`);
	}

	const state = { customers: new Map(), orders: new Map() };
	const requests = [];
	const authVerdicts = new WeakMap(); // record → whether its Authorization header was valid
	let faults = [];
	const sockets = new Set();
	const timers = new Set();
	let server = null;
	let stopping = null;

	const sandbox = {
		url: undefined,
		port: undefined,
		apiKey: config.apiKey,
		merchantId: config.merchantId,
		requests,
		state,
		start,
		stop,
		clearRequests,
		reset,
		chargeOrder,
		injectFault,
		clearFaults,
		buildWebhook,
		deliverWebhook,
		getOrder: (orderId) => {
			const order = findOrder(orderId);
			return order ? orderView(order) : undefined;
		},
		getCustomer: (id) => {
			const customer = findCustomer(id);
			return customer ? customerView(customer, false) : undefined;
		},
	};

	// ---- lifecycle ---------------------------------------------------------------------------

	async function start() {
		if (server) return { url: sandbox.url, port: sandbox.port };
		server = http.createServer((req, res) => {
			handle(req, res).catch((err) => {
				// Last resort: never crash the process on a handler bug.
				process.stderr.write(`[juspay-sandbox] internal error: ${err && err.stack}\n`);
				if (!res.headersSent) sendJson(res, 500, ERRORS.internal());
				else res.destroy();
			});
		});
		server.on('connection', (socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		// Malformed HTTP (bad request line, oversized headers): answer 400 instead of dropping.
		server.on('clientError', (err, socket) => {
			if (socket.writable && !socket.destroyed) {
				const body = JSON.stringify(ERRORS.malformed('invalid HTTP request'));
				socket.end(
					`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
				);
			} else socket.destroy();
		});
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(config.port, config.host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		const { port } = server.address();
		const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
		sandbox.port = port;
		sandbox.url = `http://${hostForUrl}:${port}`;
		stopping = null;
		return { url: sandbox.url, port };
	}

	async function stop() {
		if (!server) return;
		if (stopping) return stopping;
		const s = server;
		stopping = new Promise((resolve) => {
			for (const t of timers) clearTimeout(t);
			timers.clear();
			s.close(() => resolve());
			for (const socket of sockets) socket.destroy();
			sockets.clear();
		}).then(() => {
			server = null;
		});
		return stopping;
	}

	function clearRequests() {
		requests.length = 0;
	}

	function clearFaults() {
		faults = [];
	}

	function reset() {
		state.customers.clear();
		state.orders.clear();
		clearRequests();
		clearFaults();
	}

	// ---- fault injection ---------------------------------------------------------------------

	/**
	 * The next `times` requests matching method/path get `status` + `body` instead of the real
	 * answer. afterCommit: the request is processed first (state changes stick), then the fault
	 * replaces the response, like a 5xx or lost response after Juspay recorded the call.
	 * status 0 drops the connection without any response; status null answers normally (use with
	 * delayMs to provoke client timeouts on an otherwise correct response).
	 */
	function injectFault({
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
		faults.push(fault);
		return fault;
	}

	function takeFault(method, pathname) {
		const i = faults.findIndex(
			(f) =>
				(!f.method || f.method === method) &&
				(typeof f.path === 'string' ? f.path === pathname : f.path.test(pathname)),
		);
		if (i === -1) return null;
		const fault = faults[i];
		fault.remaining -= 1;
		if (fault.remaining <= 0) faults.splice(i, 1);
		return fault;
	}

	function delay(ms) {
		if (!ms) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});
	}

	// ---- domain: customers -------------------------------------------------------------------

	function findCustomer(idOrRef) {
		if (state.customers.has(idOrRef)) return state.customers.get(idOrRef);
		for (const c of state.customers.values()) if (c.object_reference_id === idOrRef) return c;
		return undefined;
	}

	function clientAuthToken() {
		return {
			client_auth_token: `tkn_${hex(16)}`,
			client_auth_token_expiry: isoSeconds(now() + CLIENT_AUTH_TOKEN_TTL_MS),
		};
	}

	function customerView(c, withToken) {
		const view = {
			id: c.id,
			object: 'customer',
			object_reference_id: c.object_reference_id,
			mobile_country_code: c.mobile_country_code,
			mobile_number: c.mobile_number,
			email_address: c.email_address,
			first_name: c.first_name,
			last_name: c.last_name,
			date_created: c.date_created,
			last_updated: c.last_updated,
		};
		if (withToken) view.juspay = clientAuthToken();
		return view;
	}

	function createCustomer({ body }) {
		const unknown = findUnknownKey(body, (k) => CUSTOMER_CREATE_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, ['object_reference_id', 'mobile_number']);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const invalid = firstInvalid(body, (k) => CUSTOMER_VALIDATORS[k]);
		if (invalid) throw new HttpError(400, invalid);
		if (findCustomer(body.object_reference_id)) throw new HttpError(400, ERRORS.customerExists());

		let id;
		do id = `cst_${randomFrom(LOWER_ALNUM, 16)}`;
		while (state.customers.has(id));
		const ts = isoSeconds(now());
		const customer = {
			id,
			object_reference_id: body.object_reference_id,
			mobile_country_code: body.mobile_country_code ?? null,
			mobile_number: body.mobile_number,
			email_address: body.email_address ?? null,
			first_name: body.first_name ?? null,
			last_name: body.last_name ?? null,
			date_created: ts,
			last_updated: ts,
		};
		state.customers.set(id, customer);
		return customerView(customer, body['options.get_client_auth_token'] === 'true');
	}

	function getCustomer({ params, query }) {
		const invalid = firstInvalid(query, () => validators.booleanString);
		if (invalid) throw new HttpError(400, invalid);
		const customer = findCustomer(params.id);
		if (!customer) throw new HttpError(404, ERRORS.customerNotFound());
		return customerView(customer, query['options.get_client_auth_token'] === 'true');
	}

	function updateCustomer({ params, body }) {
		const unknown = findUnknownKey(body, (k) => CUSTOMER_UPDATE_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		if (!CUSTOMER_UPDATE_FIELDS.some((k) => body[k] !== undefined)) {
			throw new HttpError(
				400,
				ERRORS.mandatoryMissing([`one of ${CUSTOMER_UPDATE_FIELDS.join(', ')}`]),
			);
		}
		const invalid = firstInvalid(body, (k) => CUSTOMER_VALIDATORS[k]);
		if (invalid) throw new HttpError(400, invalid);
		const customer = findCustomer(params.id);
		if (!customer) throw new HttpError(404, ERRORS.customerNotFound());
		for (const k of CUSTOMER_UPDATE_FIELDS) if (body[k] !== undefined) customer[k] = body[k];
		customer.last_updated = isoSeconds(now());
		return customerView(customer, false);
	}

	// ---- domain: orders ----------------------------------------------------------------------

	/** order_id is not case-sensitive at Juspay: exact match first, then case-insensitive. */
	function findOrder(orderId) {
		if (state.orders.has(orderId)) return state.orders.get(orderId);
		const wanted = String(orderId).toLowerCase();
		for (const o of state.orders.values()) if (o.order_id.toLowerCase() === wanted) return o;
		return undefined;
	}

	function paymentLinks(id) {
		return {
			web: `${sandbox.url}/merchant/pay/${id}`,
			mobile: `${sandbox.url}/merchant/pay/${id}?mobile=true`,
			iframe: `${sandbox.url}/merchant/ipay/${id}`,
		};
	}

	/** The order as GET /orders/{id} returns it (amounts as JSON numbers). */
	function orderView(o, { fullGatewayResponse = false } = {}) {
		const view = {
			id: o.id,
			order_id: o.order_id,
			merchant_id: config.merchantId,
			customer_id: o.customer_id,
			customer_email: o.customer_email,
			customer_phone: o.customer_phone,
			status: o.status,
			status_id: o.status_id,
			amount: paiseToAmount(o.amountPaise),
			currency: o.currency,
			date_created: o.date_created,
			return_url: o.return_url,
			product_id: o.product_id,
			payment_links: paymentLinks(o.id),
		};
		if (o.description !== undefined) view.description = o.description;
		for (const k of UDF_FIELDS) view[k] = o.udf[k];
		if (o.txn) {
			Object.assign(view, {
				txn_id: o.txn.txn_id,
				txn_uuid: o.txn.txn_uuid,
				payment_method_type: o.txn.payment_method_type,
				payment_method: o.txn.payment_method,
				auth_type: o.txn.auth_type,
			});
			if (o.txn.card) view.card = { ...o.txn.card };
			if (o.txn.payer_vpa) view.payer_vpa = o.txn.payer_vpa;
		}
		view.refunded = o.refundedPaise === o.amountPaise && o.refundedPaise > 0;
		view.amount_refunded = paiseToAmount(o.refundedPaise);
		view.effective_amount = paiseToAmount(o.amountPaise);
		if (o.refunds.length) view.refunds = o.refunds.map(refundView);
		if (o.txn) {
			Object.assign(view, {
				resp_code: null,
				resp_message: null,
				bank_error_code: '',
				bank_error_message: '',
				txn_detail: { ...o.txn.txn_detail },
				payment_gateway_response: { ...o.txn.payment_gateway_response },
				gateway_id: SANDBOX_GATEWAY.id,
				gateway_reference_id: null,
				maximum_eligible_refund_amount: paiseToAmount(o.amountPaise - o.refundedPaise),
			});
			if (fullGatewayResponse) {
				view.payment_gateway_response.gateway_response = { ...o.txn.gateway_response };
			}
		} else if (o.gateway_id !== undefined) {
			view.gateway_id = o.gateway_id;
		}
		if (Object.keys(o.metadata).length) view.metadata = { ...o.metadata };
		view.offers = [];
		return view;
	}

	function refundView(r) {
		return {
			id: r.id,
			unique_request_id: r.unique_request_id,
			ref: null,
			amount: paiseToAmount(r.amountPaise),
			status: 'PENDING',
			sent_to_gateway: false,
			refund_type: 'STANDARD',
			refund_source: SANDBOX_GATEWAY.name,
			initiated_by: 'API',
			created: r.created,
			error_code: null,
			error_message: '',
		};
	}

	function createOrder({ body }) {
		const unknown = findUnknownKey(body, isOrderCreateKey);
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, ['order_id', 'amount']);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const idReason = validators.juspayId(body.order_id);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('order_id', idReason));
		const amount = parseAmountToPaise(body.amount);
		if (amount.error === 'decimals') throw new HttpError(400, ERRORS.orderAmountDecimals());
		if (amount.error) throw new HttpError(400, ERRORS.orderAmountInvalid());
		const { order_id: _o, amount: _a, ...optional } = body;
		const invalid = firstInvalid(optional, orderFieldValidator);
		if (invalid) throw new HttpError(400, invalid);
		if (findOrder(body.order_id)) throw new HttpError(400, ERRORS.orderExists(body.order_id));

		const metadata = {};
		const addresses = {};
		for (const [k, v] of Object.entries(body)) {
			if (k.startsWith('metadata.')) metadata[k.slice('metadata.'.length)] = v;
			if (/^(billing|shipping)_address_/.test(k)) addresses[k] = v;
		}
		const order = {
			id: `ordeh_${hex(16)}`,
			order_id: body.order_id,
			amountPaise: amount.paise,
			refundedPaise: 0,
			currency: body.currency ?? 'INR',
			customer_id: body.customer_id ?? null,
			customer_email: body.customer_email ?? null,
			customer_phone: body.customer_phone ?? null,
			description: body.description,
			return_url: body.return_url ?? '',
			product_id: body.product_id ?? '',
			gateway_id: body.gateway_id === undefined ? undefined : Number(body.gateway_id),
			udf: Object.fromEntries(UDF_FIELDS.map((k) => [k, body[k] ?? ''])),
			metadata,
			addresses,
			basket: body.basket,
			...ORDER_STATUS.NEW,
			date_created: isoSeconds(now()),
			txn: null,
			refunds: [],
		};
		state.orders.set(order.order_id, order);

		if (body['options.get_client_auth_token'] === 'true') {
			return { ...orderView(order), juspay: clientAuthToken() };
		}
		return {
			...ORDER_STATUS.CREATED,
			id: order.id,
			order_id: order.order_id,
			payment_links: paymentLinks(order.id),
		};
	}

	function getOrderStatus({ params, query }) {
		const flag = query['options.add_full_gateway_response'];
		if (flag !== undefined && validators.booleanString(flag)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('options.add_full_gateway_response', validators.booleanString(flag)),
			);
		}
		const order = findOrder(params.orderId);
		if (!order) throw new HttpError(400, ERRORS.orderNotFound(params.orderId));
		return orderView(order, { fullGatewayResponse: flag === 'true' });
	}

	/** Simulates the customer completing payment: NEW → CHARGED with a transaction. */
	function chargeOrder(orderId, { paymentMethodType = 'CARD', paymentMethod = 'VISA' } = {}) {
		const order = findOrder(orderId);
		if (!order) throw new HttpError(404, ERRORS.orderNotFound(orderId));
		if (order.status !== ORDER_STATUS.NEW.status) {
			throw new HttpError(409, {
				status: 'error',
				error_code: 'invalid_state',
				error_message: `Order ${order.order_id} is ${order.status}; only NEW orders can be charged`,
			});
		}
		const created = isoSeconds(now());
		const txnId = `${config.merchantId}-${order.order_id}-1`;
		const txnUuid = `eul${randomFrom(MIXED_ALNUM, 16)}`;
		const amount = paiseToAmount(order.amountPaise);
		const type = String(paymentMethodType).toUpperCase();
		const epgTxnId = `pay_${randomFrom(MIXED_ALNUM, 14)}`;
		const rrn = String(crypto.randomInt(100000, 999999));
		order.txn = {
			txn_id: txnId,
			txn_uuid: txnUuid,
			payment_method_type: type,
			payment_method: String(paymentMethod),
			auth_type: type === 'CARD' ? 'THREE_DS' : '',
			card:
				type === 'CARD'
					? {
							expiry_year: String(new Date(now()).getUTCFullYear() + 3),
							card_reference: hex(16),
							saved_to_locker: false,
							expiry_month: '12',
							name_on_card: 'Sandbox User',
							card_issuer: 'Sandbox Bank',
							last_four_digits: '1111',
							using_saved_card: false,
							card_fingerprint: randomFrom(LOWER_ALNUM, 26),
							card_isin: '411111',
							card_type: 'CREDIT',
							card_brand: String(paymentMethod),
							using_token: false,
						}
					: undefined,
			payer_vpa: type === 'UPI' ? 'sandbox@upi' : undefined,
			txn_detail: {
				txn_id: txnId,
				order_id: order.order_id,
				status: ORDER_STATUS.CHARGED.status,
				error_code: null,
				net_amount: amount,
				surcharge_amount: null,
				tax_amount: null,
				txn_amount: amount,
				offer_deduction_amount: null,
				gateway_id: SANDBOX_GATEWAY.id,
				currency: order.currency,
				express_checkout: true,
				redirect: true,
				txn_uuid: txnUuid,
				gateway: SANDBOX_GATEWAY.name,
				error_message: '',
				created,
			},
			payment_gateway_response: {
				resp_code: 'SUCCESS',
				rrn,
				created,
				epg_txn_id: epgTxnId,
				resp_message: 'SUCCESS',
				auth_id_code: rrn,
				txn_id: txnId,
			},
			gateway_response: { resCode: '200', resMessage: 'Transaction successful', authCode: rrn },
		};
		Object.assign(order, ORDER_STATUS.CHARGED);
		return orderView(order);
	}

	// ---- domain: refunds ---------------------------------------------------------------------

	function refundOrder({ params, body }) {
		const unknown = findUnknownKey(body, (k) => REFUND_FIELDS.includes(k));
		if (unknown !== undefined) throw new HttpError(400, ERRORS.unknownField(unknown));
		const missing = missingFields(body, REFUND_REQUIRED);
		if (missing.length) throw new HttpError(400, ERRORS.mandatoryMissing(missing));
		const idReason = validators.juspayId(body.unique_request_id);
		if (idReason) throw new HttpError(400, ERRORS.invalidInput('unique_request_id', idReason));
		const amount = parseAmountToPaise(body.amount);
		if (amount.error) throw new HttpError(400, ERRORS.refundAmountInvalid());
		if (body.include_surcharge !== undefined && validators.booleanString(body.include_surcharge)) {
			throw new HttpError(400, ERRORS.invalidInput('include_surcharge', 'must be true or false'));
		}
		const split = body['metadata.split_settlement_details'];
		if (split !== undefined && validators.jsonObject(split)) {
			throw new HttpError(
				400,
				ERRORS.invalidInput('metadata.split_settlement_details', validators.jsonObject(split)),
			);
		}

		const order = findOrder(params.orderId);
		if (!order) throw new HttpError(400, ERRORS.orderNotFound(params.orderId));
		if (order.status !== ORDER_STATUS.CHARGED.status) {
			throw new HttpError(400, ERRORS.refundOrderNotCharged());
		}
		// Juspay dedupes rather than replays: same id → error, the client must look the refund up.
		if (order.refunds.some((r) => r.unique_request_id === body.unique_request_id)) {
			throw new HttpError(400, ERRORS.refundDuplicateId());
		}
		const t = now();
		if (
			order.refunds.some(
				(r) => r.amountPaise === amount.paise && t - r.createdMs < config.sameAmountWindowMs,
			)
		) {
			throw new HttpError(400, ERRORS.refundSameAmount());
		}
		const refundable = order.amountPaise - order.refundedPaise;
		if (amount.paise > refundable) {
			throw new HttpError(400, ERRORS.refundExceeded(paiseToAmount(refundable)));
		}
		order.refunds.push({
			id: `rfd_${hex(10)}`,
			unique_request_id: body.unique_request_id,
			amountPaise: amount.paise,
			created: isoSeconds(t),
			createdMs: t,
		});
		order.refundedPaise += amount.paise;
		return orderView(order);
	}

	// ---- webhooks ----------------------------------------------------------------------------

	function buildWebhook(eventName, orderId) {
		const order = findOrder(orderId);
		if (!order) throw new HttpError(404, ERRORS.orderNotFound(orderId));
		return {
			id: `evt_V2_${hex(16)}`,
			event_name: String(eventName),
			date_created: isoSeconds(now()),
			content: { order: orderView(order) },
		};
	}

	/**
	 * POSTs a webhook like Juspay does (JSON + Basic auth from the dashboard username/password).
	 * Loopback targets only, so the sandbox can never be used to reach other hosts.
	 */
	async function deliverWebhook(
		eventName,
		orderId,
		{ url, username, password, timeoutMs = 10000 } = {},
	) {
		let target;
		try {
			target = new URL(url);
		} catch {
			throw new HttpError(400, {
				status: 'error',
				error_code: 'invalid_request',
				error_message: 'url is not a valid URL',
			});
		}
		if (!['http:', 'https:'].includes(target.protocol) || !isLoopbackHost(target.hostname)) {
			throw new HttpError(400, {
				status: 'error',
				error_code: 'invalid_request',
				error_message: 'Webhook url must point to 127.0.0.1, localhost or ::1',
			});
		}
		const event = buildWebhook(eventName, orderId);
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

	// ---- control endpoints (sandbox only, no auth) --------------------------------------------

	function parseJsonBody(rawBody) {
		if (rawBody.trim() === '') return {};
		try {
			const parsed = JSON.parse(rawBody);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
		} catch {
			// fall through
		}
		throw new HttpError(400, ERRORS.malformed('body must be a JSON object'));
	}

	/** Recorded requests without the Authorization secret (the HTTP view may end up in logs). */
	function redactedRequests() {
		return requests.map((r) => {
			const headers = { ...r.headers };
			if (headers.authorization !== undefined) headers.authorization = '[redacted]';
			return { ...r, headers, authorization_valid: authVerdicts.get(r) === true };
		});
	}

	// ---- routing -----------------------------------------------------------------------------

	// kind: 'api' = Juspay endpoint (auth, merchant id, form body); 'control' = sandbox-only.
	// query: the documented query parameters; any other query key is rejected like a body key.
	const routes = [
		{ method: 'POST', pattern: /^\/customers$/, kind: 'api', handler: createCustomer },
		{
			method: 'GET',
			pattern: /^\/customers\/(?<id>[^/]+)$/,
			kind: 'api',
			query: ['options.get_client_auth_token'],
			handler: getCustomer,
		},
		{
			method: 'POST',
			pattern: /^\/customers\/(?<id>[^/]+)$/,
			kind: 'api',
			handler: updateCustomer,
		},
		{ method: 'POST', pattern: /^\/orders$/, kind: 'api', handler: createOrder },
		{
			method: 'GET',
			pattern: /^\/orders\/(?<orderId>[^/]+)$/,
			kind: 'api',
			// The Node SDK appends order_id=; options.add_full_gateway_response is documented.
			query: ['options.add_full_gateway_response', 'order_id'],
			handler: getOrderStatus,
		},
		{
			method: 'POST',
			pattern: /^\/orders\/(?<orderId>[^/]+)\/refunds$/,
			kind: 'api',
			handler: refundOrder,
		},
		{
			method: 'POST',
			pattern: /^\/sandbox\/orders\/(?<orderId>[^/]+)\/charge$/,
			kind: 'control',
			handler: ({ params, rawBody }) => {
				const { paymentMethodType, paymentMethod } = parseJsonBody(rawBody);
				return chargeOrder(params.orderId, { paymentMethodType, paymentMethod });
			},
		},
		{
			method: 'POST',
			pattern: /^\/sandbox\/orders\/(?<orderId>[^/]+)\/webhook$/,
			kind: 'control',
			handler: async ({ params, rawBody }) => {
				const { event_name: eventName, url, username, password } = parseJsonBody(rawBody);
				if (typeof eventName !== 'string' || eventName === '') {
					throw new HttpError(400, ERRORS.mandatoryMissing(['event_name']));
				}
				return deliverWebhook(eventName, params.orderId, { url, username, password });
			},
		},
		{
			method: 'GET',
			pattern: /^\/sandbox\/requests$/,
			kind: 'control',
			handler: () => redactedRequests(),
		},
		{
			method: 'POST',
			pattern: /^\/sandbox\/reset$/,
			kind: 'control',
			handler: () => {
				reset();
				return { status: 'ok' };
			},
		},
	];

	function resolveRoute(method, pathname) {
		for (const route of routes) {
			if (route.method !== method) continue;
			const m = route.pattern.exec(pathname);
			if (m) return { route, rawParams: m.groups || {} };
		}
		return null;
	}

	// ---- request pipeline --------------------------------------------------------------------

	function sendJson(res, status, body) {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(text),
			'x-request-id': crypto.randomUUID(),
		});
		res.end(text);
	}

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

	function checkAuth(headers) {
		const header = headers.authorization;
		if (typeof header !== 'string') return false;
		const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
		if (!m) return false;
		return safeEqual(Buffer.from(m[1], 'base64').toString('utf8'), `${config.apiKey}:`);
	}

	/** Runs the API checks and the handler; returns [status, body]. */
	async function processRequest(req, ctx) {
		const { route, rawParams, pathname, rawBody, rawQuery } = ctx;
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
			return [200, await route.handler({ params, query: query.fields, rawBody, pathname })];
		}

		if (!ctx.authorizationValid) return [401, ERRORS.unauthorized()];
		const merchantId = req.headers['x-merchantid'];
		if (merchantId === undefined || merchantId === '') return [400, ERRORS.merchantIdMissing()];
		if (!safeEqual(merchantId, config.merchantId)) return [401, ERRORS.unauthorized()];

		const unknownQuery = findUnknownKey(query.fields, (k) => (route.query || []).includes(k));
		if (unknownQuery !== undefined) return [400, ERRORS.unknownField(unknownQuery)];

		let body = {};
		if (req.method === 'POST') {
			if (!isFormContentType(req.headers['content-type'])) return [400, ERRORS.badContentType()];
			const form = parseFormStrict(rawBody);
			if (form.error) return [400, form.error];
			body = form.fields;
		}
		return [200, await route.handler({ params, query: query.fields, body, rawBody, pathname })];
	}

	async function handle(req, res) {
		const started = now();
		const target = req.url || '/';
		const q = target.indexOf('?');
		const pathname = q === -1 ? target : target.slice(0, q);
		const rawQuery = q === -1 ? '' : target.slice(q + 1);
		const { text: rawBody, tooLarge } = await readBody(req);
		const resolved = resolveRoute(req.method, pathname);
		const isControl = resolved && resolved.route.kind === 'control';
		const authorizationValid = checkAuth(req.headers);

		// Control-plane traffic is not part of what the node under test sent, so it is not recorded.
		if (!isControl) {
			const contentType = req.headers['content-type'];
			const record = {
				method: req.method,
				path: pathname,
				query: Object.fromEntries(new URLSearchParams(rawQuery)),
				headers: { ...req.headers },
				rawBody,
				form:
					typeof contentType === 'string' &&
					contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')
						? parseFormLenient(rawBody)
						: null,
			};
			authVerdicts.set(record, authorizationValid);
			requests.push(record);
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

		const fault = isControl ? null : takeFault(req.method, pathname);
		if (fault && !fault.afterCommit) {
			await delay(fault.delayMs);
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
					pathname,
					rawBody,
					rawQuery,
					authorizationValid,
				});
			} catch (err) {
				if (!(err instanceof HttpError)) throw err;
				[status, body] = [err.status, err.body];
			}
		}

		if (fault && fault.afterCommit) {
			await delay(fault.delayMs);
			if (fault.status !== null) return finish(fault.status, fault.body);
		}
		return finish(status, body);
	}

	return sandbox;
}

module.exports = {
	createJuspaySandbox,
	DEFAULTS,
	ERRORS,
	ORDER_STATUS,
	SANDBOX_GATEWAY,
	LOOPBACK_HOSTS,
	// Pure helpers, exported for unit tests.
	parseAmountToPaise,
	paiseToAmount,
	parseFormStrict,
	isFormContentType,
	validators,
	isoSeconds,
};
