'use strict';
/**
 * The sandbox's pure helpers (lib/money.js, lib/body.js).
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { parseAmountToPaise, paiseToAmount } = require('./lib/money.js');
const { isFormContentType } = require('./lib/body.js');

describe('pure helpers', () => {
	test('parseAmountToPaise', () => {
		expect(parseAmountToPaise('100')).toEqual({ paise: 10000 });
		expect(parseAmountToPaise('100.15')).toEqual({ paise: 10015 });
		expect(parseAmountToPaise('0.1')).toEqual({ paise: 10 });
		expect(parseAmountToPaise('100.1532')).toEqual({ error: 'decimals' });
		for (const bad of ['0', '-1', '', ' 1', '1.', '.5', '01', '1e2', '12345678901234']) {
			expect([bad, parseAmountToPaise(bad)]).toEqual([bad, { error: 'invalid' }]);
		}
		expect(paiseToAmount(4050)).toBe(40.5);
		expect(paiseToAmount(30)).toBe(0.3);
	});

	test('isFormContentType', () => {
		expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
		expect(isFormContentType('Application/X-WWW-Form-Urlencoded; charset=utf-8')).toBe(true);
		expect(isFormContentType('application/x-www-form-urlencoded; charset=latin1')).toBe(false);
		expect(isFormContentType('application/json')).toBe(false);
		expect(isFormContentType(undefined)).toBe(false);
	});
});
