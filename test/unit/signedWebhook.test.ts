import { generateKeyPairSync } from 'crypto';

import {
	keySetsFrom,
	normalizePem,
	openSignedWebhook,
	REASONS,
	type KeySet,
	type KeySetInput,
} from '../../nodes/JuspayTrigger/helpers/signedWebhook';
import {
	b64url,
	encryptJwe,
	generateKeySet,
	signedWebhook,
	signJws,
	tamperJwt,
	type TestKeySet,
} from '../harness/juspayJwt';

const event = {
	id: 'evt_V2_signed_1',
	event_name: 'ORDER_SUCCEEDED',
	date_created: '2026-11-22T10:00:00Z',
	content: { order: { order_id: 'ord1', status: 'CHARGED', amount: 42 } },
};

let current: TestKeySet;
let previous: TestKeySet;
let stranger: TestKeySet;

const input = (set: TestKeySet, fieldPrefix = ''): KeySetInput => ({
	fieldPrefix,
	kid: set.kid,
	juspayPublicKey: set.juspay.publicKey,
	merchantPrivateKey: set.merchant.privateKey,
});

function keySets(...inputs: KeySetInput[]): KeySet[] {
	const result = keySetsFrom(inputs);
	if ('problem' in result) throw new Error(result.problem);
	return result.keySets;
}

function problemOf(...inputs: KeySetInput[]): string {
	const result = keySetsFrom(inputs);
	if (!('problem' in result)) throw new Error('expected a problem');
	return result.problem;
}

const refusal = (jwt: unknown, sets: KeySet[]) => {
	const result = openSignedWebhook(jwt, sets);
	if (result.verified) throw new Error('expected a refusal');
	return result.reason;
};

beforeAll(() => {
	current = generateKeySet('key_current0001');
	previous = generateKeySet('key_previous001');
	stranger = generateKeySet('key_stranger001');
});

describe('openSignedWebhook accepts what Juspay sends', () => {
	it.each([
		['RSA-OAEP-256', 'compact'],
		['RSA-OAEP-256', 'json'],
		['RSA-OAEP-256', 'flattened'],
		['RSA-OAEP', 'compact'],
		['RSA-OAEP', 'json'],
	] as const)('key wrap %s, JWS %s', (alg, shape) => {
		const { JWT } = signedWebhook(event, current, { alg, shape });
		const result = openSignedWebhook(JWT, keySets(input(current)));

		expect(result).toEqual({
			verified: true,
			kid: current.kid,
			payload: event,
			payloadText: JSON.stringify(event),
		});
	});

	it("accepts the header Juspay's SDK writes, with cty JWT", () => {
		const jws = signJws(event, current.juspay.privateKey, { kid: current.kid });
		const header = { alg: 'RSA-OAEP', enc: 'A256GCM', cty: 'JWT', kid: current.kid };
		const jwt = encryptJwe(jws, current.merchant.publicKey, { alg: 'RSA-OAEP', header });

		expect(openSignedWebhook(jwt, keySets(input(current)))).toMatchObject({ verified: true });
	});

	it('opens a delivery for the previous key set while keys rotate', () => {
		const { JWT } = signedWebhook(event, previous);
		const result = openSignedWebhook(JWT, keySets(input(current), input(previous, 'Previous ')));

		expect(result).toMatchObject({ verified: true, kid: previous.kid, payload: event });
	});

	it('verifies with the Juspay key of the key set the JWS names', () => {
		const jws = signJws(event, previous.juspay.privateKey, { kid: previous.kid });
		const jwt = encryptJwe(jws, current.merchant.publicKey, { kid: current.kid });
		const sets = keySets(input(current), input(previous, 'Previous '));

		expect(openSignedWebhook(jwt, sets)).toMatchObject({ verified: true, kid: current.kid });
		expect(refusal(jwt, keySets(input(current)))).toBe(REASONS.badSignature);
	});
});

describe('openSignedWebhook refuses', () => {
	it.each([
		[0, 'the protected header'],
		[1, 'the encrypted key'],
		[2, 'the IV'],
		[3, 'the ciphertext'],
		[4, 'the tag'],
	])('a JWT with part %i (%s) altered', (which) => {
		const { JWT } = signedWebhook(event, current);
		const reason = refusal(tamperJwt(JWT, which), keySets(input(current)));

		expect(reason).toMatch(/^The JWT/);
		if (which > 0) expect(reason).toBe(REASONS.decryptionFailed);
	});

	it('a tag whose last character differs only in unused bits (strict base64url)', () => {
		const { JWT } = signedWebhook(event, current);
		const parts = JWT.split('.');
		const last = parts[4].length - 1;
		parts[4] = parts[4].slice(0, last) + (parts[4][last] === 'A' ? 'B' : 'A');

		expect(refusal(parts.join('.'), keySets(input(current)))).toBe(REASONS.decryptionFailed);
	});

	it('a JWS signed by another key', () => {
		const { JWT } = signedWebhook(event, current, { signWith: stranger.juspay.privateKey });

		expect(refusal(JWT, keySets(input(current)))).toBe(REASONS.badSignature);
	});

	it('a JWS whose payload was changed after signing', () => {
		const [h, , s] = signJws(event, current.juspay.privateKey, { kid: current.kid }).split('.');
		const forged = `${h}.${b64url(JSON.stringify({ ...event, id: 'evt_forged' }))}.${s}`;
		const jwt = encryptJwe(forged, current.merchant.publicKey, { kid: current.kid });

		expect(refusal(jwt, keySets(input(current)))).toBe(REASONS.badSignature);
	});

	it('a JWT encrypted to a key set that is not in the credential (unknown kid)', () => {
		const { JWT } = signedWebhook(event, stranger);

		expect(refusal(JWT, keySets(input(current)))).toBe(REASONS.unknownKid);
	});

	it('a JWT for the previous key set once it is removed after rotation', () => {
		const { JWT } = signedWebhook(event, previous);

		expect(refusal(JWT, keySets(input(current)))).toBe(REASONS.unknownKid);
	});

	it('a JWT that names a configured kid but was encrypted to another key', () => {
		const jws = signJws(event, current.juspay.privateKey, { kid: current.kid });
		const jwt = encryptJwe(jws, stranger.merchant.publicKey, { kid: current.kid });

		expect(refusal(jwt, keySets(input(current)))).toBe(REASONS.decryptionFailed);
	});

	it('a header that says RSA-OAEP over a key wrapped with OAEP SHA-256', () => {
		const jws = signJws(event, current.juspay.privateKey, { kid: current.kid });
		const header = { alg: 'RSA-OAEP', enc: 'A256GCM', kid: current.kid };
		// the alg option picks the wrap (SHA-256); the header announces RSA-OAEP (SHA-1)
		const jwt = encryptJwe(jws, current.merchant.publicKey, { alg: 'RSA-OAEP-256', header });

		expect(refusal(jwt, keySets(input(current)))).toBe(REASONS.decryptionFailed);
	});

	it.each([
		['alg none', { alg: 'none', kid: 'key_current0001' }, REASONS.algNone],
		['alg NONE', { alg: 'NONE' }, REASONS.algNone],
		['no alg', { kid: 'key_current0001' }, REASONS.algNone],
		['HS256', { alg: 'HS256', kid: 'key_current0001' }, REASONS.unsupportedJwsAlg],
		['crit', { alg: 'RS256', crit: ['exp'], exp: 1 }, REASONS.unsupportedHeader],
	])('a JWS with %s', (_case, header, reason) => {
		const jws = signJws(event, current.juspay.privateKey, { header });
		const jwt = encryptJwe(jws, current.merchant.publicKey, { kid: current.kid });

		expect(refusal(jwt, keySets(input(current)))).toBe(reason);
	});

	it('an unsigned JWS (alg none, empty signature)', () => {
		const jws = signJws(event, current.juspay.privateKey, { kid: current.kid, alg: 'none' });
		expect(jws.endsWith('.')).toBe(true);
		const jwt = encryptJwe(jws, current.merchant.publicKey, { kid: current.kid });

		expect(refusal(jwt, keySets(input(current)))).toBe(REASONS.algNone);
	});

	it.each([
		['dir', { alg: 'dir', enc: 'A256GCM' }, REASONS.unsupportedAlg],
		['RSA1_5', { alg: 'RSA1_5', enc: 'A256GCM' }, REASONS.unsupportedAlg],
		['an inherited name', { alg: 'constructor', enc: 'A256GCM' }, REASONS.unsupportedAlg],
		['A128GCM', { alg: 'RSA-OAEP-256', enc: 'A128GCM' }, REASONS.unsupportedEnc],
		['A256CBC-HS512', { alg: 'RSA-OAEP-256', enc: 'A256CBC-HS512' }, REASONS.unsupportedEnc],
		['zip', { alg: 'RSA-OAEP-256', enc: 'A256GCM', zip: 'DEF' }, REASONS.unsupportedHeader],
		['no kid', { alg: 'RSA-OAEP-256', enc: 'A256GCM' }, REASONS.noKid],
	])('a JWE header with %s', (_case, header, reason) => {
		const jws = signJws(event, current.juspay.privateKey, { kid: current.kid });
		const jwt = encryptJwe(jws, current.merchant.publicKey, {
			header: { kid: current.kid, ...header, ...(_case === 'no kid' ? { kid: undefined } : {}) },
		});

		expect(refusal(jwt, keySets(input(current)))).toBe(reason);
	});

	it.each([
		['not a string', 42, REASONS.notString],
		['four parts', 'a.b.c.d', REASONS.notFiveParts],
		['six parts', 'a.b.c.d.e.f', REASONS.notFiveParts],
		['padding', 'eyJ9=.a.b.c.d', REASONS.badEncoding],
		['other characters', 'ey J9.a.b.c.d', REASONS.badEncoding],
		['a header that is not JSON', `${b64url('nope')}.a.b.c.d`, REASONS.badHeader],
		['a header that is an array', `${b64url('[1]')}.a.b.c.d`, REASONS.badHeader],
	])('a malformed JWT: %s', (_case, jwt, reason) => {
		expect(refusal(jwt, keySets(input(current)))).toBe(reason);
	});

	it.each([
		['a JWS of two parts', 'abc.def', REASONS.notJws],
		[
			'a JSON JWS without a signature',
			JSON.stringify({ header: 'e30', payload: 'e30' }),
			REASONS.notJws,
		],
		['JSON that is not an object', '[1, 2]', REASONS.notJws],
	])('a plaintext that is %s', (_case, plaintext, reason) => {
		const jwt = encryptJwe(plaintext, current.merchant.publicKey, { kid: current.kid });

		expect(refusal(jwt, keySets(input(current)))).toBe(reason);
	});

	it('a signed payload that is not a JSON object', () => {
		const jws = signJws('"just text"', current.juspay.privateKey, { kid: current.kid });
		const jwt = encryptJwe(jws, current.merchant.publicKey, { kid: current.kid });

		expect(refusal(jwt, keySets(input(current)))).toBe(REASONS.badPayload);
	});
});

describe('keySetsFrom', () => {
	const empty: KeySetInput = {
		fieldPrefix: 'Previous ',
		kid: '',
		juspayPublicKey: '',
		merchantPrivateKey: '',
	};

	it('skips a key set left empty and keeps the order of the others', () => {
		expect(keySets(input(current), empty).map((set) => set.kid)).toEqual([current.kid]);
		expect(keySets(empty)).toEqual([]);
	});

	it('reads keys whose line breaks became spaces or literal \\n in a one-line field', () => {
		const spaced = {
			...input(current),
			merchantPrivateKey: current.merchant.privateKey.replace(/\n/g, ' '),
		};
		const escaped = {
			...input(current),
			juspayPublicKey: current.juspay.publicKey.replace(/\n/g, '\\n'),
		};
		const { JWT } = signedWebhook(event, current);

		expect(openSignedWebhook(JWT, keySets(spaced)).verified).toBe(true);
		expect(openSignedWebhook(JWT, keySets(escaped)).verified).toBe(true);
		expect(normalizePem(current.juspay.publicKey.replace(/\n/g, ' '))).toBe(
			current.juspay.publicKey.trim(),
		);
	});

	it('reads a PKCS#1 RSA private key', () => {
		const pair = generateKeyPairSync('rsa', {
			modulusLength: 2048,
			privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
			publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
		});
		const sets = keySets({
			fieldPrefix: '',
			kid: 'k',
			juspayPublicKey: pair.publicKey,
			merchantPrivateKey: pair.privateKey,
		});
		expect(sets).toHaveLength(1);
	});

	it.each([
		['no Key ID', { kid: '' }, 'Key ID is empty'],
		['no private key', { merchantPrivateKey: ' ' }, 'Merchant Private Key is empty'],
		['no public key', { juspayPublicKey: '' }, 'Juspay Public Key is empty'],
		[
			'a private key that is not PEM',
			{ merchantPrivateKey: 'BARE' },
			'Merchant Private Key is not PEM: paste a PEM private key',
		],
		[
			'a public key that is not PEM',
			{ juspayPublicKey: 'my key' },
			'Juspay Public Key is not PEM: paste a PEM public key',
		],
		[
			'a PEM whose body is not a key',
			{ merchantPrivateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' },
			'Merchant Private Key could not be read: paste a PEM private key',
		],
		[
			'a private key in the public key field',
			{ juspayPublicKey: 'PRIVATE' },
			'Juspay Public Key holds a private key',
		],
		[
			'a passphrase-protected key',
			{ merchantPrivateKey: 'ENCRYPTED' },
			'Merchant Private Key is protected by a passphrase',
		],
		['an EC key', { merchantPrivateKey: 'EC' }, 'Merchant Private Key is not an RSA key'],
	])('says what is wrong with %s, naming the field', (_case, change, problem) => {
		const encrypted = generateKeyPairSync('rsa', {
			modulusLength: 1024,
			publicKeyEncoding: { type: 'spki', format: 'pem' },
			privateKeyEncoding: {
				type: 'pkcs8',
				format: 'pem',
				cipher: 'aes-256-cbc',
				passphrase: 'secret-pass',
			},
		}).privateKey;
		const ec = generateKeyPairSync('ec', {
			namedCurve: 'P-256',
			publicKeyEncoding: { type: 'spki', format: 'pem' },
			privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
		}).privateKey;
		const substitutes: Record<string, string> = {
			PRIVATE: current.merchant.privateKey,
			ENCRYPTED: encrypted,
			EC: ec,
			// the base64 body of a real key, without its BEGIN and END lines
			BARE: current.merchant.privateKey.split('\n').slice(1, -2).join(''),
		};
		const changed = Object.fromEntries(
			Object.entries(change).map(([field, value]) => [field, substitutes[value] ?? value]),
		);
		const message = problemOf({ ...input(previous, 'Previous '), ...changed });

		expect(message).toContain(`Previous ${problem}`);
		// the message never carries key material
		for (const pem of [current.merchant.privateKey, encrypted, ec, previous.juspay.publicKey]) {
			expect(message).not.toContain(pem.split('\n')[1].slice(0, 16));
		}
	});

	it('names the field even when the same bad key was seen in another field', () => {
		expect(problemOf({ ...input(current), merchantPrivateKey: 'not a key' })).toMatch(
			/^Merchant Private Key is not PEM/,
		);
		expect(problemOf({ ...input(previous, 'Previous '), merchantPrivateKey: 'not a key' })).toMatch(
			/^Previous Merchant Private Key is not PEM/,
		);
	});

	it('refuses two key sets with the same Key ID', () => {
		expect(problemOf(input(current), { ...input(previous, 'Previous '), kid: current.kid })).toBe(
			"Previous Key ID is the same as another key set's",
		);
	});
});
