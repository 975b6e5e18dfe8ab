import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runJuspayNode } from '../harness/workflowRunner';
import { API_KEY, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

/** Everything n8n keeps of a run: output, errors with their causes, as the UI would get them. */
function serialized(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v instanceof Error
			? { ...v, message: v.message, stack: v.stack, cause: (v as { cause?: unknown }).cause }
			: v,
	);
}

const secretForms = [API_KEY, Buffer.from(`${API_KEY}:`).toString('base64')];

describe('Juspay errors', () => {
	it("turns Juspay's 401 access_denied into an authorization message without the API key", async () => {
		const wrongKey = `not-${API_KEY}`;
		const result = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'ordX1' },
			credentials: fixture.credentials({ apiKey: wrongKey }),
		});

		expect(result.error?.message).toBe(
			'Invalid API Key. Please check the API key passed in the Authorization header.',
		);
		expect(result.error?.description).toContain(
			'Check the API key and merchant ID in the Juspay credential',
		);
		expect(result.error?.description).toContain('error code: access_denied');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('401');
		for (const secret of [wrongKey, Buffer.from(`${wrongKey}:`).toString('base64')]) {
			expect(serialized(result.run)).not.toContain(secret);
		}
	});

	it('keeps the API key out of the error when Juspay cannot be reached at all', async () => {
		const result = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'ordX2' },
			// a port nothing listens on: connection refused
			credentials: fixture.credentials({ baseUrl: 'http://127.0.0.1:9' }),
		});

		expect(result.error).toBeDefined();
		expect(result.error?.message).toMatch(/refused|ECONNREFUSED|connect/i);
		for (const secret of secretForms) expect(serialized(result.run)).not.toContain(secret);
	});

	it('keeps the API key out of the error when the request times out', async () => {
		fixture.sandbox.injectFault({ path: '/orders/ordX3', status: null, delayMs: 1000 });

		const result = await runJuspayNode({
			parameters: {
				resource: 'order',
				operation: 'get',
				orderId: 'ordX3',
				requestOptions: { timeout: 200 },
			},
			credentials: fixture.credentials(),
		});

		// n8n's own words for a request cut short by the node's Timeout option
		expect(result.error?.message).toBe('The connection was aborted, perhaps the server is offline');
		for (const secret of secretForms) expect(serialized(result.run)).not.toContain(secret);
	});

	it('reports a 5xx with advice to retry', async () => {
		fixture.sandbox.injectFault({ path: '/orders/ordX4', status: 503 });

		const { error } = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'ordX4' },
			credentials: fixture.credentials(),
		});

		expect(error?.message).toBe('Service temporarily unavailable (sandbox fault injection)');
		expect(error?.description).toContain('turn on Retry On Fail');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('503');
	});
});

describe('Continue On Fail', () => {
	// Each case feeds two items: the first fails (refused locally or by Juspay), the second works.
	const cases: Array<[string, INodeParameters, IDataObject[], string]> = [
		[
			'customer create',
			{
				resource: 'customer',
				operation: 'create',
				objectReferenceId: '={{ $json.ref }}',
				mobileNumber: '={{ $json.mobile }}',
			},
			[
				{ ref: 'crm00001', mobile: 'x' },
				{ ref: 'crm00002', mobile: '9988776655' },
			],
			'The Mobile Number x must contain digits only',
		],
		[
			'customer get',
			{ resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
			[{ id: 'cst_missing' }, { id: 'crm00099' }],
			'Cannot find what you are looking for',
		],
		[
			'customer update',
			{
				resource: 'customer',
				operation: 'update',
				customerId: 'crm00099',
				updateFields: { firstName: '={{ $json.name }}' },
			},
			[{ name: '' }, { name: 'Asha' }],
			'The Update Fields are empty: there is nothing to update',
		],
		[
			'order create',
			{
				resource: 'order',
				operation: 'create',
				orderId: '={{ $json.id }}',
				amount: '={{ $json.amount }}',
			},
			[
				{ id: 'ordC1', amount: 0 },
				{ id: 'ordC2', amount: 10 },
			],
			'The Amount 0 is not a valid amount',
		],
		[
			'order get',
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			[{ id: 'ordMissing' }, { id: 'ordOK1' }],
			'No order exists with order_id ordMissing for this merchant',
		],
		[
			'order refund',
			{ resource: 'order', operation: 'refund', orderId: '={{ $json.id }}', amount: 1 },
			[{ id: 'ordMissing' }, { id: 'ordOK1' }],
			'No order exists with order_id ordMissing for this merchant',
		],
	];

	it.each(cases)(
		'%s: the error lands in its item and the other items go on',
		async (_name, parameters, items, message) => {
			await runJuspayNode({
				parameters: {
					resource: 'customer',
					operation: 'create',
					objectReferenceId: 'crm00099',
					mobileNumber: '9988776655',
				},
				credentials: fixture.credentials(),
			});
			await runJuspayNode({
				parameters: { resource: 'order', operation: 'create', orderId: 'ordOK1', amount: 10 },
				credentials: fixture.credentials(),
			});
			fixture.sandbox.chargeOrder('ordOK1');

			const result = await runJuspayNode({
				parameters,
				items,
				credentials: fixture.credentials(),
				settings: { continueOnFail: true },
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			expect(result.items[0].error?.message).toBe(message);
			expect(result.items[0].json.error).toBe(message);
			expect(result.items[1].error).toBeUndefined();
			expect(Object.keys(result.items[1].json).length).toBeGreaterThan(3);
		},
	);
});
