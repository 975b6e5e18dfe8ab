import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { keySetsFrom, openSignedWebhook, type KeySetInput } from './signedWebhook';

/** The trigger's "Signed Webhooks" option. */
export type SignedWebhooksMode = 'off' | 'accept' | 'require';

export const SIGNED_WEBHOOKS_MODES: SignedWebhooksMode[] = ['off', 'accept', 'require'];

/** Credential fields of the key sets, current first: several are active while keys rotate. */
export const KEY_SET_FIELDS = [
	{
		fieldPrefix: '',
		kid: 'jwtKeyId',
		juspayPublicKey: 'jwtJuspayPublicKey',
		merchantPrivateKey: 'jwtMerchantPrivateKey',
	},
	{
		fieldPrefix: 'Previous ',
		kid: 'jwtPreviousKeyId',
		juspayPublicKey: 'jwtPreviousJuspayPublicKey',
		merchantPrivateKey: 'jwtPreviousMerchantPrivateKey',
	},
] as const;

export interface Delivery {
	/** What the event parser reads: the request as sent, or the verified signed payload. */
	body: unknown;
	rawBody: string;
	signature?: { verified: true; kid: string };
}

export interface Refusal {
	statusCode: number;
	message: string;
	/** Whether the refusal is about Basic auth (answered with WWW-Authenticate). */
	basic?: boolean;
}

const SIGNED_PREFIX = 'Signed webhook refused';

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function signedWebhooksMode(value: unknown): SignedWebhooksMode {
	return SIGNED_WEBHOOKS_MODES.includes(value as SignedWebhooksMode)
		? (value as SignedWebhooksMode)
		: 'off';
}

/** The JSON sent, if the body is JSON: n8n parses JSON requests, others arrive raw. */
function jsonOf(parsedBody: unknown, rawBody: string): { value: unknown } | undefined {
	if (isObject(parsedBody) && Object.keys(parsedBody).length > 0) return { value: parsedBody };
	try {
		return { value: JSON.parse(rawBody) as unknown };
	} catch {
		return undefined;
	}
}

function keySetInputs(credentials: ICredentialDataDecryptedObject): KeySetInput[] {
	const text = (name: string) => {
		const value = credentials[name];
		return typeof value === 'string' ? value : '';
	};
	return KEY_SET_FIELDS.map((fields) => ({
		fieldPrefix: fields.fieldPrefix,
		kid: text(fields.kid),
		juspayPublicKey: text(fields.juspayPublicKey),
		merchantPrivateKey: text(fields.merchantPrivateKey),
	}));
}

/**
 * Decides what a delivery is before anything reads it as an event. A signed body
 * (`{"JWT": ...}`) is decrypted and verified here, and only its verified payload goes on; a
 * plain body goes on as sent when the mode and the Basic auth allow it.
 */
export function openDelivery(
	parsedBody: unknown,
	rawBody: string,
	credentials: ICredentialDataDecryptedObject,
	mode: SignedWebhooksMode,
	basicAuthConfigured: boolean,
): Delivery | Refusal {
	const json = jsonOf(parsedBody, rawBody);
	const body = isObject(json?.value) ? json.value : undefined;
	const signed = body !== undefined && 'JWT' in body;

	if (!signed) {
		if (mode === 'require') {
			return json === undefined
				? {
						statusCode: 400,
						message: 'The body is not valid JSON: a signed Juspay webhook is {"JWT": "<token>"}',
					}
				: {
						statusCode: 401,
						message:
							'Signed webhooks are required (option Signed Webhooks: Require): this delivery is not signed (no JWT)',
					};
		}
		if (!basicAuthConfigured) {
			return {
				statusCode: 401,
				basic: true,
				message:
					'This delivery is not signed and the Juspay credential has no Webhook Username and Webhook Password: unsigned deliveries are refused',
			};
		}
		return { body: parsedBody, rawBody };
	}

	if (mode === 'off') {
		return {
			statusCode: 400,
			message:
				'This is a signed (JWT) Juspay webhook: set the Juspay Trigger option Signed Webhooks to Accept or Require, and the key set in its Juspay credential',
		};
	}
	const keys = keySetsFrom(keySetInputs(credentials));
	if ('problem' in keys) {
		return {
			statusCode: 401,
			message: `${SIGNED_PREFIX}: the Juspay credential's ${keys.problem}`,
		};
	}
	if (keys.keySets.length === 0) {
		return {
			statusCode: 401,
			message: `${SIGNED_PREFIX}: the Juspay credential has no key set: fill in Key ID, Juspay Public Key and Merchant Private Key`,
		};
	}
	const opened = openSignedWebhook(body.JWT, keys.keySets);
	if (!opened.verified) return { statusCode: 401, message: `${SIGNED_PREFIX}: ${opened.reason}` };
	return {
		body: opened.payload,
		rawBody: opened.payloadText,
		signature: { verified: true, kid: opened.kid },
	};
}
