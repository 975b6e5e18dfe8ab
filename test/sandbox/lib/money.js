'use strict';
/**
 * Money is kept in integer paise so refunds never drift (0.1 + 0.2 !== 0.3 in floats).
 */

/**
 * Parses a Juspay amount ("100", "100.5", "100.15") into integer paise.
 * Returns { paise } or { error: 'decimals' | 'invalid' } so callers can choose their error body.
 */
function parseAmountToPaise(raw) {
	if (typeof raw !== 'string') return { error: 'invalid' };
	const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
	if (!m) return { error: 'invalid' };
	const [, sign, whole, frac = ''] = m;
	if (frac.length > 2) return { error: 'decimals' };
	// Leading zeros ("0100") are not a number format Juspay documents; 13 integer digits keeps
	// paise inside Number.MAX_SAFE_INTEGER.
	if ((whole.length > 1 && whole.startsWith('0')) || whole.length > 13) return { error: 'invalid' };
	const paise = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	if (sign === '-' || paise <= 0) return { error: 'invalid' };
	return { paise };
}

/** Paise → the JSON number Juspay returns (e.g. 9000, 90, 100.5). Integer / 100 is exact enough. */
const paiseToAmount = (paise) => paise / 100;

module.exports = { parseAmountToPaise, paiseToAmount };
