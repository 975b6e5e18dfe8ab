/**
 * Juspay's wire details in one place: hosts, headers and body encoding.
 * The node, its credential and the trigger all read from here, so a host or header
 * changes in one file. Source: Juspay Express Checkout API reference (see README).
 */

export const JUSPAY_HOSTS = {
	sandbox: 'https://sandbox.juspay.in',
	production: 'https://api.juspay.in',
} as const;

export type JuspayEnvironment = keyof typeof JUSPAY_HOSTS | 'custom';

/** The `version` header pins Juspay's response shapes; 2023-06-30 is what Juspay's own samples use. */
export const DEFAULT_API_VERSION = '2023-06-30';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export const HEADER = {
	merchantId: 'x-merchantid',
	routingId: 'x-routing-id',
	version: 'version',
} as const;

/** Headers every Juspay call sends besides the credential's: JSON answers, and the routing id. */
export function juspayRequestHeaders(routingId: string): Record<string, string> {
	return { Accept: 'application/json', [HEADER.routingId]: routingId };
}

export interface JuspayConnection {
	environment?: unknown;
	baseUrl?: unknown;
}

export interface JuspayCredentials extends JuspayConnection {
	apiKey?: unknown;
	merchantId?: unknown;
	apiVersion?: unknown;
	paymentPageClientId?: unknown;
	responseKey?: unknown;
}

/** Base URL for a credential: the environment's host, or the custom URL without a trailing slash. */
export function resolveBaseUrl(credentials: JuspayConnection): string {
	if (credentials.environment === 'production') return JUSPAY_HOSTS.production;
	if (credentials.environment === 'custom')
		return trimTrailingSlashes(String(credentials.baseUrl ?? '').trim());
	return JUSPAY_HOSTS.sandbox;
}

/**
 * The same mapping as resolveBaseUrl(), as an n8n expression for `requestDefaults` and the
 * credential test, which can only hold expressions. A unit test keeps the two in step.
 */
export const BASE_URL_EXPRESSION =
	"={{ $credentials.environment === 'production' ? '" +
	JUSPAY_HOSTS.production +
	"' : $credentials.environment === 'custom' ? String($credentials.baseUrl || '').trim() : '" +
	JUSPAY_HOSTS.sandbox +
	"' }}";

function trimTrailingSlashes(url: string): string {
	let end = url.length;
	while (end > 0 && url[end - 1] === '/') end--;
	return url.slice(0, end);
}

export type FormValue = string | number | boolean | undefined | null;

/**
 * Juspay's form body: flat keys sent verbatim (`options.get_client_auth_token=true`, never
 * `options[get_client_auth_token]`), and fields the user left empty are not sent at all.
 */
export function encodeForm(fields: Record<string, FormValue>): string {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		form.append(key, String(value));
	}
	return form.toString();
}

/** `Authorization` value Juspay expects: Basic with the API key as username and an empty password. */
export function basicAuthorization(username: string, password = ''): string {
	return 'Basic ' + Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

interface RequestWithHeaders {
	baseURL?: string;
	url: string;
	headers?: Record<string, unknown>;
}

/**
 * What the `juspayApi` credential adds to every request: the environment's base URL (unless the
 * request names one), Basic auth with the API key, and the merchant and version headers.
 */
export function juspayAuthentication<T extends RequestWithHeaders>(
	credentials: JuspayCredentials,
	request: T,
): T {
	request.baseURL = request.baseURL || resolveBaseUrl(credentials);
	request.headers = {
		...request.headers,
		Authorization: basicAuthorization(String(credentials.apiKey ?? '')),
		[HEADER.merchantId]: String(credentials.merchantId ?? ''),
		[HEADER.version]: String(credentials.apiVersion || DEFAULT_API_VERSION),
	};
	return request;
}

/**
 * The one JSON endpoint: Juspay's Session API (`POST /session`, payment links). Every other
 * endpoint takes a form body.
 */
export const SESSION_PATH = '/session';

export const JSON_CONTENT_TYPE = 'application/json';

export type JsonFieldValue = string | number | boolean | JsonObjectValue | undefined | null;
export interface JsonObjectValue {
	[key: string]: JsonFieldValue | JsonFieldValue[];
}

/**
 * The Session API's JSON body. Juspay reads dotted keys such as `metadata.expiryInMins` as
 * literal flat keys, so they are sent as written, never expanded to nested objects; only fields
 * Juspay defines as objects (`payment_filter`) are nested. Empty fields are not sent.
 */
export function encodeJson(fields: Record<string, JsonFieldValue>): string {
	const body: Record<string, JsonFieldValue> = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		body[key] = value;
	}
	return JSON.stringify(body);
}

/** Juspay's payment method types as `payment_filter` names them. */
export const PAYMENT_METHOD_TYPES = ['UPI', 'CARD', 'NB', 'WALLETS'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/**
 * `payment_filter`, a nested object as in Juspay's payment-link samples: every method type named,
 * enabled only if chosen, and allowDefaultOptions false so nothing else shows on the page.
 */
export function paymentFilter(methods: readonly PaymentMethodType[]): JsonObjectValue {
	return {
		allowDefaultOptions: false,
		options: PAYMENT_METHOD_TYPES.map((paymentMethodType) => ({
			paymentMethodType,
			enable: methods.includes(paymentMethodType),
		})),
	};
}
