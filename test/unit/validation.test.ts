import {
	InvalidParameterError,
	optionalDigits,
	requireAlphanumericId,
	requireAmount,
	requireDigits,
	requireOrderIdForLookup,
	requireText,
	requireEmail,
	optionalPositiveInteger,
	requireReturnUrl,
} from '../../nodes/Juspay/helpers/validation';

function problemOf(check: () => unknown): InvalidParameterError {
	let refusal: unknown;
	try {
		check();
	} catch (error) {
		refusal = error;
	}
	expect(refusal).toBeInstanceOf(InvalidParameterError);
	return refusal as InvalidParameterError;
}

describe('requireAmount', () => {
	it.each([
		[100, '100'],
		[100.5, '100.5'],
		[0.01, '0.01'],
		['10.00', '10.00'],
		[' 7.25 ', '7.25'],
	])('accepts %p as %p', (value, sent) => {
		expect(requireAmount(value)).toBe(sent);
	});

	it.each([0, -1, 1.005, 0.1 + 0.2, '1e3', '', 'abc', NaN, Infinity, null, undefined, '0.00'])(
		'refuses %p',
		(value) => {
			const problem = problemOf(() => requireAmount(value));
			expect(problem.message).toMatch(/^The Amount (.+ is not a valid amount|is empty)$/);
			expect(problem.description).toContain('at most two decimal places');
		},
	);

	it.each(['', '   ', null, undefined])('says that %p is empty', (value) => {
		expect(problemOf(() => requireAmount(value)).message).toBe('The Amount is empty');
	});

	it('names the parameter it was given', () => {
		expect(problemOf(() => requireAmount(-3, 'Refund Amount')).message).toBe(
			'The Refund Amount -3 is not a valid amount',
		);
	});
});

describe('ids', () => {
	it('accepts alphanumeric ids up to 20 characters', () => {
		expect(requireAlphanumericId('abcDEF1234567890abcd', 'Order ID')).toBe('abcDEF1234567890abcd');
		expect(requireAlphanumericId(12345, 'Order ID')).toBe('12345');
	});

	it.each(['', 'a-b', 'a_b', 'a b', 'abcDEF1234567890abcde', 'ordér1'])('refuses %p', (value) => {
		expect(problemOf(() => requireAlphanumericId(value, 'Unique Request ID')).message).toBe(
			`The Unique Request ID ${value} is not valid`,
		);
	});

	it('looks up existing orders with "_" or "-" in their id, still at most 20 characters', () => {
		expect(requireOrderIdForLookup('sample_ord_200')).toBe('sample_ord_200');
		expect(problemOf(() => requireOrderIdForLookup('ord/../x')).message).toBe(
			'The Order ID ord/../x is not valid',
		);
	});
});

describe('text and digits', () => {
	it('refuses empty required text', () => {
		expect(problemOf(() => requireText('  ', 'Customer ID')).message).toBe(
			'The Customer ID is empty',
		);
	});

	it('keeps digits and refuses anything else', () => {
		expect(requireDigits('9988776655', 'Mobile Number', '9988776655')).toBe('9988776655');
		expect(
			problemOf(() => requireDigits('+919988776655', 'Mobile Number', '9988776655')).message,
		).toBe('The Mobile Number +919988776655 must contain digits only');
		expect(optionalDigits('', 'Mobile Country Code', '91')).toBeUndefined();
		expect(optionalDigits(undefined, 'Mobile Country Code', '91')).toBeUndefined();
		expect(optionalDigits('91', 'Mobile Country Code', '91')).toBe('91');
	});
});

describe('requireEmail, optionalPositiveInteger, requireReturnUrl', () => {
	it('accepts an e-mail address and refuses what is not one, naming the parameter', () => {
		expect(requireEmail(' asha@example.co.in ', 'Customer Email')).toBe('asha@example.co.in');
		for (const bad of ['asha', 'asha@', '@example.com', 'a sha@example.com', 'asha@example']) {
			expect(problemOf(() => requireEmail(bad, 'Customer Email')).message).toBe(
				`The Customer Email ${bad} is not an email address`,
			);
		}
	});

	it('takes whole minutes of at least 1, and leaves an empty option unset', () => {
		expect(optionalPositiveInteger(30, 'Link Expiry')).toBe(30);
		expect(optionalPositiveInteger('', 'Link Expiry')).toBeUndefined();
		for (const bad of [0, 1.5, '-3', 'soon']) {
			expect(problemOf(() => optionalPositiveInteger(bad, 'Link Expiry')).message).toContain(
				'The Link Expiry',
			);
		}
	});

	it('takes a full http(s) URL without query or fragment', () => {
		expect(requireReturnUrl('https://shop.example.com/done')).toBe('https://shop.example.com/done');
		for (const bad of [
			'shop.example.com',
			'ftp://x.example',
			'https://x.example/?a=1',
			'https://x.example/#f',
		]) {
			expect(problemOf(() => requireReturnUrl(bad)).description).toContain('without query string');
		}
	});
});
