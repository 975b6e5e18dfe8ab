// Builds Juspay's JWT webhooks the way Juspay does (JWT webhook and JWE/JWS guides; its Node
// SDK's security module): a JWS signed RS256 with Juspay's private key, encrypted to the
// merchant's public key as a compact JWE (RSA-OAEP-256 or RSA-OAEP, A256GCM, the protected
// header's base64url text as additional data), sent as {"JWT": "<compact JWE>"}.
// Keys are generated at test time: nothing here is a committed key. Plain JS: the jest tests
// and the real-n8n suite both use it.
const {
	constants,
	createCipheriv,
	generateKeyPairSync,
	publicEncrypt,
	randomBytes,
	sign,
} = require('node:crypto');

const b64url = (data) => Buffer.from(data).toString('base64url');

function rsaPair() {
	return generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
	});
}

/**
 * A key set as Juspay's dashboard generates it: its kid, Juspay's pair (Juspay keeps the private
 * half and signs with it) and the merchant's pair (the merchant keeps the private half).
 */
function generateKeySet(kid) {
	return { kid, juspay: rsaPair(), merchant: rsaPair() };
}

/** The credential fields for a key set (current), and optionally a previous one. */
function credentialKeys(current, previous) {
	const fields = {
		jwtKeyId: current.kid,
		jwtJuspayPublicKey: current.juspay.publicKey,
		jwtMerchantPrivateKey: current.merchant.privateKey,
	};
	if (previous) {
		fields.jwtPreviousKeyId = previous.kid;
		fields.jwtPreviousJuspayPublicKey = previous.juspay.publicKey;
		fields.jwtPreviousMerchantPrivateKey = previous.merchant.privateKey;
	}
	return fields;
}

/**
 * Signs an event with RS256. shape 'compact' gives `h.p.s`; 'json' gives Juspay's SDK object
 * {header, payload, signature} as a JSON string; 'flattened' uses RFC 7515's `protected`.
 */
function signJws(event, privateKey, { kid, alg = 'RS256', shape = 'compact', header } = {}) {
	const protectedHeader = b64url(JSON.stringify(header ?? { alg, kid }));
	const payload = b64url(typeof event === 'string' ? event : JSON.stringify(event));
	const signature =
		alg === 'none'
			? ''
			: b64url(sign('sha256', Buffer.from(`${protectedHeader}.${payload}`), privateKey));
	if (shape === 'json') return JSON.stringify({ header: protectedHeader, payload, signature });
	if (shape === 'flattened')
		return JSON.stringify({ protected: protectedHeader, payload, signature });
	return `${protectedHeader}.${payload}.${signature}`;
}

/** Encrypts a plaintext to the merchant's public key: the five compact JWE parts, joined. */
function encryptJwe(
	plaintext,
	publicKey,
	{ kid, alg = 'RSA-OAEP-256', enc = 'A256GCM', header } = {},
) {
	const protectedHeader = b64url(JSON.stringify(header ?? { alg, enc, kid }));
	const contentKey = randomBytes(32);
	const encryptedKey = publicEncrypt(
		{
			key: publicKey,
			padding: constants.RSA_PKCS1_OAEP_PADDING,
			oaepHash: alg === 'RSA-OAEP' ? 'sha1' : 'sha256',
		},
		contentKey,
	);
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', contentKey, iv);
	cipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
	const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	const tag = cipher.getAuthTag();
	return [protectedHeader, b64url(encryptedKey), b64url(iv), b64url(ciphertext), b64url(tag)].join(
		'.',
	);
}

/**
 * A JWT webhook body for an event, as Juspay sends it with the given key set.
 * options: alg (key wrap), shape (JWS), signWith (another Juspay private key), jwsAlg.
 */
function signedWebhook(event, keySet, options = {}) {
	const jws = signJws(event, options.signWith ?? keySet.juspay.privateKey, {
		kid: keySet.kid,
		alg: options.jwsAlg,
		shape: options.shape,
	});
	return { JWT: encryptJwe(jws, keySet.merchant.publicKey, { kid: keySet.kid, alg: options.alg }) };
}

/** Changes one character of a base64url text (keeps it valid base64url of the same length). */
function alterPart(part, index = Math.floor(part.length / 2)) {
	const replacement = part[index] === 'A' ? 'B' : 'A';
	return part.slice(0, index) + replacement + part.slice(index + 1);
}

/** The JWT with its part number `which` (0..4) altered by one character. */
function tamperJwt(jwt, which) {
	const parts = jwt.split('.');
	parts[which] = alterPart(parts[which]);
	return parts.join('.');
}

module.exports = {
	generateKeySet,
	credentialKeys,
	signJws,
	encryptJwe,
	signedWebhook,
	tamperJwt,
	b64url,
};
