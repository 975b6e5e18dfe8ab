import type { IDataObject, INodeType } from 'n8n-workflow';

import { JuspayApi } from '../../credentials/JuspayApi.credentials';
import { Juspay } from '../../nodes/Juspay/Juspay.node';
import { runJuspayNode } from '../harness/workflowRunner';
import { API_KEY, EXPECTED_AUTHORIZATION, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

/**
 * What n8n's CredentialsTester does with `test`: a copy of the node whose only property routes the
 * test request, run by RoutingNode; then each responseSuccessBody rule is checked on the answer.
 */
async function testCredential(
	overrides: Record<string, string> = {},
): Promise<{ status: string; message: string }> {
	const credential = new JuspayApi();
	const juspay = new Juspay();
	const probe: INodeType = {
		description: {
			...juspay.description,
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credential.test.request },
				},
			],
		},
	};
	const { items, error } = await runJuspayNode({
		parameters: {},
		credentials: fixture.credentials(overrides),
		nodeType: probe,
	});
	if (error) return { status: 'Error', message: error.message };
	for (const rule of credential.test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>((object, key) => (object as IDataObject)?.[key], items[0].json);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

describe('credential test', () => {
	it('passes with a good key and merchant ID (Juspay answers "not found" for the probe order)', async () => {
		expect(await testCredential()).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = fixture.requests();
		expect(request.path).toBe('/orders/n8nCredentialCheck');
		expect(request.headers.authorization).toBe(EXPECTED_AUTHORIZATION);
	});

	it.each([
		['a wrong API key', { apiKey: `x${API_KEY}` }],
		['a wrong merchant ID', { merchantId: 'someoneelse' }],
	])('fails with %s, saying what to check', async (_case, overrides) => {
		expect(await testCredential(overrides)).toEqual({
			status: 'Error',
			message: 'Juspay refused the API key or merchant ID: check both, and the environment',
		});
	});
});
