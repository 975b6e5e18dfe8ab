import { runJuspayNode } from '../harness/workflowRunner';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createJuspaySandbox } = require('../sandbox/juspay-sandbox');

test('smoke', async () => {
	const sandbox = createJuspaySandbox({ apiKey: 'key_test_123', merchantId: 'm1' });
	await sandbox.start();
	try {
		const res = await runJuspayNode({
			parameters: { resource: 'customer', operation: 'create', objectReferenceId: 'cust00001', mobileNumber: '9988776655', additionalFields: { firstName: 'Asha', getClientAuthToken: true } },
			credentials: { environment: 'custom', baseUrl: sandbox.url, apiKey: 'key_test_123', merchantId: 'm1', apiVersion: '2023-06-30' },
		});
		console.log(JSON.stringify(res.items), res.error && JSON.stringify(res.error, null, 1).slice(0, 3000));
		console.log(JSON.stringify(sandbox.requests, null, 1));
		const res2 = await runJuspayNode({
			parameters: { resource: 'order', operation: 'get', orderId: 'nope1' },
			credentials: { environment: 'custom', baseUrl: sandbox.url, apiKey: 'key_test_123', merchantId: 'm1', apiVersion: '2023-06-30' },
		});
		console.log(res2.error?.message, res2.error?.description, (res2.error as any)?.httpCode);
	} finally {
		await sandbox.stop();
	}
});
