import { useJuspaySandbox } from '../harness/sandboxFixture';
import {
	credentialKeys,
	encryptJwe,
	generateKeySet,
	signedWebhook,
	signJws,
	tamperJwt,
	type TestKeySet,
} from '../harness/juspayJwt';
import { startTrigger, type TriggerHarness } from '../harness/triggerRunner';

const fixture = useJuspaySandbox();

const WEBHOOK_USER = 'juspayhooks';
const WEBHOOK_SECRET_VALUE = 'hook-pass-7c1e';
const basic = (user: string, pass: string) =>
	'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
const VALID_AUTH = basic(WEBHOOK_USER, WEBHOOK_SECRET_VALUE);

let current: TestKeySet;
let previous: TestKeySet;
let stranger: TestKeySet;

beforeAll(() => {
	current = generateKeySet('key_2f4c9a1e6b7d4c0f9e8a7b6c5d4e3f21');
	previous = generateKeySet('key_0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5');
	stranger = generateKeySet('key_ffffeeeeddddccccbbbbaaaa99998888');
});

let harness: TriggerHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

async function start(
	options: Record<string, unknown>,
	credentialOverrides: Record<string, unknown> = {},
	events: string[] = ['*'],
) {
	harness = await startTrigger({
		parameters: { events, options } as never,
		credentials: fixture.credentials({
			webhookUsername: WEBHOOK_USER,
			webhookPassword: WEBHOOK_SECRET_VALUE,
			...credentialKeys(current, previous),
			...credentialOverrides,
		} as never),
	});
	return harness;
}

async function post(
	body: unknown,
	{ authorization = VALID_AUTH as string | null, contentType = 'application/json' } = {},
) {
	const headers: Record<string, string> = { 'content-type': contentType };
	if (authorization !== null) headers.authorization = authorization;
	const response = await fetch((harness as TriggerHarness).url, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, text, json: () => JSON.parse(text) };
}

let counter = 0;
const newEvent = (overrides: Record<string, unknown> = {}) => {
	counter += 1;
	return {
		id: `evt_V2_signed_${counter}`,
		event_name: 'ORDER_SUCCEEDED',
		date_created: '2026-11-22T10:00:00Z',
		content: {
			order: { order_id: `ordSigned${counter}`, status: 'CHARGED', amount: 42, amount_refunded: 0 },
		},
		...overrides,
	};
};

/** Everything a refusal must not reveal: the keys' texts and the webhook password. */
function expectNoSecrets(text: string) {
	for (const set of [current, previous]) {
		for (const pem of [set.merchant.privateKey, set.juspay.publicKey]) {
			expect(text).not.toContain(pem.split('\n')[1]);
		}
	}
	expect(text).not.toContain(WEBHOOK_SECRET_VALUE);
}

async function expectRefused(body: unknown, reason: string | RegExp, options = {}) {
	const response = await post(body, options);
	expect(response.status).toBe(401);
	expect(response.json().message).toMatch(reason);
	expectNoSecrets(response.text);
	expect(harness?.started).toHaveLength(0);
	return response;
}

describe('signed webhooks accepted', () => {
	it.each([
		['RSA-OAEP-256', 'compact'],
		['RSA-OAEP-256', 'json'],
		['RSA-OAEP', 'compact'],
		['RSA-OAEP', 'json'],
	] as const)(
		'key wrap %s with a %s JWS: starts the workflow with the event and its signature',
		async (alg, shape) => {
			await start({ signedWebhooks: 'accept' });
			const event = newEvent();
			const response = await post(signedWebhook(event, current, { alg, shape }));

			expect(response.status).toBe(200);
			expect(harness?.started).toHaveLength(1);
			expect(harness?.started[0][0].json).toEqual({
				id: event.id,
				event_name: 'ORDER_SUCCEEDED',
				date_created: event.date_created,
				content: event.content,
				order: event.content.order,
				signature: { verified: true, kid: current.kid },
			});
		},
	);

	it('in Require mode too, and when the body arrives as text', async () => {
		await start({ signedWebhooks: 'require' });
		const event = newEvent();
		const response = await post(JSON.stringify(signedWebhook(event, current)), {
			contentType: 'text/plain',
		});

		expect(response.status).toBe(200);
		expect(harness?.started[0][0].json.id).toBe(event.id);
	});

	it('a delivery encrypted to the previous key set while keys rotate', async () => {
		await start({ signedWebhooks: 'require' });
		await post(signedWebhook(newEvent(), previous));

		expect(harness?.started[0][0].json.signature).toEqual({ verified: true, kid: previous.kid });
	});

	it('Accept mode still accepts a plain delivery with Basic auth, without a signature', async () => {
		await start({ signedWebhooks: 'accept' });
		const response = await post(newEvent());

		expect(response.status).toBe(200);
		expect(harness?.started).toHaveLength(1);
		expect(harness?.started[0][0].json.signature).toBeUndefined();
	});
});

describe('signed webhooks refused (401, nothing starts)', () => {
	it.each([
		[0, 'protected header'],
		[1, 'encrypted key'],
		[2, 'IV'],
		[3, 'ciphertext'],
		[4, 'tag'],
	])('JWE part %i (%s) altered', async (which) => {
		await start({ signedWebhooks: 'accept' });
		const { JWT } = signedWebhook(newEvent(), current);

		await expectRefused({ JWT: tamperJwt(JWT, which) }, /^Signed webhook refused: The JWT/);
	});

	it('a JWS signed by another key', async () => {
		await start({ signedWebhooks: 'accept' });
		const body = signedWebhook(newEvent(), current, { signWith: stranger.juspay.privateKey });

		await expectRefused(
			body,
			"Signed webhook refused: The JWS signature does not verify with Juspay's public key",
		);
	});

	it('an event changed after Juspay signed it', async () => {
		await start({ signedWebhooks: 'accept' });
		const jws = signJws(newEvent(), current.juspay.privateKey, { kid: current.kid }).split('.');
		const forgedPayload = Buffer.from(JSON.stringify(newEvent({ id: 'evt_forged' }))).toString(
			'base64url',
		);
		const JWT = encryptJwe(`${jws[0]}.${forgedPayload}.${jws[2]}`, current.merchant.publicKey, {
			kid: current.kid,
		});

		await expectRefused({ JWT }, /signature does not verify/);
	});

	it('an unknown kid', async () => {
		await start({ signedWebhooks: 'accept' });

		await expectRefused(
			signedWebhook(newEvent(), stranger),
			'Signed webhook refused: The JWT names a key ID (kid) that is not in the Juspay credential',
		);
	});

	it('an unsigned JWS (alg none)', async () => {
		await start({ signedWebhooks: 'accept' });

		await expectRefused(
			signedWebhook(newEvent(), current, { jwsAlg: 'none' }),
			'Signed webhook refused: The JWS is unsigned (alg none)',
		);
	});

	it('a delivery for the previous key set once it is removed after rotation', async () => {
		const body = signedWebhook(newEvent(), previous);
		await start({ signedWebhooks: 'require' });
		expect((await post(body)).status).toBe(200);
		await harness?.close();

		await start(
			{ signedWebhooks: 'require' },
			{ jwtPreviousKeyId: '', jwtPreviousJuspayPublicKey: '', jwtPreviousMerchantPrivateKey: '' },
		);
		await expectRefused(signedWebhook(newEvent(), previous), /key ID \(kid\) that is not in/);
	});

	it('a JWT that is not five parts, or not a string', async () => {
		await start({ signedWebhooks: 'accept' });

		await expectRefused(
			{ JWT: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' },
			'Signed webhook refused: The JWT is not a compact JWE (five dot-separated parts)',
		);
		await expectRefused(
			{ JWT: { header: 'e30' } },
			'Signed webhook refused: The JWT field is not a string',
		);
	});

	it('answers 400 to a body that is not JSON in Require mode', async () => {
		await start({ signedWebhooks: 'require' });
		const response = await post('JWT=eyJ...', { contentType: 'text/plain' });

		expect(response.status).toBe(400);
		expect(response.json().message).toBe(
			'The body is not valid JSON: a signed Juspay webhook is {"JWT": "<token>"}',
		);
		expect(harness?.started).toHaveLength(0);
	});

	it('says which credential key does not parse, without a stack trace or the key', async () => {
		await start(
			{ signedWebhooks: 'require' },
			{ jwtMerchantPrivateKey: current.merchant.privateKey.split('\n').slice(1, -2).join('\n') },
		);
		const response = await expectRefused(
			signedWebhook(newEvent(), current),
			"Signed webhook refused: the Juspay credential's Merchant Private Key is not PEM: paste a PEM private key",
		);

		expect(response.text).not.toMatch(/\n\s+at /);
	});

	it('says when the credential has no key set', async () => {
		await start(
			{ signedWebhooks: 'accept' },
			{
				jwtKeyId: '',
				jwtJuspayPublicKey: '',
				jwtMerchantPrivateKey: '',
				jwtPreviousKeyId: '',
				jwtPreviousJuspayPublicKey: '',
				jwtPreviousMerchantPrivateKey: '',
			},
		);

		await expectRefused(signedWebhook(newEvent(), current), /the Juspay credential has no key set/);
	});
});

describe('modes', () => {
	it('Require refuses a plain delivery, even with the right Basic auth', async () => {
		await start({ signedWebhooks: 'require' });

		await expectRefused(
			newEvent(),
			'Signed webhooks are required (option Signed Webhooks: Require): this delivery is not signed (no JWT)',
		);
	});

	it('Off (the default) answers a signed delivery with 400 saying how to turn them on', async () => {
		await start({});
		const response = await post(signedWebhook(newEvent(), current));

		expect(response.status).toBe(400);
		expect(response.json().message).toContain(
			'set the Juspay Trigger option Signed Webhooks to Accept or Require',
		);
		expect(harness?.started).toHaveLength(0);
	});
});

describe('Basic auth and signatures are independent', () => {
	it.each([
		['no Authorization header', null],
		['a wrong password', basic(WEBHOOK_USER, 'wrong')],
	])('a valid signed delivery with %s gets 401', async (_case, authorization) => {
		await start({ signedWebhooks: 'require' });
		const response = await post(signedWebhook(newEvent(), current), { authorization });

		expect(response.status).toBe(401);
		expect(response.json()).toEqual({ message: 'Authorization required' });
		expect(harness?.started).toHaveLength(0);
	});

	it('without Basic auth in the credential, signed deliveries are accepted and plain ones refused', async () => {
		await start({ signedWebhooks: 'accept' }, { webhookUsername: '', webhookPassword: '' });

		expect((await post(signedWebhook(newEvent(), current), { authorization: null })).status).toBe(
			200,
		);
		const plain = await post(newEvent(), { authorization: null });
		expect(plain.status).toBe(401);
		expect(plain.json().message).toBe(
			'This delivery is not signed and the Juspay credential has no Webhook Username and Webhook Password: unsigned deliveries are refused',
		);
		expect(harness?.started).toHaveLength(1);
	});
});

describe('after verification, the same path as a plain delivery', () => {
	it('de-duplicates a repeated signed event, even re-encrypted', async () => {
		await start({ signedWebhooks: 'require' });
		const event = newEvent();
		expect((await post(signedWebhook(event, current))).status).toBe(200);
		const again = await post(signedWebhook(event, current, { alg: 'RSA-OAEP' }));

		expect(again.json()).toEqual({ received: true, started: false, reason: 'duplicate event' });
		expect(harness?.started).toHaveLength(1);
	});

	it('filters events', async () => {
		await start({ signedWebhooks: 'require' }, {}, ['ORDER_REFUNDED']);
		const response = await post(signedWebhook(newEvent(), current));

		expect(response.json()).toEqual({
			received: true,
			started: false,
			reason: 'event not selected',
		});
		expect(harness?.started).toHaveLength(0);
	});

	it('refuses a verified payload that is not a Juspay event', async () => {
		await start({ signedWebhooks: 'require' });
		const response = await post(signedWebhook({ hello: 'world' }, current));

		expect(response.status).toBe(400);
		expect(response.json().message).toBe(
			'The body has no event_name: this is not a Juspay webhook event',
		);
	});

	it('confirms with the Order Status API', async () => {
		const orderId = 'ordSignedConfirm';
		const created = await fetch(`${fixture.sandbox.url}/orders`, {
			method: 'POST',
			headers: {
				authorization: basic(fixture.sandbox.apiKey, ''),
				'x-merchantid': fixture.sandbox.merchantId,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: `order_id=${orderId}&amount=100`,
		});
		expect(created.status).toBe(200);
		fixture.sandbox.chargeOrder(orderId);
		const event = fixture.sandbox.buildWebhook('ORDER_SUCCEEDED', orderId);
		await start({ signedWebhooks: 'require', confirmWithApi: true });
		await post(signedWebhook(event, current));

		expect(harness?.started[0][0].json).toMatchObject({
			id: event.id,
			signature: { verified: true, kid: current.kid },
			confirmation: { confirmed: true, status: 'CHARGED', mismatches: [] },
		});
	});
});
