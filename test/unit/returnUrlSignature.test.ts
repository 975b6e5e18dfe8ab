import {
	computeSignature,
	formEncode,
	rfc3986Encode,
	signedString,
	verifyReturnUrlSignature,
} from '../../nodes/Juspay/helpers/returnUrlSignature';

// juspay-api-2.md §7, "Our own worked example" (made-up key, values computed from the doc's steps).
const KEY = 'my_test_response_key';
const PARAMS = { order_id: 'ord_1001', status: 'CHARGED', status_id: '21', udf_ref: 'a b+c' };
const SIGNATURE = 'dbSDHOdN/hJzwFVBqwj+go9JnpknHvOGl+5d6KrO18A=';

describe('return URL signature (HMAC-SHA256, Juspay status verification)', () => {
	it('builds the string of steps 4 and 5 of the worked example', () => {
		expect(signedString(PARAMS)).toBe(
			'order_id%3Dord_1001%26status%3DCHARGED%26status_id%3D21%26udf_ref%3Da%2Bb%252Bc',
		);
	});

	it("reproduces the intermediate string of Juspay's HMACsignature.java sample", () => {
		const params = {
			order_id: 'order_1727694028',
			status: 'AUTHORIZATION_FAILED',
			status_id: '27',
			myQP: 'aGVsbG9Xb3JsZA==',
			signature: 'ignored',
			signature_algorithm: 'HMAC-SHA256',
		};
		expect(signedString(params)).toBe(
			'myQP%3DaGVsbG9Xb3JsZA%253D%253D%26order_id%3Dorder_1727694028%26status%3DAUTHORIZATION_FAILED%26status_id%3D27',
		);
	});

	it('signs the worked example as the doc says, and the RFC 3986 variant differently', () => {
		expect(computeSignature(PARAMS, KEY)).toBe(SIGNATURE);
		expect(computeSignature(PARAMS, KEY, rfc3986Encode)).toBe(
			'mNP+TzKgP5FOlvw90GgrKKDDNARo28BCMlcWHelCctY=',
		);
	});

	it('encodes like Java URLEncoder: space as +, keeps * and encodes ~', () => {
		expect(formEncode("a b*c~d!'()")).toBe('a+b*c%7Ed%21%27%28%29');
	});

	it.each([
		['decoded', SIGNATURE],
		['still percent-encoded', 'dbSDHOdN%2FhJzwFVBqwj%2Bgo9JnpknHvOGl%2B5d6KrO18A%3D'],
		['with "+" decoded to spaces', SIGNATURE.replace(/\+/g, ' ')],
	])('verifies a genuine signature %s', (_, signature) => {
		expect(
			verifyReturnUrlSignature({ ...PARAMS, signature, signature_algorithm: 'HMAC-SHA256' }, KEY),
		).toEqual({ verified: true });
	});

	it.each([
		[{ ...PARAMS }, 'signature missing'],
		[{ ...PARAMS, signature: SIGNATURE, status: 'FAILED' }, 'signature mismatch'],
		[{ ...PARAMS, signature: SIGNATURE, extra: '1' }, 'signature mismatch'],
		[
			{ ...PARAMS, signature: SIGNATURE, signature_algorithm: 'MD5' },
			'unsupported signature algorithm',
		],
	])('refuses %p', (params, reason) => {
		expect(verifyReturnUrlSignature(params, KEY)).toEqual({ verified: false, reason });
	});

	it('refuses a signature made with another key', () => {
		const signature = computeSignature(PARAMS, 'another_key');
		expect(verifyReturnUrlSignature({ ...PARAMS, signature }, KEY).verified).toBe(false);
	});
});
