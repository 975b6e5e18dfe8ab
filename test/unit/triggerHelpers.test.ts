import { Workflow, type INodeTypes, type IWebhookFunctions } from 'n8n-workflow';

import { basicAuthMatches } from '../../nodes/JuspayTrigger/helpers/basicAuth';
import { confirmOrder, orderNotFound } from '../../nodes/JuspayTrigger/helpers/confirmation';
import {
	ALL_EVENTS,
	eventOptions,
	eventOutput,
	isSelected,
	JUSPAY_EVENTS,
	parseJuspayEvent,
} from '../../nodes/JuspayTrigger/helpers/events';
import { respond } from '../../nodes/JuspayTrigger/helpers/respond';
import { JuspayTrigger } from '../../nodes/JuspayTrigger/JuspayTrigger.node';
import { listSamples, readSampleText } from '../harness/samples';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('basicAuthMatches', () => {
	const token = base64('juspay:s3cret-Pass');

	it.each([
		`Basic ${token}`,
		`basic ${token}`,
		`BASIC ${token}`,
		`bAsIc ${token}`,
		` Basic  ${token} `,
	])('accepts %p: the scheme name is case-insensitive', (header) => {
		expect(basicAuthMatches(header, 'juspay', 's3cret-Pass')).toBe(true);
	});

	it.each([
		['a wrong password', `Basic ${base64('juspay:wrong')}`],
		['a wrong username', `Basic ${base64('other:s3cret-Pass')}`],
		['the credentials in another case', `Basic ${base64('JUSPAY:S3CRET-PASS')}`],
		['another scheme', `Bearer ${token}`],
		['no scheme', token],
		['the scheme alone', 'Basic'],
		['a scheme glued to the token', `Basic${token}`],
		['two tokens', `Basic ${token} ${token}`],
		['an empty header', ''],
	])('refuses %s', (_, header) => {
		expect(basicAuthMatches(header, 'juspay', 's3cret-Pass')).toBe(false);
	});

	it('refuses a header that is not a string (absent, or sent twice)', () => {
		expect(basicAuthMatches(undefined, 'juspay', 's3cret-Pass')).toBe(false);
		expect(basicAuthMatches([`Basic ${token}`], 'juspay', 's3cret-Pass')).toBe(false);
	});

	it('compares the password byte for byte, UTF-8 included', () => {
		expect(basicAuthMatches(`basic ${base64('kāma:pässwörd')}`, 'kāma', 'pässwörd')).toBe(true);
		expect(basicAuthMatches(`basic ${base64('kāma:passwörd')}`, 'kāma', 'pässwörd')).toBe(false);
	});
});

describe('events', () => {
	describe('the Events options', () => {
		const options = eventOptions();

		it('start with All Events, which selects everything', () => {
			expect(options[0]).toEqual({
				name: 'All Events',
				value: ALL_EVENTS,
				description: 'Every event, including ones Juspay adds later',
			});
			expect(options.some((option) => option.name.includes('(*)'))).toBe(false);
		});

		it('list every Juspay event once, sorted by name', () => {
			const events = options.slice(1);
			expect(events).toHaveLength(JUSPAY_EVENTS.length);
			expect(new Set(events.map((option) => option.value)).size).toBe(events.length);
			const names = events.map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		});

		it("are named in Title Case, with Juspay's event name as value and in the description", () => {
			for (const option of options.slice(1)) {
				expect(option.value).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
				expect(option.name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
				expect(option.description.startsWith(`${option.value}: `)).toBe(true);
			}
			expect(options).toContainEqual({
				name: 'Order Succeeded',
				value: 'ORDER_SUCCEEDED',
				description: 'ORDER_SUCCEEDED: the payment was charged',
			});
		});

		it('include the event of every sample Juspay publishes', () => {
			const values = new Set(JUSPAY_EVENTS.map((option) => option.value));
			const names = listSamples('webhooks').flatMap((file) => {
				const parsed = parseJuspayEvent(undefined, readSampleText(`webhooks/${file}`));
				return 'event' in parsed ? [parsed.event.event_name] : [];
			});
			// 20 events; the two "response structure" templates are not JSON.
			expect(names).toHaveLength(20);
			expect(names.filter((name) => !values.has(name))).toEqual([]);
		});
	});

	describe('parseJuspayEvent', () => {
		it("reads Juspay's published ORDER_SUCCEEDED sample", () => {
			const parsed = parseJuspayEvent(undefined, readSampleText('webhooks/order_succeeded.json'));
			expect('event' in parsed && parsed.event.event_name).toBe('ORDER_SUCCEEDED');
		});

		it('prefers what n8n already parsed, and reads the raw body otherwise', () => {
			const event = { id: 'evt_1', event_name: 'ORDER_FAILED' };
			expect(parseJuspayEvent(event, 'not json')).toEqual({ event });
			expect(parseJuspayEvent({}, JSON.stringify(event))).toEqual({ event });
		});

		it.each([
			['not JSON', 'nope', 'The body is not valid JSON'],
			['a JSON array', '[1]', 'The body is not a JSON object'],
			['no event_name', '{"id":"evt_1"}', 'The body has no event_name'],
			['a blank event_name', '{"id":"evt_1","event_name":" "}', 'The body has no event_name'],
			['no id', '{"event_name":"ORDER_FAILED"}', 'The body has no event id'],
			['a numeric id', '{"id":7,"event_name":"ORDER_FAILED"}', 'The body has no event id'],
		])('says what is wrong with %s', (_, raw, problem) => {
			expect(parseJuspayEvent(undefined, raw)).toEqual({ problem });
		});
	});

	it('isSelected: All Events takes any name, including ones Juspay adds later', () => {
		expect(isSelected('ORDER_SUCCEEDED', [ALL_EVENTS])).toBe(true);
		expect(isSelected('SOMETHING_NEW', [ALL_EVENTS])).toBe(true);
		expect(isSelected('ORDER_SUCCEEDED', ['ORDER_FAILED', 'ORDER_SUCCEEDED'])).toBe(true);
		expect(isSelected('ORDER_SUCCEEDED', ['ORDER_FAILED'])).toBe(false);
		expect(isSelected('ORDER_SUCCEEDED', [])).toBe(false);
	});

	it('eventOutput: the event as sent, with its order on top when it has one', () => {
		const order = { order_id: 'ord1', status: 'CHARGED' };
		expect(
			eventOutput({ id: 'evt_1', event_name: 'ORDER_SUCCEEDED', content: { order }, extra: 1 }),
		).toEqual({
			id: 'evt_1',
			event_name: 'ORDER_SUCCEEDED',
			date_created: null,
			content: { order },
			order,
		});
		expect(
			eventOutput({ id: 'evt_2', event_name: 'MANDATE_CREATED', content: { mandate: {} } }),
		).not.toHaveProperty('order');
	});
});

describe('the trigger subtitle', () => {
	const subtitle = new JuspayTrigger().description.subtitle as string;
	const noNodeTypes = {
		getByName: () => undefined,
		getByNameAndVersion: () => undefined,
		getKnownTypes: () => ({}),
	};
	const evaluate = (events: string[]) =>
		new Workflow({
			nodes: [
				{ id: '1', name: 't', type: 'x', typeVersion: 1, position: [0, 0], parameters: { events } },
			],
			connections: {},
			active: false,
			nodeTypes: noNodeTypes as unknown as INodeTypes,
		}).expression.getParameterValue(subtitle, null, 0, 0, 't', [], 'internal', {});

	it.each([
		[[ALL_EVENTS], 'All events'],
		[['ORDER_SUCCEEDED', ALL_EVENTS], 'All events'],
		[['ORDER_SUCCEEDED'], 'ORDER_SUCCEEDED'],
		[['ORDER_SUCCEEDED', 'ORDER_FAILED', 'ORDER_REFUNDED'], '3 events'],
		[[], '0 events'],
	])('reads %p as %p, short enough for the canvas', (events, shown) => {
		expect(evaluate(events)).toBe(shown);
	});
});

describe('confirmation', () => {
	it('confirms an order whose status and amounts agree, numbers and numeric text alike', () => {
		expect(
			confirmOrder(
				{ status: 'CHARGED', amount: '100.00', amount_refunded: 0 },
				{ status: 'CHARGED', amount: 100, amount_refunded: '0' },
			),
		).toEqual({
			confirmed: true,
			status: 'CHARGED',
			amount: 100,
			amount_refunded: '0',
			mismatches: [],
		});
	});

	it('lists each field on which the webhook and the API disagree', () => {
		const confirmation = confirmOrder(
			{ status: 'CHARGED', amount: 100, amount_refunded: 0 },
			{ status: 'PENDING_VBV', amount: 90, amount_refunded: 0 },
		);
		expect(confirmation.confirmed).toBe(false);
		expect(confirmation.mismatches).toEqual(['status', 'amount']);
	});

	it('never counts a field Juspay masked as FILTERED, or did not send, as a mismatch', () => {
		const confirmation = confirmOrder(
			{ status: 'CHARGED', amount: 'FILTERED' },
			{ status: 'CHARGED', amount: 100, amount_refunded: 25 },
		);
		expect(confirmation).toMatchObject({ confirmed: true, mismatches: [], amount_refunded: 25 });
	});

	it('says the order is unknown to Order Status, with the HTTP status', () => {
		expect(orderNotFound(404)).toEqual({
			confirmed: false,
			status: null,
			amount: null,
			amount_refunded: null,
			mismatches: ['order_not_found'],
			message: 'Order Status answered HTTP 404',
		});
	});
});

describe('respond', () => {
	// The part of n8n's (Express) response object respond() uses, recording what it is told.
	function fakeContext() {
		const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
			headers: {},
		};
		const response = {
			status: (code: number) => {
				sent.status = code;
				return response;
			},
			setHeader: (name: string, value: string) => {
				sent.headers[name] = value;
			},
			json: (body: unknown) => {
				sent.body = body;
			},
		};
		const context = { getResponseObject: () => response } as unknown as IWebhookFunctions;
		return { context, sent };
	}

	it('answers with the status, headers and JSON body, and tells n8n not to answer again', () => {
		const { context, sent } = fakeContext();
		const result = respond(
			context,
			401,
			{ message: 'Authorization required' },
			{ 'WWW-Authenticate': 'Basic realm="Juspay webhook"' },
		);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(result).not.toHaveProperty('workflowData');
		expect(sent).toEqual({
			status: 401,
			headers: { 'WWW-Authenticate': 'Basic realm="Juspay webhook"' },
			body: { message: 'Authorization required' },
		});
	});

	it('sends no extra header unless asked', () => {
		const { context, sent } = fakeContext();
		respond(context, 413, { message: 'too large' });
		expect(sent.headers).toEqual({});
		expect(sent.status).toBe(413);
	});
});
