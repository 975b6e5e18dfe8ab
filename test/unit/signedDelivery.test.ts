import { openDelivery, signedWebhooksMode } from '../../nodes/JuspayTrigger/helpers/signedDelivery';
import {
	credentialKeys,
	generateKeySet,
	signedWebhook,
	type TestKeySet,
} from '../harness/juspayJwt';

let keySet: TestKeySet;
beforeAll(() => {
	keySet = generateKeySet('key_delivery_unit');
});

const event = { id: 'evt_V2_unit', event_name: 'ORDER_SUCCEEDED', content: {} };

describe('signedWebhooksMode', () => {
	it.each([
		['off', 'off'],
		['accept', 'accept'],
		['require', 'require'],
		[undefined, 'off'],
		['Require', 'off'],
		[true, 'off'],
	])('%p is %p', (value, mode) => {
		expect(signedWebhooksMode(value)).toBe(mode);
	});
});

describe('openDelivery', () => {
	it('passes a plain body through unchanged in Accept mode with Basic auth', () => {
		const raw = JSON.stringify(event);
		expect(openDelivery(event, raw, {}, 'accept', true)).toEqual({ body: event, rawBody: raw });
	});

	it('opens a signed body sent raw (not parsed by n8n) into the verified event', () => {
		const raw = JSON.stringify(signedWebhook(event, keySet));
		const delivery = openDelivery({}, raw, credentialKeys(keySet), 'require', false);

		expect(delivery).toEqual({
			body: event,
			rawBody: JSON.stringify(event),
			signature: { verified: true, kid: keySet.kid },
		});
	});

	it('in Require mode, refuses JSON that is not an object as unsigned', () => {
		expect(openDelivery(undefined, '[1]', {}, 'require', true)).toMatchObject({
			statusCode: 401,
			message: expect.stringContaining('this delivery is not signed'),
		});
	});

	it('without Basic auth, refuses a plain body with the Basic realm', () => {
		expect(openDelivery(event, JSON.stringify(event), {}, 'accept', false)).toMatchObject({
			statusCode: 401,
			basic: true,
		});
	});

	it('ignores the credential keys for plain bodies: a broken key does not stop them in Accept mode', () => {
		const credentials = { ...credentialKeys(keySet), jwtMerchantPrivateKey: 'broken' };
		expect(openDelivery(event, JSON.stringify(event), credentials, 'accept', true)).toHaveProperty(
			'body',
			event,
		);
		expect(
			openDelivery(signedWebhook(event, keySet), '', credentials, 'accept', true),
		).toMatchObject({
			statusCode: 401,
			message:
				'Signed webhook refused: the Juspay credential\'s Merchant Private Key is not PEM: paste a PEM private key ("-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----")',
		});
	});
});
