import { computeSignature } from '../../nodes/Juspay/helpers/returnUrlSignature';
import { runJuspayNode } from '../harness/workflowRunner';
import { RESPONSE_KEY, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

function signed(params: Record<string, string>) {
	return {
		...params,
		signature: computeSignature(params, RESPONSE_KEY),
		signature_algorithm: 'HMAC-SHA256',
	};
}

function verify(
	query: Record<string, string>,
	verifyOptions: Record<string, boolean> = {},
	credentials = {},
) {
	return runJuspayNode({
		parameters: { resource: 'order', operation: 'verifyReturnUrl', verifyOptions },
		items: [{ query }],
		credentials: fixture.credentials(credentials),
	});
}

describe('Order › Verify Return URL', () => {
	it("verifies the worked example of Juspay's algorithm from {{ $json.query }}, sending nothing", async () => {
		const { items, error } = await verify({
			order_id: 'ord_1001',
			status: 'CHARGED',
			status_id: '21',
			udf_ref: 'a b+c',
			signature: 'dbSDHOdN/hJzwFVBqwj+go9JnpknHvOGl+5d6KrO18A=',
			signature_algorithm: 'HMAC-SHA256',
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			verified: true,
			order_id: 'ord_1001',
			status: 'CHARGED',
			status_id: '21',
		});
		expect(fixture.requests()).toHaveLength(0);
	});

	it('returns the mandate fields when the redirect has them', async () => {
		const { items } = await verify(
			signed({
				order_id: 'ord1',
				status: 'CHARGED',
				status_id: '21',
				mandate_id: 'mnd1',
				mandate_token: 'tok1',
				mandate_status: 'ACTIVE',
			}),
		);

		expect(items[0].json).toMatchObject({
			verified: true,
			mandate_id: 'mnd1',
			mandate_token: 'tok1',
			mandate_status: 'ACTIVE',
		});
	});

	it('a tampered status is verified: false, not an error', async () => {
		const query = {
			...signed({ order_id: 'ord2', status: 'PENDING_VBV', status_id: '23' }),
			status: 'CHARGED',
		};

		const { items, error } = await verify(query);

		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			verified: false,
			reason: 'signature mismatch',
			order_id: 'ord2',
			status: 'CHARGED',
			status_id: '23',
		});
	});

	it('a missing signature fails when Fail If Not Verified is on', async () => {
		const { error } = await verify(
			{ order_id: 'ord3', status: 'CHARGED', status_id: '21' },
			{ failIfNotVerified: true },
		);

		expect(error?.message).toBe('The return URL is not signed by Juspay: signature missing');
		expect(error?.description).toContain("Check that the credential's Response Key");
	});

	it('confirms a genuine redirect with Order Status', async () => {
		await runJuspayNode({
			parameters: { resource: 'order', operation: 'create', orderId: 'ord4', amount: '10' },
			credentials: fixture.credentials(),
		});
		fixture.sandbox.chargeOrder('ord4');
		fixture.sandbox.clearRequests();

		const { items, error } = await verify(
			signed({ order_id: 'ord4', status: 'CHARGED', status_id: '21' }),
			{ confirmWithOrderStatus: true },
		);

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect([request.method, request.path]).toEqual(['GET', '/orders/ord4']);
		expect(items[0].json).toMatchObject({
			verified: true,
			confirmed: true,
			confirmed_status: 'CHARGED',
			confirmed_status_id: 21,
			order: { order_id: 'ord4', amount: 10 },
		});
	});

	it('a confirmation that disagrees says so', async () => {
		await runJuspayNode({
			parameters: { resource: 'order', operation: 'create', orderId: 'ord5', amount: '10' },
			credentials: fixture.credentials(),
		});

		const { items } = await verify(
			signed({ order_id: 'ord5', status: 'CHARGED', status_id: '21' }),
			{
				confirmWithOrderStatus: true,
			},
		);

		expect(items[0].json).toMatchObject({
			verified: true,
			confirmed: false,
			confirmed_status: 'NEW',
		});
	});

	it('a forged redirect is never confirmed: nothing is sent', async () => {
		const { items } = await verify(
			{ order_id: 'ord6', status: 'CHARGED', status_id: '21', signature: 'Zm9yZ2Vk' },
			{ confirmWithOrderStatus: true },
		);

		expect(items[0].json.verified).toBe(false);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('names the credential field when the Response Key is empty, and never shows the key', async () => {
		const empty = await verify(
			signed({ order_id: 'o', status: 'CHARGED' }),
			{},
			{ responseKey: '' },
		);
		expect(empty.error?.message).toBe('The Response Key of the Juspay credential is empty');

		const wrong = await verify(
			{ order_id: 'o', status: 'CHARGED', signature: 'x' },
			{ failIfNotVerified: true },
		);
		expect(JSON.stringify(wrong.error)).not.toContain(RESPONSE_KEY);
	});

	it('accepts the full return URL as text', async () => {
		const query = signed({ order_id: 'ord7', status: 'CHARGED', status_id: '21' });
		const url = `https://shop.example.com/paid?${new URLSearchParams(query).toString()}`;

		const { items, error } = await runJuspayNode({
			parameters: { resource: 'order', operation: 'verifyReturnUrl', returnUrlParameters: url },
			credentials: fixture.credentials(),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ verified: true, order_id: 'ord7' });
	});
});
