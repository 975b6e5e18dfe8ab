import type { INodeParameters } from 'n8n-workflow';

import { runJuspayNode } from '../harness/workflowRunner';
import { EXPECTED_AUTHORIZATION, MERCHANT_ID, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

const DAY = 86400;
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** An instant as ISO text with an offset, as {{ $now.plus(…) }} gives it. */
const isoIn = (seconds: number) => new Date((nowSeconds() + seconds) * 1000).toISOString();
const secondsOf = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

function mandate(operation: string, parameters: Record<string, unknown> = {}, settings = {}) {
	return runJuspayNode({
		parameters: { resource: 'mandate', operation, ...parameters },
		credentials: fixture.credentials(),
		settings,
	});
}

function activeMandate(options: { maxAmount?: number; amountRule?: 'FIXED' | 'VARIABLE' } = {}) {
	const created = fixture.sandbox.createMandate({
		customerId: 'cst_gym42',
		maxAmount: options.maxAmount ?? 1000,
		amountRule: options.amountRule,
	});
	return created.mandate_id;
}

const only = (method: string, pathEnd: string) =>
	fixture.requests().filter((r) => r.method === method && r.path.endsWith(pathEnd));

describe('Mandate › Get', () => {
	it('posts command=check_status and returns the mandate; Simplify gives one status field', async () => {
		const mandateId = activeMandate();

		const raw = await mandate('get', { mandateId });
		const simple = await mandate('get', { mandateId, simplify: true });

		expect(raw.error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/mandates/${mandateId}`);
		expect(request.rawBody).toBe('command=check_status');
		expect(request.headers).toMatchObject({
			authorization: EXPECTED_AUTHORIZATION,
			'x-merchantid': MERCHANT_ID,
			'x-routing-id': mandateId,
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(raw.items[0].json).toMatchObject({ mandate_id: mandateId, status: 'ACTIVE' });
		expect(simple.items[0].json).toEqual({
			mandate_id: mandateId,
			status: 'ACTIVE',
			mandate_type: 'EMANDATE',
			amount_rule: 'VARIABLE',
			max_amount: 1000,
			frequency: 'ASPRESENTED',
			start_date: expect.stringMatching(/^\d+$/),
			end_date: expect.stringMatching(/^\d+$/),
			customer_id: 'cst_gym42',
			payment_method_type: 'UPI',
		});
	});

	it('sends the Customer ID, when given, as x-routing-id, as Juspay recommends', async () => {
		const mandateId = activeMandate();

		await mandate('get', { mandateId, customerId: 'cst_gym42' });
		await mandate('revoke', { mandateId, customerId: 'cst_gym42' });

		expect(fixture.requests().map((r) => r.headers['x-routing-id'])).toEqual([
			'cst_gym42',
			'cst_gym42',
		]);
	});

	it("fails in Juspay's words, with a fix, for a mandate Juspay does not know", async () => {
		const { error } = await mandate('get', { mandateId: 'noSuchMandate1' });

		expect(error?.message).toBe('Mandate not found for customer.');
		expect(error?.description).toContain('Check the Mandate ID');
		expect(error?.description).toContain('error code: Mandate not found');
	});

	it('refuses an empty Mandate ID before sending', async () => {
		const { error } = await mandate('get', { mandateId: '  ' });

		expect(error?.message).toBe('The Mandate ID is empty');
		expect(fixture.requests()).toHaveLength(0);
	});
});

describe('Mandate › Get Many', () => {
	it('returns one item per mandate of the customer, from GET /customers/{id}/mandates', async () => {
		const first = activeMandate();
		const second = activeMandate({ maxAmount: 200 });
		fixture.sandbox.createMandate({ customerId: 'cst_other', maxAmount: 5 });

		const { items, error } = await mandate('getAll', {
			customerId: 'cst_gym42',
			returnAll: true,
			simplify: true,
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/customers/cst_gym42/mandates');
		expect(request.headers['x-routing-id']).toBe('cst_gym42');
		expect(items.map((item) => item.json.mandate_id)).toEqual([first, second]);
		expect(items.map((item) => item.json.max_amount)).toEqual([1000, 200]);
		expect(items.every((item) => item.json.status === 'ACTIVE')).toBe(true);
	});

	it('stops at the limit unless Return All is on', async () => {
		activeMandate();
		activeMandate();
		activeMandate();

		const { items } = await mandate('getAll', { customerId: 'cst_gym42', limit: 2 });

		expect(items).toHaveLength(2);
		expect(items[0].json).toHaveProperty('mandate_token');
	});

	it('fails for a customer Juspay does not know', async () => {
		const { error } = await mandate('getAll', { customerId: 'nobody123', returnAll: true });

		expect(error?.message).toBe('Cannot find what you are looking for');
		expect(error?.description).toContain('Check the Customer ID');
	});
});

describe('Mandate › Pause and Resume', () => {
	it('sends the dates as UNIX seconds and pauses; Resume makes it active again', async () => {
		const mandateId = activeMandate();
		const start = isoIn(60);
		const end = isoIn(10 * DAY);

		const paused = await mandate('pause', {
			mandateId,
			pauseStartDate: start,
			pauseEndDate: end,
			simplify: true,
		});

		expect(paused.error).toBeUndefined();
		expect(only('POST', `/mandates/${mandateId}`)[0].rawBody).toBe(
			`command=pause&pause_start_date=${secondsOf(start)}&pause_end_date=${secondsOf(end)}`,
		);
		// Scheduled for a minute from now: Juspay says so, and the mandate is still active.
		expect(fixture.sandbox.getMandate(mandateId)?.status).toBe('ACTIVE');

		const resumeOnActive = await mandate('resume', { mandateId });
		expect(resumeOnActive.error?.message).toBe('Mandate Not in Active State');
	});

	it('pauses now when no start is given, and resumes', async () => {
		const mandateId = activeMandate();

		const paused = await mandate('pause', { mandateId, simplify: true });
		const resumed = await mandate('resume', { mandateId, simplify: true });

		expect(paused.error).toBeUndefined();
		expect(paused.items[0].json.status).toBe('PAUSED');
		expect(resumed.error).toBeUndefined();
		expect(resumed.items[0].json.status).toBe('ACTIVE');
		const bodies = only('POST', `/mandates/${mandateId}`).map((r) => r.rawBody);
		expect(bodies).toEqual(['command=pause', 'command=resume']);
	});

	it('sends a resume date as UNIX seconds', async () => {
		const mandateId = activeMandate();
		await mandate('pause', { mandateId });
		const resumeDate = isoIn(2 * DAY);

		const { error, items } = await mandate('resume', { mandateId, resumeDate });

		expect(error).toBeUndefined();
		expect(only('POST', `/mandates/${mandateId}`)[1].rawBody).toBe(
			`command=resume&resume_date=${secondsOf(resumeDate)}`,
		);
		expect(items[0].json.response_message).toBe('Mandate is Resumed.');
	});

	it.each([
		[
			{ pauseStartDate: isoIn(5 * DAY), pauseEndDate: isoIn(2 * DAY) },
			'The Pause End Date is not after the Pause Start Date',
		],
		[{ pauseEndDate: isoIn(-DAY) }, /^The Pause End Date .* is in the past$/],
		[{ pauseStartDate: isoIn(-DAY) }, /^The Pause Start Date .* is in the past$/],
		[{ pauseEndDate: 'next tuesday' }, 'The Pause End Date "next tuesday" is not a date and time'],
	])('refuses %p before sending', async (dates, message) => {
		const { error } = await mandate('pause', { mandateId: 'm1', ...dates });

		expect(error?.message).toMatch(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('says which states allow the operation when the mandate is not active', async () => {
		const mandateId = fixture.sandbox.createMandate({
			customerId: 'cst_gym42',
			maxAmount: 10,
			status: 'REVOKED',
		}).mandate_id;

		const { error } = await mandate('pause', { mandateId });

		expect(error?.message).toBe('Mandate Not in Active State');
		expect(error?.description).toContain(
			'only on an ACTIVE mandate, and Resume only on a PAUSED one',
		);
		expect(error?.description).toContain('error code: BAD_REQUEST');
	});
});

describe('Mandate › Revoke', () => {
	it('revokes an active mandate; a second revoke is refused in Juspay words', async () => {
		const mandateId = activeMandate();

		const revoked = await mandate('revoke', { mandateId });
		const again = await mandate('revoke', { mandateId });

		expect(revoked.error).toBeUndefined();
		expect(only('POST', `/mandates/${mandateId}`)[0].rawBody).toBe('command=revoke');
		expect(revoked.items[0].json).toEqual({ mandate_status: 'REVOKED', mandate_id: mandateId });
		expect(fixture.sandbox.getMandate(mandateId)?.status).toBe('REVOKED');
		expect(again.error?.message).toBe('Mandate Not in Active State');
	});
});

function notify(parameters: Record<string, unknown>, settings = {}) {
	return mandate(
		'preDebitNotify',
		{
			amount: 499,
			debitDate: isoIn(2 * DAY),
			description: 'Gym membership December',
			...parameters,
		},
		settings,
	);
}

describe('Mandate › Send Pre-Debit Notification and Get Notification', () => {
	it('sends amount and debit date as a source_info JSON text, and returns the notification id', async () => {
		const mandateId = activeMandate();
		const debitDate = isoIn(2 * DAY);

		const { items, error } = await notify({
			mandateId,
			debitDate,
			objectReferenceId: 'gym202612cst42',
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.path).toBe(`/mandates/${mandateId}`);
		expect(request.form).toEqual({
			command: 'pre_debit_notify',
			object_reference_id: 'gym202612cst42',
			description: 'Gym membership December',
			source_info: JSON.stringify({ amount: '499', txn_date: secondsOf(debitDate) }),
		});
		expect(items[0].json).toMatchObject({
			id: expect.stringMatching(/^\d+$/),
			object: 'notification',
			object_reference_id: 'gym202612cst42',
			mandate: { mandate_id: mandateId },
			replayed: false,
		});
	});

	it('derives an alphanumeric Object Reference ID of 25 characters when none is given', async () => {
		const mandateId = activeMandate();

		const { error } = await notify({ mandateId });

		expect(error).toBeUndefined();
		expect(fixture.requests()[0].form?.object_reference_id).toMatch(/^n8n[0-9a-f]{22}$/);
	});

	it.each([
		// A 503 answer is read: the node finds the notification Juspay recorded and stops there.
		['a 503 after Juspay recorded it', { status: 503 }, 1],
		// A dropped connection fails the step: Retry On Fail sends the same reference again.
		['a dropped connection after Juspay recorded it', { status: 0 }, 2],
	])('never notifies twice after %s', async (_case, fault, posts) => {
		const mandateId = activeMandate();
		fixture.sandbox.injectFault({
			method: 'POST',
			path: `/mandates/${mandateId}`,
			afterCommit: true,
			...fault,
		});

		const { items, error } = await notify(
			{ mandateId, simplify: true },
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		const sent = only('POST', `/mandates/${mandateId}`);
		expect(sent).toHaveLength(posts);
		expect(new Set(sent.map((r) => r.form?.object_reference_id)).size).toBe(1);
		const reference = sent[0].form?.object_reference_id as string;
		expect(only('GET', `/notifications/${reference}`)).toHaveLength(1);
		expect(fixture.sandbox.state.notifications.size).toBe(1);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			object_reference_id: reference,
			amount: '499',
			mandate_id: mandateId,
			replayed: true,
		});
	});

	it('fails in Juspay words when the notification cannot be found after a refusal', async () => {
		const mandateId = fixture.sandbox.createMandate({
			customerId: 'cst_gym42',
			maxAmount: 1000,
			status: 'PAUSED',
		}).mandate_id;

		const { error } = await notify({ mandateId });

		expect(error?.message).toBe('Mandate Not in Active State');
		expect(fixture.sandbox.state.notifications.size).toBe(0);
	});

	it.each([
		[{ description: 'x'.repeat(51) }, 'The Description is 51 characters long'],
		[{ description: '={{ "" }}' }, 'The Description is empty'],
		[{ debitDate: isoIn(-60) }, /^The Debit Date .* is in the past$/],
		[{ debitDate: '={{ "" }}' }, 'The Debit Date is empty'],
		[{ amount: 0 }, 'The Amount 0 is not a valid amount'],
		[{ amount: 10.001 }, 'The Amount 10.001 is not a valid amount'],
		[{ objectReferenceId: 'ref-1' }, 'The Object Reference ID ref-1 is not valid'],
		[{ mandateId: '={{ $json.mandateId }}' }, 'The Mandate ID is empty'],
	])('refuses %p before sending', async (override, message) => {
		const { error } = await notify({ mandateId: 'm1', ...override });

		expect(error?.message).toMatch(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('gets the notification by id, and by its Object Reference ID; Simplify flattens it', async () => {
		const mandateId = activeMandate();
		const sent = await notify({ mandateId, objectReferenceId: 'ref42' });
		const id = String(sent.items[0].json.id);

		const byId = await mandate('getNotification', { notificationId: id, simplify: true });
		const byReference = await mandate('getNotification', { notificationId: 'ref42' });

		expect(only('GET', `/notifications/${id}`)).toHaveLength(1);
		expect(byId.items[0].json).toEqual({
			id,
			object_reference_id: 'ref42',
			status: 'SUCCESS',
			mandate_id: mandateId,
			amount: '499',
			txn_date: expect.stringMatching(/^\d+$/),
			description: 'Gym membership December',
			provider_name: 'DUMMY',
			date_created: expect.any(String),
			last_updated: expect.any(String),
		});
		expect(byReference.items[0].json).toMatchObject({ id, status: 'SUCCESS' });
	});

	it('refuses a notification above the mandate maximum, saying how to fix it', async () => {
		const mandateId = activeMandate({ maxAmount: 100 });

		const { error } = await notify({ mandateId, amount: 150 });

		expect(error?.message).toBe('Order amount greater than mandate max amount (100)');
		expect(error?.description).toContain("above this mandate's maximum");
	});
});

async function notifiedMandate(options: { maxAmount?: number; amountRule?: 'FIXED' } = {}) {
	const mandateId = activeMandate(options);
	const sent = await notify({ mandateId, amount: options.maxAmount ?? 499 });
	fixture.sandbox.clearRequests();
	return { mandateId, notificationId: String(sent.items[0].json.id) };
}

function charge(parameters: Record<string, unknown>, settings = {}) {
	return mandate('charge', { customerId: 'cst_gym42', amount: 499, ...parameters }, settings);
}

const ordersInSandbox = () => fixture.sandbox.state.orders.size;

describe('Mandate › Charge', () => {
	it('posts the documented /txns form and returns the new order from Order Status', async () => {
		const { mandateId, notificationId } = await notifiedMandate();
		const executionDate = isoIn(DAY + 3600);

		const { items, error } = await charge({
			mandateId,
			notificationId,
			orderId: 'gym202612a',
			additionalFields: { executionDate },
		});

		expect(error).toBeUndefined();
		const [txn, status] = fixture.requests();
		expect(txn.method).toBe('POST');
		expect(txn.path).toBe('/txns');
		expect(txn.headers['x-routing-id']).toBe('cst_gym42');
		expect(txn.rawBody).toBe(
			new URLSearchParams({
				'order.order_id': 'gym202612a',
				'order.amount': '499',
				'order.customer_id': 'cst_gym42',
				mandate_id: mandateId,
				merchant_id: MERCHANT_ID,
				format: 'json',
				'mandate.notification_id': notificationId,
				'mandate.execution_date': secondsOf(executionDate),
			}).toString(),
		);
		expect(status.method).toBe('GET');
		expect(status.path).toBe('/orders/gym202612a');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			order_id: 'gym202612a',
			status: 'PENDING_VBV',
			amount: 499,
			customer_id: 'cst_gym42',
			mandate: { mandate_id: mandateId, mandate_status: 'ACTIVE' },
			replayed: false,
		});
	});

	it('derives an order id of 20 letters and digits when none is given', async () => {
		const { mandateId, notificationId } = await notifiedMandate();

		const { error } = await charge({ mandateId, notificationId });

		expect(error).toBeUndefined();
		expect(fixture.requests()[0].form?.['order.order_id']).toMatch(/^n8n[0-9a-f]{17}$/);
	});

	it.each([
		['a 502 after Juspay recorded the debit', { status: 502 }],
		['a dropped connection after Juspay recorded the debit', { status: 0 }],
	])(
		'with Retry On Fail, charges exactly once after %s, and ends with the order',
		async (_case, fault) => {
			const { mandateId, notificationId } = await notifiedMandate();
			fixture.sandbox.injectFault({ method: 'POST', path: '/txns', afterCommit: true, ...fault });

			const { items, error } = await charge(
				{ mandateId, notificationId, simplify: true },
				{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
			);

			expect(error).toBeUndefined();
			const posts = only('POST', '/txns');
			expect(posts).toHaveLength(2);
			expect(posts[1].form?.['order.order_id']).toBe(posts[0].form?.['order.order_id']);
			expect(ordersInSandbox()).toBe(1);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				order_id: posts[0].form?.['order.order_id'],
				status: 'PENDING_VBV',
				amount: 499,
				replayed: true,
			});
		},
	);

	it('returns the existing order, marked as a replay, when the same Order ID is charged again', async () => {
		const { mandateId, notificationId } = await notifiedMandate();
		await charge({ mandateId, notificationId, orderId: 'gym202612b' });

		const { items, error } = await charge({ mandateId, notificationId, orderId: 'gym202612b' });

		expect(error).toBeUndefined();
		expect(ordersInSandbox()).toBe(1);
		expect(items[0].json).toMatchObject({ order_id: 'gym202612b', replayed: true });
	});

	it('does not pass off another order with the same id as this debit', async () => {
		const { mandateId, notificationId } = await notifiedMandate();
		await charge({ mandateId, notificationId, orderId: 'gym202612c', amount: 100 });

		const { error } = await charge({
			mandateId,
			notificationId,
			orderId: 'gym202612c',
			amount: 200,
		});

		expect(error?.message).toBe('Order already exists with the given order_id');
		expect(error?.description).toContain('Another order already uses this Order ID');
	});

	it('refuses an amount above the maximum, in Juspay words, with a fix', async () => {
		const { mandateId, notificationId } = await notifiedMandate({ maxAmount: 300 });

		const { error } = await charge({ mandateId, notificationId, amount: 301 });

		expect(error?.message).toBe('Order amount greater than mandate max amount (300)');
		expect(error?.description).toContain('charge at most max_amount');
		expect(ordersInSandbox()).toBe(0);
	});

	it('says a notification id is missing, and how to get one', async () => {
		const mandateId = activeMandate();

		const { error } = await charge({ mandateId });

		expect(error?.message).toBe('mandate.notification_id is mandatory.');
		expect(error?.description).toContain('run Mandate › Send Pre-Debit Notification');
	});

	it('refuses a debit of a revoked mandate, saying which states allow it', async () => {
		const { mandateId, notificationId } = await notifiedMandate();
		await mandate('revoke', { mandateId });

		const { error } = await charge({ mandateId, notificationId });

		expect(error?.message).toBe('Mandate Not in Active State');
		expect(error?.description).toContain('Charge only on an ACTIVE mandate');
	});

	it.each([
		[{ amount: -5 }, 'The Amount -5 is not a valid amount'],
		[{ amount: 1.999 }, 'The Amount 1.999 is not a valid amount'],
		[{ mandateId: '={{ $json.mandateId }}' }, 'The Mandate ID is empty'],
		[{ customerId: '={{ $json.customerId }}' }, 'The Customer ID is empty'],
		[{ orderId: 'gym-2026' }, 'The Order ID gym-2026 is not valid'],
		[
			{ additionalFields: { executionDate: isoIn(-DAY) } },
			/^The Execution Date .* is in the past$/,
		],
	])('refuses %p before sending', async (override, message) => {
		const { error } = await charge({ mandateId: 'm1', ...override });

		expect(error?.message).toMatch(message);
		expect(fixture.requests()).toHaveLength(0);
	});
});

function createOrder(parameters: Record<string, unknown>) {
	return runJuspayNode({
		parameters: {
			resource: 'order',
			operation: 'create',
			orderId: 'reg202612a',
			amount: 1,
			additionalFields: { customerId: 'cst_gym42' },
			...parameters,
		},
		credentials: fixture.credentials(),
	});
}

describe('Order › Create with Set Up Mandate', () => {
	it("sends options.create_mandate and mandate.* with Juspay's flat keys; paying activates the mandate", async () => {
		const start = new Date((nowSeconds() + 3600) * 1000).toISOString();
		const end = isoIn(365 * DAY);

		const { error } = await createOrder({
			mandateSetup: {
				createMandate: 'REQUIRED',
				maxAmount: 1500,
				amountRule: 'VARIABLE',
				frequency: 'MONTHLY',
				startDate: start,
				endDate: end,
				ruleType: 'ON',
				ruleValue: 5,
				revokableByCustomer: false,
				blockFunds: false,
			},
		});

		expect(error).toBeUndefined();
		expect(fixture.requests()[0].form).toEqual({
			order_id: 'reg202612a',
			amount: '1',
			customer_id: 'cst_gym42',
			'options.create_mandate': 'REQUIRED',
			'mandate.max_amount': '1500',
			'mandate.amount_rule': 'VARIABLE',
			'mandate.frequency': 'MONTHLY',
			'mandate.start_date': secondsOf(start),
			'mandate.end_date': secondsOf(end),
			'mandate.rule_type': 'ON',
			'mandate.rule_value': '5',
			'mandate.revokable_by_customer': 'false',
			'mandate.block_funds': 'false',
		});
		expect(fixture.sandbox.getOrder('reg202612a')?.mandate).toMatchObject({
			mandate_status: 'CREATED',
		});

		fixture.sandbox.chargeOrder('reg202612a', { paymentMethodType: 'UPI', paymentMethod: 'UPI' });
		const { items } = await mandate('getAll', { customerId: 'cst_gym42', returnAll: true });
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			status: 'ACTIVE',
			max_amount: 1500,
			frequency: 'MONTHLY',
			rule_type: 'ON',
			rule_value: 5,
			order_id: 'reg202612a',
		});
	});

	it('sends nothing about mandates when the group is empty', async () => {
		await createOrder({ mandateSetup: {} });

		expect(Object.keys(fixture.requests()[0].form ?? {})).toEqual([
			'order_id',
			'amount',
			'customer_id',
		]);
	});

	it.each([
		[{ maxAmount: 100 }, 'Set Up Mandate has fields but no Create Mandate'],
		[{ createMandate: 'REQUIRED' }, 'Set Up Mandate needs a Maximum Amount'],
		[{ createMandate: 'REQUIRED', maxAmount: 0.5 }, 'The Maximum Amount 0.5 is below 1'],
		[
			{ createMandate: 'REQUIRED', maxAmount: 10.555 },
			'The Maximum Amount 10.555 is not a valid amount',
		],
		[
			{ createMandate: 'REQUIRED', maxAmount: 100, frequency: 'MONTHLY', blockFunds: true },
			'Block Funds is only for One Time mandates',
		],
		[
			{
				createMandate: 'REQUIRED',
				maxAmount: 100,
				frequency: 'WEEKLY',
				ruleType: 'ON',
				ruleValue: 8,
			},
			'The Rule Value 8 is out of range for WEEKLY',
		],
		[
			{
				createMandate: 'REQUIRED',
				maxAmount: 100,
				frequency: 'FORTNIGHTLY',
				ruleType: 'ON',
				ruleValue: 17,
			},
			'The Rule Value 17 is out of range for FORTNIGHTLY',
		],
		[
			{
				createMandate: 'REQUIRED',
				maxAmount: 100,
				frequency: 'ASPRESENTED',
				ruleType: 'ON',
				ruleValue: 1,
			},
			'Rule Type and Rule Value do not apply to the Frequency ASPRESENTED',
		],
		[
			{ createMandate: 'REQUIRED', maxAmount: 100, frequency: 'MONTHLY', ruleValue: 3 },
			'Rule Type and Rule Value go together',
		],
		[
			{ createMandate: 'REQUIRED', maxAmount: 100, endDate: isoIn(-DAY) },
			/^The End Date .* is in the past$/,
		],
		[
			{ createMandate: 'REQUIRED', maxAmount: 100, startDate: isoIn(-3 * DAY) },
			/^The Start Date .* is in the past$/,
		],
		[
			{
				createMandate: 'REQUIRED',
				maxAmount: 100,
				startDate: isoIn(30 * DAY),
				endDate: isoIn(10 * DAY),
			},
			'The End Date is not after the Start Date',
		],
	])('refuses Set Up Mandate %p before sending', async (mandateSetup, message) => {
		const { error } = await createOrder({ mandateSetup });

		expect(error?.message).toMatch(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('refuses a mandate without a Customer ID before sending', async () => {
		const { error } = await createOrder({
			additionalFields: {},
			mandateSetup: { createMandate: 'OPTIONAL', maxAmount: 100 },
		});

		expect(error?.message).toBe('Set Up Mandate needs a Customer ID');
		expect(fixture.requests()).toHaveLength(0);
	});

	it('accepts Block Funds for a One Time mandate', async () => {
		const { error } = await createOrder({
			mandateSetup: {
				createMandate: 'REQUIRED',
				maxAmount: 100,
				frequency: 'ONETIME',
				blockFunds: true,
			},
		});

		expect(error).toBeUndefined();
		expect(fixture.requests()[0].form).toMatchObject({
			'mandate.frequency': 'ONETIME',
			'mandate.block_funds': 'true',
		});
	});
});

describe('Payment Link › Create with Set Up Mandate', () => {
	function createLink(mandateSetup: INodeParameters) {
		return runJuspayNode({
			parameters: {
				resource: 'paymentLink',
				operation: 'create',
				orderId: 'reglink1',
				amount: '1',
				customerId: 'cst_gym42',
				customerEmail: 'asha@example.com',
				customerPhone: '9988776655',
				returnUrl: 'https://gym.example.com/done',
				mandateSetup,
			},
			credentials: fixture.credentials(),
		});
	}

	it('adds the mandate keys to the JSON body, booleans as booleans; paying the link activates it', async () => {
		const { error } = await createLink({
			createMandate: 'OPTIONAL',
			maxAmount: '2000',
			amountRule: 'FIXED',
			frequency: 'YEARLY',
			revokableByCustomer: true,
		});

		expect(error).toBeUndefined();
		expect(fixture.requests()[0].json).toMatchObject({
			order_id: 'reglink1',
			'options.create_mandate': 'OPTIONAL',
			'mandate.max_amount': '2000',
			'mandate.amount_rule': 'FIXED',
			'mandate.frequency': 'YEARLY',
			'mandate.revokable_by_customer': true,
		});
		fixture.sandbox.chargeOrder('reglink1');
		expect(fixture.sandbox.getOrder('reglink1')?.mandate).toMatchObject({
			mandate_status: 'ACTIVE',
			amount_rule: 'FIXED',
			max_amount: 2000,
		});
	});

	it('refuses the same combinations as Order › Create, before sending', async () => {
		const { error } = await createLink({
			createMandate: 'REQUIRED',
			maxAmount: '100',
			frequency: 'WEEKLY',
			blockFunds: true,
		});

		expect(error?.message).toBe('Block Funds is only for One Time mandates');
		expect(fixture.requests()).toHaveLength(0);
	});

	it('sends no mandate keys when the group is empty', async () => {
		await createLink({});

		const keys = Object.keys((fixture.requests()[0].json ?? {}) as object);
		expect(keys.filter((k) => k.startsWith('mandate.') || k === 'options.create_mandate')).toEqual(
			[],
		);
	});
});
