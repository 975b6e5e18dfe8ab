/** One local Juspay sandbox per test file, emptied before each test. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { createJuspaySandbox, type JuspaySandbox, type RecordedRequest } from '../sandbox/juspay-sandbox';

export const API_KEY = 'test_api_key_9f8e7d';
export const MERCHANT_ID = 'n8ntestmerchant';
export const API_VERSION = '2023-06-30';
/** What Juspay expects in Authorization: Basic base64(apiKey + ":"). */
export const EXPECTED_AUTHORIZATION = 'Basic ' + Buffer.from(`${API_KEY}:`).toString('base64');

export interface SandboxFixture {
	readonly sandbox: JuspaySandbox;
	credentials(overrides?: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject;
	/** The requests the sandbox received, Juspay endpoints only. */
	requests(): RecordedRequest[];
}

export function useJuspaySandbox(options: { sameAmountWindowMs?: number } = {}): SandboxFixture {
	const sandbox = createJuspaySandbox({
		apiKey: API_KEY,
		merchantId: MERCHANT_ID,
		sameAmountWindowMs: options.sameAmountWindowMs ?? 0,
	});
	beforeAll(async () => {
		await sandbox.start();
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => sandbox.reset());
	return {
		sandbox,
		credentials: (overrides = {}) => ({
			environment: 'custom',
			baseUrl: sandbox.url,
			apiKey: API_KEY,
			merchantId: MERCHANT_ID,
			apiVersion: API_VERSION,
			...overrides,
		}),
		requests: () => sandbox.requests,
	};
}
