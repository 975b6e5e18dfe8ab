'use strict';
/**
 * The sandbox's mandates and mandate debits domains (domains/mandates.js, domains/mandateDebits.js,
 * lib/mandateSetup.js). Over real sockets; the clock is the sandbox's (t.clock).
 */

const { readSample } = require('../harness/samples.js');
const { MERCHANT, T0, request, useSandbox, withSandbox } = require('./testkit.js');

const DAY = 86400;
const s0 = Math.floor(T0 / 1000);

const t = useSandbox();
const { sandbox, call } = t;

const command = (mandateId, form) => call('POST', `/mandates/${mandateId}`, { form });
const activeMandate = (extra = {}) =>
	sandbox.createMandate({ customerId: 'cst_a', maxAmount: 500, ...extra }).mandate_id;
const notify = (mandateId, fields = {}) =>
	command(mandateId, {
		command: 'pre_debit_notify',
		object_reference_id: 'ref1',
		description: 'December',
		source_info: JSON.stringify({ amount: '100', txn_date: String(s0 + 2 * DAY) }),
		...fields,
	});
const debit = (mandateId, fields = {}) =>
	call('POST', '/txns', {
		form: {
			'order.order_id': 'DEB1',
			'order.amount': '100',
			'order.customer_id': 'cst_a',
			mandate_id: mandateId,
			merchant_id: MERCHANT,
			format: 'json',
			...fields,
		},
	});

describe('registration with an order', () => {
	test('options.create_mandate makes a CREATED mandate, which the payment activates', async () => {
		const res = await t.createOrder({
			customer_id: 'cst_a',
			'options.create_mandate': 'REQUIRED',
			'mandate.max_amount': '1000',
			'mandate.frequency': 'MONTHLY',
			'mandate.rule_type': 'AFTER',
			'mandate.rule_value': '30',
		});
		expect(res.status).toBe(200);
		expect(sandbox.getOrder('ORD1').mandate).toMatchObject({
			mandate_status: 'CREATED',
			max_amount: 1000,
			frequency: 'MONTHLY',
			rule_type: 'AFTER',
			rule_value: 30,
		});
		sandbox.chargeOrder('ORD1');
		const { mandate_id: id, mandate_status: status } = sandbox.getOrder('ORD1').mandate;
		expect(status).toBe('ACTIVE');
		const list = await call('GET', '/customers/cst_a/mandates');
		expect(list.body).toMatchObject({ object: 'list', total: 1, count: 1, offset: 0 });
		expect(list.body.list[0]).toMatchObject({ mandate_id: id, status: 'ACTIVE' });
	});

	test.each([
		[
			{ 'options.create_mandate': undefined },
			400,
			'options.create_mandate must be REQUIRED or OPTIONAL',
		],
		[
			{ 'options.create_mandate': 'REQUIRED', 'mandate.max_amount': '100', customer_id: undefined },
			400,
			'Mandatory fields are missing: customer_id',
		],
		[
			{ 'mandate.max_amount': '0.5' },
			400,
			'mandate_max_amount should be greater than or equal to 1',
		],
		[{ 'mandate.start_date': String(s0 - 2 * DAY) }, 400, 'Start date passed is invalid'],
		[
			{ 'mandate.block_funds': 'true' },
			400,
			'Block fund should be false for recurring and true for OT mandate.',
		],
		[
			{ 'mandate.frequency': 'WEEKLY', 'mandate.rule_type': 'ON', 'mandate.rule_value': '8' },
			400,
			'mandate.rule_value is not valid for frequency WEEKLY',
		],
		[
			{ 'mandate.frequency': 'MONTHLY', 'mandate.rule_value': '3' },
			400,
			'Mandatory fields are missing: mandate.rule_type',
		],
	])('refuses %p', async (fields, status, message) => {
		const form = {
			customer_id: 'cst_a',
			'options.create_mandate': 'REQUIRED',
			'mandate.max_amount': '100',
			...fields,
		};
		for (const [k, v] of Object.entries(form)) if (v === undefined) delete form[k];
		const res = await t.createOrder(form);
		expect(res.status).toBe(status);
		expect(res.body.error_message).toBe(message);
		expect(sandbox.state.mandates.size).toBe(0);
	});

	test('the registration error bodies are the ones in Juspay samples', async () => {
		const res = await t.createOrder({
			customer_id: 'cst_a',
			'options.create_mandate': 'REQUIRED',
			'mandate.max_amount': '100',
			'mandate.block_funds': 'true',
		});
		const sample = readSample('session/payment-links/400-invalid-frequency.json');
		const { request_id: _r, ...info } = sample.error_info;
		expect(res.body).toEqual({ ...sample, error_info: info });
	});
});

describe('registration fields in a JSON body (POST /session)', () => {
	const { checkMandateSetup } = require('./lib/mandateSetup.js');

	test('reads JSON booleans and numbers as Juspay does', () => {
		const base = { customer_id: 'c', 'options.create_mandate': 'REQUIRED' };
		expect(
			checkMandateSetup(
				{
					...base,
					'mandate.max_amount': 100,
					'mandate.frequency': 'ONETIME',
					'mandate.block_funds': true,
				},
				s0,
			),
		).toBeNull();
		expect(
			checkMandateSetup({ ...base, 'mandate.max_amount': 100, 'mandate.block_funds': true }, s0)
				.error_code,
		).toBe('INVALID_BLOCK_FUNDS');
		expect(
			checkMandateSetup(
				{ ...base, 'mandate.max_amount': 100, 'mandate.revokable_by_customer': 'yes' },
				s0,
			).error_message,
		).toBe('mandate.revokable_by_customer must be true or false');
	});
});

describe('POST /mandates/{id}: the state machine', () => {
	test('check_status answers with the keys of Juspay sample, `status` included', async () => {
		const id = activeMandate();
		const res = await command(id, { command: 'check_status' });
		expect(res.status).toBe(200);
		const sampleKeys = Object.keys(readSample('mandates/check-status/active.json'));
		expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(sampleKeys.sort()));
		expect(res.body.status).toBe('ACTIVE');
	});

	test('ACTIVE → PAUSED → ACTIVE → REVOKED, each step refused from the wrong state', async () => {
		const id = activeMandate();
		expect((await command(id, { command: 'resume' })).body.error_message).toBe(
			'Mandate Not in Active State',
		);
		const paused = await command(id, { command: 'pause' });
		expect(paused.body).toMatchObject({
			mandate_status: 'PAUSED',
			response_message: 'Mandate is Paused.',
		});
		expect((await command(id, { command: 'revoke' })).body.error_message).toBe(
			'Mandate Not in Active State',
		);
		const resumed = await command(id, { command: 'resume' });
		expect(resumed.body).toMatchObject({
			mandate_status: 'ACTIVE',
			response_message: 'Mandate is Resumed.',
		});
		const revoked = await command(id, { command: 'revoke' });
		expect(revoked.body).toEqual({ mandate_status: 'REVOKED', mandate_id: id });
		const resumeRevoked = await command(id, { command: 'resume' });
		expect(resumeRevoked.status).toBe(400);
		expect(resumeRevoked.body.message).toBe('Mandate is in REVOKED state.');
	});

	test('a scheduled pause starts, and ends, on the clock', async () => {
		const id = activeMandate();
		const res = await command(id, {
			command: 'pause',
			pause_start_date: String(s0 + DAY),
			pause_end_date: String(s0 + 3 * DAY),
		});
		expect(res.body).toMatchObject({
			mandate_status: 'ACTIVE',
			response_message: 'Pause mandate is scheduled',
			pause_start_date: new Date((s0 + DAY) * 1000).toISOString().replace('.000', ''),
		});
		t.clock += 2 * DAY * 1000;
		expect(sandbox.getMandate(id).status).toBe('PAUSED');
		t.clock += 2 * DAY * 1000;
		expect(sandbox.getMandate(id).status).toBe('ACTIVE');
	});

	test('a mandate past its end date is EXPIRED', async () => {
		const id = activeMandate();
		t.clock += 31 * 365 * DAY * 1000;
		expect((await command(id, { command: 'check_status' })).body.status).toBe('EXPIRED');
	});

	test.each([
		[{}, 'Bad request.'],
		[{ command: 'explode' }, 'command is not a valid command'],
		[{ command: 'revoke', reason: 'x' }, 'Unknown field: reason'],
		[{ command: 'pause', pause_end_date: 'soon' }, 'pause_end_date must be UNIX seconds'],
		[
			{ command: 'pause', pause_start_date: String(s0 + DAY), pause_end_date: String(s0 + 10) },
			'pause_end_date must be after pause_start_date',
		],
	])('refuses %p', async (form, message) => {
		const res = await command(activeMandate(), form);
		expect(res.status).toBe(400);
		expect(res.body.error_message).toBe(message);
	});

	test('an unknown mandate gets Juspay "Mandate not found" body', async () => {
		const res = await command('nope', { command: 'check_status' });
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({
			status: 'invalid_request_error',
			error_code: 'Mandate not found',
			error_info: { code: 'RESOURCE_NOT_FOUND' },
		});
	});
});

describe('pre-debit notifications', () => {
	test('CREATED at Juspay → PENDING at the gateway → SUCCESS, by id or object_reference_id', async () => {
		const id = activeMandate();
		const sent = await notify(id);
		expect(sent.status).toBe(200);
		expect(sent.body).toMatchObject({
			status: 'PENDING',
			object: 'notification',
			mandate: { mandate_id: id },
		});
		expect(Object.keys(sent.body)).toEqual(
			expect.arrayContaining(Object.keys(readSample('mandates/notification/response.json'))),
		);
		const byId = await call('GET', `/notifications/${sent.body.id}`);
		const byRef = await call('GET', '/notifications/ref1');
		expect(byId.body.status).toBe('SUCCESS');
		expect(byRef.body.id).toBe(sent.body.id);
	});

	test('the gateway can fail it (notificationOutcome)', async () => {
		await withSandbox({ notificationOutcome: 'FAILURE' }, async (other) => {
			const id = other.createMandate({ customerId: 'c', maxAmount: 10 }).mandate_id;
			await request(other.url, 'POST', `/mandates/${id}`, {
				form: {
					command: 'pre_debit_notify',
					object_reference_id: 'r',
					description: 'd',
					source_info: JSON.stringify({
						amount: '1',
						txn_date: String(Math.floor(Date.now() / 1000) + DAY),
					}),
				},
			});
			expect(other.getNotification('r').status).toBe('FAILURE');
		});
	});

	test.each([
		[
			{ object_reference_id: 'ref-1' },
			'object_reference_id must be alphanumeric, at most 25 characters',
		],
		[{ description: 'x'.repeat(51) }, 'description must be at most 50 characters'],
		[{ source_info: '{"amount":"1"' }, 'source_info must be a JSON object string'],
		[
			{ source_info: JSON.stringify({ amount: '1', txn_date: String(s0 - 5) }) },
			'source_info.txn_date must be a future date in UNIX seconds, as text',
		],
		[
			{ source_info: JSON.stringify({ amount: '1', txn_date: String(s0 + DAY), extra: 1 }) },
			'Unknown field: source_info.extra',
		],
		[
			{ source_info: JSON.stringify({ amount: '600', txn_date: String(s0 + DAY) }) },
			'Order amount greater than mandate max amount (500)',
		],
		[{ description: '' }, 'Mandatory fields are missing: description'],
	])('refuses %p', async (fields, message) => {
		const res = await notify(activeMandate(), fields);
		expect(res.status).toBe(400);
		expect(res.body.error_message).toBe(message);
	});

	test('refuses a second notification with the same object_reference_id', async () => {
		const id = activeMandate();
		await notify(id);
		const again = await notify(id);
		expect(again.status).toBe(400);
		expect(again.body.error_info.code).toBe('ALREADY_EXISTS');
		expect(sandbox.state.notifications.size).toBe(1);
	});
});

describe('POST /txns: mandate execution', () => {
	async function notified(extra) {
		const id = activeMandate(extra);
		const sent = await notify(id, {
			source_info: JSON.stringify({ amount: '100', txn_date: String(s0 + 2 * DAY) }),
		});
		return { id, notificationId: sent.body.id };
	}

	test('creates a PENDING_VBV order, shaped like Juspay sample; the debit settles to CHARGED', async () => {
		const { id, notificationId } = await notified();
		const res = await debit(id, { 'mandate.notification_id': notificationId });
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(
			expect.arrayContaining(Object.keys(readSample('mandates/execution/response.json'))),
		);
		expect(res.body).toMatchObject({
			order_id: 'DEB1',
			status: 'PENDING_VBV',
			txn_id: `${MERCHANT}-DEB1-1`,
		});
		const status = await call('GET', '/orders/DEB1');
		expect(status.body).toMatchObject({
			status: 'PENDING_VBV',
			status_id: 23,
			mandate: { mandate_id: id },
		});
		sandbox.chargeOrder('DEB1');
		expect(sandbox.getOrder('DEB1')).toMatchObject({ status: 'CHARGED', txn_id: res.body.txn_id });
	});

	test('answers DUPLICATE_ORDER_ID for an order id it has, and debits once', async () => {
		const { id, notificationId } = await notified();
		await debit(id, { 'mandate.notification_id': notificationId });
		const again = await debit(id, { 'mandate.notification_id': notificationId });
		expect(again.status).toBe(400);
		expect(again.body).toEqual({
			status_id: 40,
			status: 'DUPLICATE_ORDER_ID',
			error_message: 'Order already exists with the given order_id',
		});
		expect(sandbox.state.orders.size).toBe(1);
	});

	test('a fault after the commit keeps the debit', async () => {
		const { id, notificationId } = await notified();
		sandbox.injectFault({ method: 'POST', path: '/txns', status: 502, afterCommit: true });
		const res = await debit(id, { 'mandate.notification_id': notificationId });
		expect(res.status).toBe(502);
		expect(sandbox.getOrder('DEB1').status).toBe('PENDING_VBV');
	});

	test.each([
		[{}, 'mandate.notification_id is mandatory.'],
		[{ 'mandate.notification_id': '999' }, 'Notification record not found for 999'],
		[
			{ 'order.amount': '600', withNotification: true },
			'Order amount greater than mandate max amount (500)',
		],
		[{ 'order.amount': '1.234', withNotification: true }, 'Invalid order amount'],
		[{ format: 'xml', withNotification: true }, 'format must be json'],
		[{ merchant_id: 'someone', withNotification: true }, 'merchant_id does not match x-merchantid'],
		[{ 'order.customer_id': 'cst_b', withNotification: true }, 'Mandate not found'],
		[{ 'order.udf1': 'x', withNotification: true }, 'Unknown field: order.udf1'],
		[{ 'order.order_id': 'DEB-1', withNotification: true }, 'order.order_id must be alphanumeric'],
	])('refuses %p', async ({ withNotification, ...fields }, message) => {
		const { id, notificationId } = await notified();
		const res = await debit(id, {
			...(withNotification ? { 'mandate.notification_id': notificationId } : {}),
			...fields,
		});
		expect(res.status).toBe(400);
		expect(res.body.error_message).toBe(message);
		expect(sandbox.state.orders.size).toBe(0);
	});

	test('a FIXED mandate takes only its max amount', async () => {
		const { id, notificationId } = await notified({ amountRule: 'FIXED' });
		const res = await debit(id, { 'mandate.notification_id': notificationId });
		expect(res.body.error_message).toBe('Order amount not equal to mandate max amount.');
	});

	test('a PAUSED mandate cannot be debited', async () => {
		const { id, notificationId } = await notified();
		await command(id, { command: 'pause' });
		const res = await debit(id, { 'mandate.notification_id': notificationId });
		expect(res.body.error_message).toBe('Mandate Not in Active State');
	});
});
