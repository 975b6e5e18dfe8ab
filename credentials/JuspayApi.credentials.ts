import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	BASE_URL_EXPRESSION,
	DEFAULT_API_VERSION,
	juspayAuthentication,
} from '../nodes/shared/wire';

const KEY_REFUSED = 'Juspay refused the API key or merchant ID: check both, and the environment';

export class JuspayApi implements ICredentialType {
	name = 'juspayApi';

	displayName = 'Juspay API';

	icon: Icon = { light: 'file:../icons/juspay.svg', dark: 'file:../icons/juspay.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-juspay/n8n-nodes-juspay';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Sandbox', value: 'sandbox', description: 'https://sandbox.juspay.in' },
				{ name: 'Production', value: 'production', description: 'https://api.juspay.in' },
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'Another Juspay host, such as an HDFC SmartGateway or .juspay.io tenant',
				},
			],
			default: 'sandbox',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://smartgateway.hdfcbank.com',
			description: 'The Juspay API host to call, without a trailing path',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'From the Juspay dashboard: Payments › Settings › Security › API Keys. Sent as the HTTP Basic username with an empty password.',
		},
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your Juspay merchant ID, sent in the x-merchantid header',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			description: 'Sent in the version header; it pins the shape of Juspay responses',
		},
		{
			displayName: 'Payment Page Client ID',
			name: 'paymentPageClientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. picasso',
			description:
				"Used by Payment Link › Create: the ID of your HyperCheckout payment page, from Juspay's onboarding e-mail (payment_page_client_id). A node can override it.",
		},
		// The Response Key is an HMAC secret, whatever its name suggests to the linter's heuristic.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Response Key',
			name: 'responseKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by Order › Verify Return URL: the Response Key from the Juspay dashboard (Settings › General, with "Use signed response" on), which signs the parameters of the redirect to your return URL',
		},
		{
			displayName: 'Webhook Username',
			name: 'webhookUsername',
			type: 'string',
			default: '',
			description:
				'Used by the Juspay Trigger: the username entered in the Juspay dashboard under Payments › Settings › Webhooks',
		},
		{
			displayName: 'Webhook Password',
			name: 'webhookPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by the Juspay Trigger: the password entered in the Juspay dashboard under Payments › Settings › Webhooks',
		},
		// Signed (JWT) webhooks: a key set from Payments › Settings › Security › JWT Keys, and the
		// one before it while Juspay rotates keys.
		{
			displayName: 'Key ID',
			name: 'jwtKeyId',
			type: 'string',
			default: '',
			placeholder: 'e.g. key_cccccda97e8b4d1bad6ca72…',
			description:
				'For signed webhooks: the ID (kid) of the JWT key set chosen as Webhook Encryption Key in the Juspay dashboard',
		},
		{
			displayName: 'Juspay Public Key',
			name: 'jwtJuspayPublicKey',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '-----BEGIN PUBLIC KEY-----',
			description:
				"For signed webhooks: Juspay's public key (PEM) from that key set, which verifies Juspay's signature",
		},
		{
			displayName: 'Merchant Private Key',
			name: 'jwtMerchantPrivateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				'For signed webhooks: your private key (PEM) from that key set, which decrypts the webhooks',
		},
		{
			displayName: 'Previous Key ID',
			name: 'jwtPreviousKeyId',
			type: 'string',
			default: '',
			description:
				'While keys rotate: the ID (kid) of the key set used before, so webhooks still encrypted to it are accepted. Clear the three Previous fields to stop accepting it.',
		},
		{
			displayName: 'Previous Juspay Public Key',
			name: 'jwtPreviousJuspayPublicKey',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '-----BEGIN PUBLIC KEY-----',
			description: "While keys rotate: Juspay's public key (PEM) from the previous key set",
		},
		{
			displayName: 'Previous Merchant Private Key',
			name: 'jwtPreviousMerchantPrivateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description: 'While keys rotate: your private key (PEM) from the previous key set',
		},
	];

	// Plain code rather than a generic block of expressions: it runs once per request, and
	// with thousands of items n8n's expression engine would cost more than the request itself.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return juspayAuthentication(credentials, requestOptions);
	}

	// Asks for an order that cannot exist: Juspay answers access_denied for a bad key or
	// merchant ID, and "not found" for good ones, which passes the test.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/orders/n8nCredentialCheck',
			method: 'GET',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 'access_denied',
					message: KEY_REFUSED,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_info.code',
					value: 'UNAUTHORIZED',
					message: KEY_REFUSED,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error_code',
					value: 'bad_authentication',
					message: KEY_REFUSED,
				},
			},
		],
	};
}
