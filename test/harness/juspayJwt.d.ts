export interface PemPair {
	publicKey: string;
	privateKey: string;
}

export interface TestKeySet {
	kid: string;
	juspay: PemPair;
	merchant: PemPair;
}

export type JwsShape = 'compact' | 'json' | 'flattened';

export function generateKeySet(kid: string): TestKeySet;
export function credentialKeys(current: TestKeySet, previous?: TestKeySet): Record<string, string>;
export function signJws(
	event: unknown,
	privateKey: string,
	options?: { kid?: string; alg?: string; shape?: JwsShape; header?: Record<string, unknown> },
): string;
export function encryptJwe(
	plaintext: string,
	publicKey: string,
	options?: { kid?: string; alg?: string; enc?: string; header?: Record<string, unknown> },
): string;
export function signedWebhook(
	event: unknown,
	keySet: TestKeySet,
	options?: { alg?: string; shape?: JwsShape; signWith?: string; jwsAlg?: string },
): { JWT: string };
export function tamperJwt(jwt: string, which: number): string;
export function b64url(data: string | Buffer): string;
