/**
 * Input checks that run before anything is sent to Juspay. Pure functions: each returns the
 * value to send or throws InvalidParameterError naming the parameter as the user sees it.
 */

export class InvalidParameterError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'InvalidParameterError';
	}
}

const AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
const ALPHANUMERIC_ID = /^[A-Za-z0-9]{1,20}$/;
// Lookups also accept ids created outside n8n: Juspay's own samples use ids such as sample_ord_200.
const LOOKUP_ID = /^[A-Za-z0-9_-]{1,20}$/;
const DIGITS = /^\d+$/;

/** A parameter value as trimmed text: strings and numbers only, anything else is empty. */
function asText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function display(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text === undefined ? String(value) : text;
}

/**
 * Amount in major units (rupees) as Juspay wants it: positive, at most two decimals.
 * Returns the canonical decimal text sent on the wire, e.g. 100.5 → "100.5", "10.00" → "10.00".
 */
export function requireAmount(value: unknown, parameter = 'Amount'): string {
	const text =
		typeof value === 'number' ? numberText(value) : typeof value === 'string' ? value.trim() : '';
	if (!AMOUNT_PATTERN.test(text) || Number(text) <= 0) {
		throw new InvalidParameterError(
			text === '' && typeof value !== 'number'
				? `The ${parameter} is empty`
				: `The ${parameter} ${display(value)} is not a valid amount`,
			`Enter a positive amount in major units (e.g. rupees) with at most two decimal places, e.g. 100.50`,
		);
	}
	return text;
}

function numberText(value: number): string {
	// A float such as 0.1 + 0.2 prints with many digits; that is refused rather than rounded,
	// because rounding money silently is worse than asking.
	return Number.isFinite(value) ? String(value) : '';
}

/** Ids Juspay restricts to alphanumerics, at most 20 characters (order ids, refund request ids). */
export function requireAlphanumericId(value: unknown, parameter: string): string {
	const text = asText(value);
	if (!ALPHANUMERIC_ID.test(text)) {
		throw new InvalidParameterError(
			`The ${parameter} ${display(value)} is not valid`,
			`Juspay accepts only letters and digits here, at most 20 characters, e.g. ord20261122A1`,
		);
	}
	return text;
}

/** An existing order's id, to look it up or refund it. */
export function requireOrderIdForLookup(value: unknown, parameter = 'Order ID'): string {
	const text = asText(value);
	if (!LOOKUP_ID.test(text)) {
		throw new InvalidParameterError(
			`The ${parameter} ${display(value)} is not valid`,
			`Juspay order ids are at most 20 characters of letters, digits, "_" or "-", e.g. ord20261122A1`,
		);
	}
	return text;
}

export function requireText(value: unknown, parameter: string): string {
	const text = asText(value);
	if (text === '') {
		throw new InvalidParameterError(`The ${parameter} is empty`, `Enter a value for ${parameter}`);
	}
	return text;
}

/** Juspay wants phone numbers as digits only, without "+" or a country code. */
export function requireDigits(value: unknown, parameter: string, example: string): string {
	const text = asText(value);
	if (!DIGITS.test(text)) {
		throw new InvalidParameterError(
			`The ${parameter} ${display(value)} must contain digits only`,
			`Remove spaces, "+" and other characters, e.g. ${example}`,
		);
	}
	return text;
}

/** Optional variant: undefined or '' stay unset, anything else must be digits. */
export function optionalDigits(
	value: unknown,
	parameter: string,
	example: string,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return requireDigits(value, parameter, example);
}

// An address Juspay's validators accept: one "@", no spaces, a dotted domain.
const EMAIL = /^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function requireEmail(value: unknown, parameter: string): string {
	const text = asText(value);
	if (!EMAIL.test(text)) {
		throw new InvalidParameterError(
			`The ${parameter} ${display(value)} is not an email address`,
			`Enter an address such as nathan@example.com`,
		);
	}
	return text;
}

/** A whole number of at least 1 (e.g. minutes); '' and unset stay unset. */
export function optionalPositiveInteger(value: unknown, parameter: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = asText(value);
	if (!/^\d+$/.test(text) || Number(text) < 1) {
		throw new InvalidParameterError(
			`The ${parameter} ${display(value)} is not a whole number of at least 1`,
			`Enter a whole number, e.g. 60, or remove the option`,
		);
	}
	return Number(text);
}

/** A full http(s) URL without query string or fragment, as Juspay wants return_url. */
export function requireReturnUrl(value: unknown, parameter = 'Return URL'): string {
	const text = asText(value);
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (
		!url ||
		(url.protocol !== 'https:' && url.protocol !== 'http:') ||
		text.includes('?') ||
		text.includes('#')
	) {
		throw new InvalidParameterError(
			`The ${parameter} ${display(value)} is not a URL Juspay accepts`,
			'Enter a full http(s) URL without query string or fragment, e.g. https://shop.example.com/payment/done',
		);
	}
	return text;
}
