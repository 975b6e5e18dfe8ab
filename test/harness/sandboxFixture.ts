/** One local Juspay sandbox per test file, emptied before each test. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	createJuspaySandbox,
	DEFAULTS,
	type JuspaySandbox,
	type RecordedRequest,
} from '../sandbox/juspay-sandbox';

/** The sandbox's default credentials (made-up values, defined in the sandbox). */
export const API_KEY = DEFAULTS.apiKey;
export const MERCHANT_ID = DEFAULTS.merchantId;
export const API_VERSION = '2023-06-30';
export const PAYMENT_PAGE_CLIENT_ID = DEFAULTS.paymentPageClientId;
/** The made-up Response Key of juspay-api-2.md §7's worked example. */
export const RESPONSE_KEY = 'my_test_response_key';
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
			paymentPageClientId: PAYMENT_PAGE_CLIENT_ID,
			responseKey: RESPONSE_KEY,
			...overrides,
		}),
		requests: () => sandbox.requests,
	};
}
