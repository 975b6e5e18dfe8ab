import {
	optionalUnixSeconds,
	requireAfter,
	requireFuture,
	zoneOffsetMinutes,
} from '../../nodes/Juspay/helpers/dates';
import { describeJuspayError } from '../../nodes/Juspay/helpers/errorHandler';
import { simplifyMandate, simplifyNotification } from '../../nodes/Juspay/helpers/simplify';
import {
	deriveRetryStableId,
	deriveUniqueRequestId,
} from '../../nodes/Juspay/helpers/uniqueRequestId';
import { mandateSetupFields, mandateSetupJson } from '../../nodes/Juspay/shared/mandateSetup';
import { readSample } from '../harness/samples';

describe('dates: n8n date-time parameters to UNIX seconds', () => {
	it.each([
		['ISO with Z', '2026-12-05T10:00:00Z', 'Asia/Kolkata', 1796464800],
		['ISO with an offset', '2026-12-05T15:30:00+05:30', 'UTC', 1796464800],
		['wall-clock time in the workflow zone', '2026-12-05T15:30:00', 'Asia/Kolkata', 1796464800],
		['wall-clock time in UTC', '2026-12-05T10:00:00', 'UTC', 1796464800],
		['a date only, at midnight in the zone', '2026-12-05', 'Asia/Kolkata', 1796409000],
		['UNIX seconds as text', '1796464800', 'UTC', 1796464800],
		['UNIX seconds', 1796464800, 'UTC', 1796464800],
		['UNIX milliseconds', 1796464800123, 'UTC', 1796464800],
		['a Date', new Date(1796464800000), 'UTC', 1796464800],
		['a Luxon-like DateTime', { toISO: () => '2026-12-05T10:00:00.000Z' }, 'UTC', 1796464800],
	])('reads %s', (_case, value, zone, expected) => {
		expect(optionalUnixSeconds(value, 'Start Date', zone)).toBe(expected);
	});

	it('gets daylight saving time right in zones that have it', () => {
		// New York: UTC-5 in January, UTC-4 in July.
		expect(optionalUnixSeconds('2026-01-15T09:00:00', 'D', 'America/New_York')).toBe(
			Date.UTC(2026, 0, 15, 14) / 1000,
		);
		expect(optionalUnixSeconds('2026-07-15T09:00:00', 'D', 'America/New_York')).toBe(
			Date.UTC(2026, 6, 15, 13) / 1000,
		);
		expect(zoneOffsetMinutes(Date.UTC(2026, 6, 15), 'Asia/Kolkata')).toBe(330);
	});

	it.each([undefined, null, ''])('treats %p as not given', (value) => {
		expect(optionalUnixSeconds(value, 'Start Date', 'UTC')).toBeUndefined();
	});

	it.each(['tomorrow', '2026-02-30T10:00:00', '2026-13-01', -5, true, {}])(
		'refuses %p, naming the parameter',
		(value) => {
			expect(() => optionalUnixSeconds(value, 'Pause End Date', 'UTC')).toThrow(
				/^The Pause End Date .* is not a date and time$/,
			);
		},
	);

	it('refuses past dates and an end before its start', () => {
		expect(requireFuture(101, 'Debit Date', 100)).toBe(101);
		expect(() => requireFuture(100, 'Debit Date', 100)).toThrow(
			'The Debit Date 1970-01-01T00:01:40.000Z is in the past',
		);
		expect(requireAfter(5, 'End', 4, 'Start')).toBe(5);
		expect(() => requireAfter(4, 'End', 4, 'Start')).toThrow('The End is not after the Start');
	});
});

describe('retry-stable ids', () => {
	const attempt = { executionId: '42', nodeId: 'n1', runIndex: 0, itemIndex: 3 };

	it('has the length asked for, letters and digits only, and the same value for the same attempt', () => {
		const id = deriveRetryStableId(attempt, ['m1', '499'], 25);
		expect(id).toMatch(/^n8n[0-9a-f]{22}$/);
		expect(deriveRetryStableId({ ...attempt }, ['m1', '499'], 25)).toBe(id);
		expect(deriveRetryStableId(attempt, ['m1', '499'], 20)).toHaveLength(20);
	});

	it('changes with the execution, the item and the subject', () => {
		const id = deriveRetryStableId(attempt, ['m1', '499'], 20);
		expect(deriveRetryStableId({ ...attempt, executionId: '43' }, ['m1', '499'], 20)).not.toBe(id);
		expect(deriveRetryStableId({ ...attempt, itemIndex: 4 }, ['m1', '499'], 20)).not.toBe(id);
		expect(deriveRetryStableId(attempt, ['m1', '500'], 20)).not.toBe(id);
	});

	it('keeps the refund ids it derived before', () => {
		expect(deriveUniqueRequestId({ ...attempt, orderId: 'o', amount: '1' })).toBe(
			deriveRetryStableId(attempt, ['o', '1'], 20),
		);
	});
});

describe('simplifyMandate', () => {
	it.each([
		['check-status/active.json', 'ACTIVE'],
		['check-status/revoked.json', 'REVOKED'],
		['pause/response.json', 'PAUSED'],
		['resume/response.json', 'ACTIVE'],
		['revoke/upi.json', 'REVOKED'],
	])('gives one status field for %s', (file, status) => {
		const simple = simplifyMandate(readSample(`mandates/${file}`));
		expect(simple.status).toBe(status);
		expect(Object.keys(simple)).toHaveLength(10);
	});

	it("keeps Juspay's names and the payment method type", () => {
		expect(simplifyMandate(readSample('mandates/check-status/active.json'))).toEqual({
			mandate_id: 'hyhTD5Ga4jJ2KXZwwnyh4A',
			status: 'ACTIVE',
			mandate_type: 'EMANDATE',
			amount_rule: 'VARIABLE',
			max_amount: 20,
			frequency: 'ASPRESENTED',
			start_date: '1686293709',
			end_date: '2633068438',
			customer_id: 'cst_z1fsoxwyhvp5gj13',
			payment_method_type: 'UPI',
		});
	});

	it('handles payment_info masked as "FILTERED" in webhooks', () => {
		const event = readSample('webhooks/mandate_paused.json');
		const mandate = (event.content as Record<string, Record<string, unknown>>).mandate;
		expect(simplifyMandate(mandate as never)).toMatchObject({
			status: 'PAUSED',
			payment_method_type: null,
		});
	});
});

describe('simplifyNotification', () => {
	it("flattens Juspay's notification sample", () => {
		expect(simplifyNotification(readSample('mandates/notification/response.json'))).toEqual({
			id: '1957069',
			object_reference_id: '2QNPw8KSbpHL122bNPgAK07',
			status: 'SUCCESS',
			mandate_id: '4rKxSj3bNXs7RQcdtajAkb',
			amount: '1',
			txn_date: '1634057114',
			description: 'Notification for upcoming mandate',
			provider_name: 'BILLDESK',
			date_created: '1644071838',
			last_updated: '1644071838',
		});
	});
});

describe('mandate errors, in Juspay words with a fix', () => {
	it.each([
		[
			{
				status: 'Invalid Request',
				error_code: 'BAD_REQUEST',
				error_message: 'Mandate Not in Active State',
				error_info: { code: 'INVALID_ACTION', category: 'USER_ERROR' },
			},
			'Mandate Not in Active State',
			'only on an ACTIVE mandate, and Resume only on a PAUSED one',
		],
		[
			{
				status: 'invalid_request_error',
				error_code: 'Mandate not found',
				error_message: 'Mandate not found',
				error_info: { code: 'RESOURCE_NOT_FOUND', category: 'USER_ERROR' },
			},
			'Mandate not found',
			'Check the Mandate ID',
		],
		[
			{
				status: 'Invalid Request',
				error_code: 'Invalid',
				error_message: 'Order amount greater than mandate max amount (1000)',
			},
			'Order amount greater than mandate max amount (1000)',
			'charge at most max_amount',
		],
		[
			{
				status: 'Invalid Request',
				error_code: 'Invalid',
				error_message: 'Order amount not equal to mandate max amount.',
			},
			'Order amount not equal to mandate max amount.',
			'Fixed amount rule',
		],
		[
			{
				status: 'Invalid Request',
				error_code: 'Invalid',
				error_message: 'mandate.notification_id is mandatory.',
			},
			'mandate.notification_id is mandatory.',
			'Send Pre-Debit Notification at least 24 hours before the debit',
		],
		[
			{
				status: 'Invalid Request',
				error_code: 'Invalid',
				error_message: 'Notification record not found for 123',
			},
			'Notification record not found for 123',
			'Check the Notification ID',
		],
		[
			{
				user_message: 'Resume action not allowed.',
				message: 'Mandate is in REVOKED state.',
				error_info: {
					user_message: 'Mandate is in REVOKED state.',
					developer_message: 'Resume action not allowed.',
					code: 'INVALID_INPUT',
				},
			},
			'Resume action not allowed.',
			'Resume only on a PAUSED one',
		],
	])('%p', (body, message, fix) => {
		const text = describeJuspayError(400, body);
		expect(text.message).toBe(message);
		expect(text.description).toContain(fix);
		expect(text.description).toContain('HTTP 400');
	});
});

describe('mandateSetupFields', () => {
	const context = { timeZone: 'Asia/Kolkata', nowSeconds: 1796400000 };

	it('gives nothing for an empty group', () => {
		expect(mandateSetupFields({}, context)).toEqual({});
	});

	it("gives Juspay's flat keys as text, and typed values for a JSON body", () => {
		const input = {
			createMandate: 'OPTIONAL',
			maxAmount: 999.5,
			frequency: 'FORTNIGHTLY',
			ruleType: 'BEFORE',
			ruleValue: 16,
			revokableByCustomer: true,
			endDate: '2027-12-05T00:00:00',
		};
		expect(mandateSetupFields(input, context)).toEqual({
			'options.create_mandate': 'OPTIONAL',
			'mandate.max_amount': '999.5',
			'mandate.frequency': 'FORTNIGHTLY',
			'mandate.end_date': String(Date.UTC(2027, 11, 4, 18, 30) / 1000),
			'mandate.rule_type': 'BEFORE',
			'mandate.rule_value': '16',
			'mandate.revokable_by_customer': 'true',
		});
		expect(mandateSetupJson(input, context)).toMatchObject({
			'mandate.revokable_by_customer': true,
			'mandate.max_amount': '999.5',
		});
	});

	it('accepts a start earlier today, which is still today', () => {
		const startOfDay = context.nowSeconds - (context.nowSeconds % 86400);
		expect(
			mandateSetupFields(
				{ createMandate: 'REQUIRED', maxAmount: 10, startDate: startOfDay + 1 },
				context,
			)['mandate.start_date'],
		).toBe(String(startOfDay + 1));
	});

	it.each([
		[
			{ frequency: 'WEEKLY', ruleType: 'ON', ruleValue: 0 },
			'The Rule Value 0 is out of range for WEEKLY',
		],
		[
			{ frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 32 },
			'The Rule Value 32 is out of range for MONTHLY',
		],
		[
			{ frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 2.5 },
			'The Rule Value 2.5 is out of range for MONTHLY',
		],
		[{ frequency: 'DAILY', ruleType: 'ON', ruleValue: 1 }, 'do not apply to the Frequency DAILY'],
		[{ frequency: 'HOURLY' }, 'The Frequency HOURLY is not valid'],
		[{ amountRule: 'SOMETIMES' }, 'The Amount Rule SOMETIMES is not valid'],
		[{ blockFunds: true }, 'Block Funds is only for One Time mandates'],
	])('refuses %p', (extra, message) => {
		expect(() =>
			mandateSetupFields({ createMandate: 'REQUIRED', maxAmount: 10, ...extra }, context),
		).toThrow(message);
	});
});
