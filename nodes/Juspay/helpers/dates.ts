/**
 * n8n date-time parameters → Juspay's mandate dates (UNIX seconds, UTC). Pure functions: each
 * returns the value to send or throws InvalidParameterError naming the parameter.
 *
 * n8n's date picker gives a wall-clock time without an offset ("2026-12-05T10:00:00"), meant in
 * the workflow's time zone; expressions such as {{ $now.plus(1, 'day') }} give ISO text with an
 * offset, and some users pass UNIX seconds or milliseconds. All of these are accepted.
 */

import { InvalidParameterError } from './validation';

const NAIVE_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const EPOCH = /^\d{9,13}$/;
// Below this a number reads as seconds, above as milliseconds (both until the year 5138).
const SECONDS_LIMIT = 1e11;

/** Minutes the zone is ahead of UTC at the instant `utcMs` (e.g. +330 for Asia/Kolkata). */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const wallAsUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return Math.round((wallAsUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** A wall-clock time in `timeZone` as a UTC instant; a second pass gets DST edges right. */
function wallClockToUtcMs(wall: number, timeZone: string): number {
	const first = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
	return wall - zoneOffsetMinutes(first, timeZone) * 60000;
}

function invalidDate(parameter: string, value: unknown): InvalidParameterError {
	return new InvalidParameterError(
		`The ${parameter} ${JSON.stringify(value) ?? String(value)} is not a date and time`,
		'Pick a date and time, or use an expression such as {{ $now.plus(1, "day") }}, an ISO 8601 text like 2026-12-05T10:00:00+05:30, or UNIX seconds',
	);
}

/**
 * A date-time parameter as UNIX seconds, or undefined when it was left empty.
 * `timeZone` is the workflow's (this.getTimezone()), for values without an offset.
 */
export function optionalUnixSeconds(
	value: unknown,
	parameter: string,
	timeZone: string,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let ms: number;
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) throw invalidDate(parameter, value);
		ms = value < SECONDS_LIMIT ? value * 1000 : value;
	} else if (value instanceof Date) {
		ms = value.getTime();
	} else if (typeof value === 'string') {
		ms = parseDateText(value.trim(), timeZone);
	} else if (typeof (value as { toISO?: unknown }).toISO === 'function') {
		// A Luxon DateTime passed through unchanged by an expression.
		ms = Date.parse(String((value as { toISO: () => string }).toISO()));
	} else {
		throw invalidDate(parameter, value);
	}
	if (!Number.isFinite(ms)) throw invalidDate(parameter, value);
	return Math.floor(ms / 1000);
}

function parseDateText(text: string, timeZone: string): number {
	if (EPOCH.test(text)) {
		const n = Number(text);
		return n < SECONDS_LIMIT ? n * 1000 : n;
	}
	if (HAS_OFFSET.test(text)) return Date.parse(text);
	const m = NAIVE_DATE_TIME.exec(text);
	if (!m) return NaN;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = m;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(frac.padEnd(3, '0')));
	const check = new Date(wall);
	// Date.UTC rolls 2026-02-30 over to March: refuse instead of guessing.
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return NaN;
	return wallClockToUtcMs(wall, timeZone);
}

/** Like optionalUnixSeconds, but empty is refused. */
export function requireUnixSeconds(value: unknown, parameter: string, timeZone: string): number {
	const seconds = optionalUnixSeconds(value, parameter, timeZone);
	if (seconds === undefined) {
		throw new InvalidParameterError(
			`The ${parameter} is empty`,
			`Pick the date and time for ${parameter}`,
		);
	}
	return seconds;
}

/** Refuses a date Juspay needs in the future; `nowSeconds` is passed in so this stays pure. */
export function requireFuture(seconds: number, parameter: string, nowSeconds: number): number {
	if (seconds <= nowSeconds) {
		throw new InvalidParameterError(
			`The ${parameter} ${new Date(seconds * 1000).toISOString()} is in the past`,
			`Juspay needs ${parameter} in the future: pick a later date and time`,
		);
	}
	return seconds;
}

/** Refuses `later` unless it comes after `earlier` (e.g. a pause's end after its start). */
export function requireAfter(
	later: number,
	laterParameter: string,
	earlier: number,
	earlierParameter: string,
): number {
	if (later <= earlier) {
		throw new InvalidParameterError(
			`The ${laterParameter} is not after the ${earlierParameter}`,
			`Pick a ${laterParameter} later than the ${earlierParameter}`,
		);
	}
	return later;
}
