import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * Juspay's signed redirect to the return URL (docs: "Status verification"): HMAC-SHA256 under
 * the dashboard Response Key over the redirect's parameters. Pure; no I/O.
 *
 * 1. every pair except `signature` and `signature_algorithm`;
 * 2. key and value form-encoded (Java URLEncoder / PHP urlencode: space as "+");
 * 3. sorted by encoded key, byte order;  4. joined as k=v with "&";
 * 5. that string form-encoded again;     6. HMAC-SHA256 with the key, Base64 with padding.
 * Reproduces the hash Juspay publishes in its HMACsignature.java sample.
 */

export const SIGNATURE_ALGORITHM = 'HMAC-SHA256';

const UNSIGNED = new Set(['signature', 'signature_algorithm']);

/** Java URLEncoder: letters, digits and .-*_ kept, space as "+", everything else %XX (UTF-8). */
export function formEncode(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
}

/**
 * RFC 3986 encoding (space as %20): Juspay does not say which encoding it uses for characters
 * its own values never contain, so a merchant's own return_url parameter is also checked this way.
 */
export function rfc3986Encode(text: string): string {
	return encodeURIComponent(text).replace(
		/[!'()*]/g,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
	);
}

/** The string Juspay signs (step 5), with the given encoding. */
export function signedString(
	params: Record<string, string>,
	encode: (text: string) => string = formEncode,
): string {
	const pairs = Object.entries(params)
		.filter(([key]) => !UNSIGNED.has(key))
		.map(([key, value]) => [encode(key), encode(value)] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return encode(pairs.map(([key, value]) => `${key}=${value}`).join('&'));
}

export function computeSignature(
	params: Record<string, string>,
	responseKey: string,
	encode: (text: string) => string = formEncode,
): string {
	return createHmac('sha256', Buffer.from(responseKey, 'utf8'))
		.update(signedString(params, encode), 'utf8')
		.digest('base64');
}

/** Compares in constant time: both sides hashed first, so their lengths give nothing away. */
function sameText(a: string, b: string): boolean {
	const x = createHash('sha256').update(a, 'utf8').digest();
	const y = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(x, y);
}

/** The signature as received: still percent-encoded if the framework did not decode it. */
function receivedSignature(value: string): string {
	let text = value;
	if (text.includes('%')) {
		try {
			text = decodeURIComponent(text);
		} catch {
			// not percent-encoding after all: compared as it is
		}
	}
	// Base64 has no spaces: a space is a "+" that a query parser decoded once too often.
	return text.replace(/ /g, '+');
}

export type VerificationFailure =
	| 'signature missing'
	| 'unsupported signature algorithm'
	| 'signature mismatch';

export interface Verification {
	verified: boolean;
	reason?: VerificationFailure;
}

export function verifyReturnUrlSignature(
	params: Record<string, string>,
	responseKey: string,
): Verification {
	const signature = params.signature;
	if (!signature) return { verified: false, reason: 'signature missing' };
	const algorithm = params.signature_algorithm;
	if (algorithm !== undefined && algorithm.toUpperCase() !== SIGNATURE_ALGORITHM) {
		return { verified: false, reason: 'unsupported signature algorithm' };
	}
	const received = receivedSignature(signature);
	// Both encodings always run, so the time taken does not tell which one matched.
	const formMatch = sameText(computeSignature(params, responseKey, formEncode), received);
	const rfcMatch = sameText(computeSignature(params, responseKey, rfc3986Encode), received);
	return formMatch || rfcMatch
		? { verified: true }
		: { verified: false, reason: 'signature mismatch' };
}
