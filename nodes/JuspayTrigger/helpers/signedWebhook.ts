/**
 * Juspay's JWT webhooks: `{"JWT": "<compact JWE>"}` whose plaintext is a JWS signed by Juspay.
 * Receiver algorithm (Juspay's JWT webhook and JWE/JWS guides):
 *   1. the JWE protected header names the merchant key set (`kid`), `alg` and `enc`;
 *   2. the content key is unwrapped with the merchant private key, RSA-OAEP with SHA-256 for
 *      `RSA-OAEP-256`, SHA-1 for `RSA-OAEP` (what Juspay's own SDK writes);
 *   3. AES-256-GCM decryption, the protected header's base64url text as additional data;
 *   4. the plaintext is a JWS, compact `h.p.s` or Juspay's JSON object `{header, payload,
 *      signature}`, verified with RS256 against Juspay's public key.
 * Only Node's `crypto`. Refusal reasons are fixed texts: they never carry key material, and the
 * unwrap and the decryption fail with the same reason, so a sender learns nothing about which.
 * The secret-dependent comparisons (GCM tag, RSA signature) happen inside OpenSSL, in constant
 * time; the kid is an identifier Juspay sends in clear, not a secret.
 */
import {
	constants,
	createDecipheriv,
	createHash,
	createPrivateKey,
	createPublicKey,
	privateDecrypt,
	verify,
	type KeyObject,
} from 'crypto';

/** One key set from Juspay's dashboard, as pasted into the credential. */
export interface KeySetInput {
	/** Prefix of the credential fields' names, for messages: '' or 'Previous '. */
	fieldPrefix: string;
	kid: string;
	juspayPublicKey: string;
	merchantPrivateKey: string;
}

export interface KeySet {
	kid: string;
	juspayPublicKey: KeyObject;
	merchantPrivateKey: KeyObject;
}

export type KeySetsResult = { keySets: KeySet[] } | { problem: string };

export type OpenResult =
	| { verified: true; kid: string; payload: Record<string, unknown>; payloadText: string }
	| { verified: false; reason: string };

const KEY_WRAP_HASH = new Map([
	['RSA-OAEP-256', 'sha256'],
	['RSA-OAEP', 'sha1'],
]);
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export const REASONS = {
	notString: 'The JWT field is not a string',
	notFiveParts: 'The JWT is not a compact JWE (five dot-separated parts)',
	badEncoding: 'The JWT has a part that is not base64url',
	badHeader: 'The JWT header is not a JSON object',
	unsupportedAlg: 'The JWT key algorithm is not supported (RSA-OAEP-256 or RSA-OAEP)',
	unsupportedEnc: 'The JWT content encryption is not supported (A256GCM)',
	unsupportedHeader: 'The JWT header has parameters this receiver does not support (zip, crit)',
	noKid: 'The JWT header names no key (kid)',
	unknownKid: 'The JWT names a key ID (kid) that is not in the Juspay credential',
	decryptionFailed:
		'The JWT could not be decrypted with the merchant private key: it was altered, or encrypted to another key',
	notJws: 'The decrypted JWT is not a JWS (compact or JSON object)',
	algNone: 'The JWS is unsigned (alg none)',
	unsupportedJwsAlg: 'The JWS signature algorithm is not supported (RS256)',
	badSignature: "The JWS signature does not verify with Juspay's public key",
	badPayload: 'The signed payload is not a JSON object',
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Strict base64url: the alphabet only, no padding, and the canonical encoding, so that any
 * altered character changes the bytes (a lenient decoder ignores some trailing bits).
 */
function decodeBase64Url(text: string): Buffer | undefined {
	if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
	const bytes = Buffer.from(text, 'base64url');
	return bytes.toString('base64url') === text ? bytes : undefined;
}

function decodeJson(text: string): Record<string, unknown> | undefined {
	const bytes = decodeBase64Url(text);
	if (!bytes) return undefined;
	try {
		const value: unknown = JSON.parse(bytes.toString('utf8'));
		return isObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Rebuilds a PEM that lost its line breaks on the way into a one-line field (spaces instead of
 * newlines, or a literal "\n"): OpenSSL needs the base64 body on lines of its own.
 */
export function normalizePem(text: string): string {
	const unescaped = text.replace(/\\n/g, '\n').trim();
	const match = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----$/.exec(unescaped);
	if (!match) return unescaped;
	const body = match[2].replace(/\s+/g, '');
	const lines = body.match(/.{1,64}/g) ?? [];
	return [`-----BEGIN ${match[1]}-----`, ...lines, `-----END ${match[1]}-----`].join('\n');
}

function pemLabel(pem: string): string | undefined {
	return /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
}

// Parsed keys (or the problem with them) by field and a digest of their PEM, so a delivery does
// not parse the credential's keys again; the digest keeps the keys' text out of the map's keys.
const parsedKeys = new Map<string, KeyObject | string>();
const MAX_PARSED_KEYS = 32;

function remember(cacheKey: string, value: KeyObject | string): KeyObject | string {
	if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.clear();
	parsedKeys.set(cacheKey, value);
	return value;
}

/** The key, or a problem in the credential's terms (never the key's text). */
function parseKey(text: string, kind: 'public' | 'private', field: string): KeyObject | string {
	const pem = normalizePem(text);
	const cacheKey = `${field}:${createHash('sha256').update(pem).digest('hex')}`;
	const cached = parsedKeys.get(cacheKey);
	if (cached !== undefined) return cached;

	const label = pemLabel(pem);
	const expected =
		kind === 'public'
			? 'a PEM public key ("-----BEGIN PUBLIC KEY-----")'
			: 'a PEM private key ("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----")';
	if (!label) return remember(cacheKey, `${field} is not PEM: paste ${expected}`);
	if (label.includes('ENCRYPTED')) {
		return remember(
			cacheKey,
			`${field} is protected by a passphrase: paste the key without a passphrase`,
		);
	}
	if (kind === 'public' && label.includes('PRIVATE')) {
		return remember(
			cacheKey,
			`${field} holds a private key: paste Juspay's public key from the key set`,
		);
	}
	try {
		const key = kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
		if (key.asymmetricKeyType !== 'rsa') {
			return remember(cacheKey, `${field} is not an RSA key: Juspay's key sets are RSA`);
		}
		return remember(cacheKey, key);
	} catch {
		return remember(cacheKey, `${field} could not be read: paste ${expected}`);
	}
}

/**
 * The key sets configured in the credential. A set with nothing filled in is skipped; a set
 * filled in halfway, or with a key that does not parse, is a problem naming the field.
 */
export function keySetsFrom(inputs: KeySetInput[]): KeySetsResult {
	const keySets: KeySet[] = [];
	for (const input of inputs) {
		const kid = input.kid.trim();
		const hasPublic = input.juspayPublicKey.trim() !== '';
		const hasPrivate = input.merchantPrivateKey.trim() !== '';
		if (kid === '' && !hasPrivate && !hasPublic) continue;
		const prefix = input.fieldPrefix;
		if (kid === '') return { problem: `${prefix}Key ID is empty` };
		if (!hasPrivate) return { problem: `${prefix}Merchant Private Key is empty` };
		if (!hasPublic) return { problem: `${prefix}Juspay Public Key is empty` };
		if (keySets.some((set) => set.kid === kid)) {
			return { problem: `${prefix}Key ID is the same as another key set's` };
		}
		const juspayPublicKey = parseKey(input.juspayPublicKey, 'public', `${prefix}Juspay Public Key`);
		if (typeof juspayPublicKey === 'string') return { problem: juspayPublicKey };
		const merchantPrivateKey = parseKey(
			input.merchantPrivateKey,
			'private',
			`${prefix}Merchant Private Key`,
		);
		if (typeof merchantPrivateKey === 'string') return { problem: merchantPrivateKey };
		keySets.push({ kid, juspayPublicKey, merchantPrivateKey });
	}
	return { keySets };
}

function refuse(reason: string): OpenResult {
	return { verified: false, reason };
}

function decrypt(parts: string[], keySet: KeySet, alg: string): Buffer | undefined {
	const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts.map(decodeBase64Url);
	if (!protectedHeader || !encryptedKey || !iv || !ciphertext || !tag) return undefined;
	if (iv.length !== 12 || tag.length !== 16 || encryptedKey.length === 0) return undefined;
	try {
		const contentKey = privateDecrypt(
			{
				key: keySet.merchantPrivateKey,
				padding: constants.RSA_PKCS1_OAEP_PADDING,
				oaepHash: KEY_WRAP_HASH.get(alg),
			},
			encryptedKey,
		);
		if (contentKey.length !== 32) return undefined;
		const decipher = createDecipheriv('aes-256-gcm', contentKey, iv, { authTagLength: 16 });
		decipher.setAAD(Buffer.from(parts[0], 'ascii'));
		decipher.setAuthTag(tag);
		return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
	} catch {
		return undefined;
	}
}

/** The JWS's three base64url texts, from either shape Juspay publishes. */
function jwsParts(plaintext: string): [string, string, string] | undefined {
	const text = plaintext.trim();
	if (text.startsWith('{')) {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return undefined;
		}
		if (!isObject(value)) return undefined;
		// Juspay's SDK writes `header`; RFC 7515's flattened JSON writes `protected`.
		const header = typeof value.protected === 'string' ? value.protected : value.header;
		const { payload, signature } = value;
		if (typeof header !== 'string' || typeof payload !== 'string') return undefined;
		if (typeof signature !== 'string') return undefined;
		return [header, payload, signature];
	}
	const parts = text.split('.');
	return parts.length === 3 ? [parts[0], parts[1], parts[2]] : undefined;
}

function verifyJws(plaintext: string, keySets: KeySet[], keySet: KeySet): OpenResult {
	const parts = jwsParts(plaintext);
	if (!parts) return refuse(REASONS.notJws);
	const [headerText, payloadText, signatureText] = parts;
	const header = decodeJson(headerText);
	if (!header) return refuse(REASONS.notJws);
	if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') {
		return refuse(REASONS.algNone);
	}
	if (header.alg !== 'RS256') return refuse(REASONS.unsupportedJwsAlg);
	if (header.crit !== undefined) return refuse(REASONS.unsupportedHeader);
	const signature = decodeBase64Url(signatureText);
	const payloadBytes = decodeBase64Url(payloadText);
	if (!signature || !payloadBytes || signature.length === 0) return refuse(REASONS.badSignature);

	// The JWS kid, when it names another configured key set, picks that set's Juspay key.
	const signer = keySets.find((set) => set.kid === header.kid) ?? keySet;
	const signed = verify(
		'sha256',
		Buffer.from(`${headerText}.${payloadText}`, 'ascii'),
		{ key: signer.juspayPublicKey, padding: constants.RSA_PKCS1_PADDING },
		signature,
	);
	if (!signed) return refuse(REASONS.badSignature);

	const text = payloadBytes.toString('utf8');
	let payload: unknown;
	try {
		payload = JSON.parse(text);
	} catch {
		return refuse(REASONS.badPayload);
	}
	if (!isObject(payload)) return refuse(REASONS.badPayload);
	return { verified: true, kid: keySet.kid, payload, payloadText: text };
}

/** Decrypts and verifies the `JWT` of a Juspay webhook with the configured key sets. */
export function openSignedWebhook(jwt: unknown, keySets: KeySet[]): OpenResult {
	if (typeof jwt !== 'string') return refuse(REASONS.notString);
	const parts = jwt.trim().split('.');
	if (parts.length !== 5) return refuse(REASONS.notFiveParts);
	if (!parts.every((part) => BASE64URL.test(part))) return refuse(REASONS.badEncoding);

	const header = decodeJson(parts[0]);
	if (!header) return refuse(REASONS.badHeader);
	if (typeof header.alg !== 'string' || !KEY_WRAP_HASH.has(header.alg)) {
		return refuse(REASONS.unsupportedAlg);
	}
	if (header.enc !== 'A256GCM') return refuse(REASONS.unsupportedEnc);
	if (header.zip !== undefined || header.crit !== undefined) {
		return refuse(REASONS.unsupportedHeader);
	}
	if (typeof header.kid !== 'string' || header.kid === '') return refuse(REASONS.noKid);
	const keySet = keySets.find((set) => set.kid === header.kid);
	if (!keySet) return refuse(REASONS.unknownKid);

	const plaintext = decrypt(parts, keySet, header.alg);
	if (!plaintext) return refuse(REASONS.decryptionFailed);
	return verifyJws(plaintext.toString('utf8'), keySets, keySet);
}
