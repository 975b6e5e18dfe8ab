import { useJuspaySandbox } from '../harness/sandboxFixture';
import { listSamples, readSample, readSampleText } from '../harness/samples';
import { startTrigger, type TriggerHarness } from '../harness/triggerRunner';

const fixture = useJuspaySandbox();

const WEBHOOK_USER = 'juspayhooks';
const WEBHOOK_SECRET_VALUE = 'hook-pass-7c1d';
const basic = (user: string, pass: string) =>
	'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
const VALID_AUTH = basic(WEBHOOK_USER, WEBHOOK_SECRET_VALUE);

let harness: TriggerHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

async function start(parameters: Record<string, unknown> = {}, credentialOverrides = {}) {
	harness = await startTrigger({
		parameters: { events: ['*'], options: {}, ...parameters } as never,
		credentials: fixture.credentials({
			webhookUsername: WEBHOOK_USER,
			webhookPassword: WEBHOOK_SECRET_VALUE,
			...credentialOverrides,
		}),
	});
	return harness;
}

async function post(
	body: unknown,
	{ authorization = VALID_AUTH as string | null, contentType = 'application/json' } = {},
) {
	const headers: Record<string, string> = { 'content-type': contentType };
	if (authorization !== null) headers.authorization = authorization;
	const response = await fetch((harness as TriggerHarness).url, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const orderSucceeded = () => readSample('webhooks/order_succeeded.json');

describe('authentication', () => {
	it('starts the workflow for a delivery with the right Basic credentials', async () => {
		await start();
		const response = await post(orderSucceeded());

		expect(response.status).toBe(200);
		expect(harness?.started).toHaveLength(1);
	});

	it.each(['basic', 'BASIC'])(
		'accepts the scheme name in any case: %s (RFC 9110)',
		async (scheme) => {
			await start();
			const response = await post(orderSucceeded(), {
				authorization: VALID_AUTH.replace('Basic', scheme),
			});

			expect(response.status).toBe(200);
			expect(harness?.started).toHaveLength(1);
		},
	);

	it.each([
		['no Authorization header', null],
		['a wrong password', basic(WEBHOOK_USER, 'wrong')],
		['a wrong username', basic('someoneelse', WEBHOOK_SECRET_VALUE)],
		['a malformed header', 'Basic not-base64!!'],
		['another scheme', 'Bearer ' + WEBHOOK_SECRET_VALUE],
	])(
		'answers 401 with WWW-Authenticate and starts nothing for %s',
		async (_case, authorization) => {
			await start();
			const response = await post(orderSucceeded(), { authorization });

			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toBe(
				'Basic realm="Juspay webhook", charset="UTF-8"',
			);
			expect(response.json()).toEqual({ message: 'Authorization required' });
			expect(response.text).not.toContain(WEBHOOK_SECRET_VALUE);
			expect(harness?.started).toHaveLength(0);
		},
	);

	it('refuses every delivery, saying why, when the credential has no webhook username or password', async () => {
		await start({}, { webhookUsername: '', webhookPassword: '' });
		const response = await post(orderSucceeded(), { authorization: basic('', '') });

		expect(response.status).toBe(401);
		expect(response.json().message).toContain(
			'set Webhook Username and Webhook Password in its Juspay credential',
		);
		expect(harness?.started).toHaveLength(0);
	});
});

describe('events', () => {
	it('outputs id, event_name, date_created and content as sent, plus the order on top', async () => {
		await start({ events: ['ORDER_SUCCEEDED'] });
		const event = orderSucceeded();
		await post(event);

		expect(harness?.started[0]).toHaveLength(1);
		expect(harness?.started[0][0].json).toEqual({
			id: event.id,
			event_name: 'ORDER_SUCCEEDED',
			date_created: event.date_created,
			content: event.content,
			order: (event.content as Record<string, unknown>).order,
		});
	});

	it('answers 200 and starts nothing for an event that is not selected', async () => {
		await start({ events: ['ORDER_REFUNDED'] });
		const response = await post(orderSucceeded());

		expect(response.status).toBe(200);
		expect(response.json()).toEqual({
			received: true,
			started: false,
			reason: 'event not selected',
		});
		expect(harness?.started).toHaveLength(0);
	});

	it('"*" accepts every event, including names Juspay adds later', async () => {
		await start({ events: ['*'] });
		await post({ ...orderSucceeded(), id: 'evt_V2_new1', event_name: 'CHARGEBACK_RECEIVED' });

		expect(harness?.started[0][0].json.event_name).toBe('CHARGEBACK_RECEIVED');
	});

	it.each([
		['not JSON (as text)', 'this is not json', 'text/plain', 'The body is not valid JSON'],
		['a JSON array', '[1,2]', 'application/json', 'The body is not a JSON object'],
		[
			'without event_name',
			JSON.stringify({ id: 'evt_1', content: {} }),
			'application/json',
			'The body has no event_name',
		],
		[
			'without id',
			JSON.stringify({ event_name: 'ORDER_SUCCEEDED' }),
			'application/json',
			'The body has no event id',
		],
	])('answers 400 and starts nothing for a body %s', async (_case, body, contentType, problem) => {
		await start();
		const response = await post(body, { contentType });

		expect(response.status).toBe(400);
		expect(response.json()).toEqual({ message: `${problem}: this is not a Juspay webhook event` });
		expect(harness?.started).toHaveLength(0);
	});

	it('answers 413 and starts nothing for a body larger than 1 MiB', async () => {
		await start();
		const event = { ...orderSucceeded(), padding: 'x'.repeat(1024 * 1024) };
		const response = await post(event);

		expect(response.status).toBe(413);
		expect(harness?.started).toHaveLength(0);
	});

	it('checks authentication before anything else: an unauthenticated malformed body gets 401', async () => {
		await start();
		const response = await post('garbage', { authorization: null, contentType: 'text/plain' });

		expect(response.status).toBe(401);
	});
});

describe("Juspay's published samples", () => {
	const samples = listSamples('webhooks');

	it('has the samples to test', () => {
		expect(samples.length).toBeGreaterThanOrEqual(20);
	});

	it.each(samples)('%s', async (file) => {
		await start();
		const text = readSampleText(`webhooks/${file}`);
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = undefined;
		}

		if (parsed === undefined) {
			// Documentation templates with /* comments */: n8n itself refuses invalid JSON with 422,
			// and sent as text the trigger refuses it with 400. Either way nothing starts.
			expect((await post(text)).status).toBe(422);
			expect((await post(text, { contentType: 'text/plain' })).status).toBe(400);
			expect(harness?.started).toHaveLength(0);
			return;
		}
		const response = await post(text);
		const event = parsed as Record<string, unknown>;
		expect(response.status).toBe(200);
		expect(harness?.started).toHaveLength(1);
		const output = harness?.started[0][0].json ?? {};
		expect(output.id).toBe(event.id);
		expect(output.event_name).toBe(event.event_name);
		expect(output.content).toEqual(event.content);
		const content = event.content as Record<string, unknown>;
		if (content.order) expect(output.order).toEqual(content.order);
		else expect(output.order).toBeUndefined();
	});
});

describe('de-duplication', () => {
	it('starts nothing for an event id already accepted, still answering 200', async () => {
		await start();
		expect((await post(orderSucceeded())).status).toBe(200);
		const second = await post(orderSucceeded());

		expect(second.status).toBe(200);
		expect(second.json()).toEqual({ received: true, started: false, reason: 'duplicate event' });
		expect(harness?.started).toHaveLength(1);
	});

	it('lets only one of many simultaneous deliveries of the same event through', async () => {
		await start();
		const responses = await Promise.all(Array.from({ length: 20 }, () => post(orderSucceeded())));

		expect(responses.every((r) => r.status === 200)).toBe(true);
		expect(harness?.started).toHaveLength(1);
	});

	it('remembers accepted ids across a restart', async () => {
		await start();
		await post(orderSucceeded());
		harness?.restart();
		await post(orderSucceeded());
		await post({ ...orderSucceeded(), id: 'evt_V2_after_restart' });

		expect(harness?.started.map((items) => items[0].json.id)).toEqual([
			orderSucceeded().id,
			'evt_V2_after_restart',
		]);
	});

	it('keeps only the newest ids it is told to remember, and never the raw ids', async () => {
		await start({ options: { memorySize: 2 } });
		for (const id of ['evt_a', 'evt_b', 'evt_c']) await post({ ...orderSucceeded(), id });

		expect(JSON.stringify(harness?.staticData)).not.toMatch(/evt_/);
		expect((await post({ ...orderSucceeded(), id: 'evt_c' })).json().reason).toBe(
			'duplicate event',
		);
		await post({ ...orderSucceeded(), id: 'evt_a' });
		expect(harness?.started.map((items) => items[0].json.id)).toEqual([
			'evt_a',
			'evt_b',
			'evt_c',
			'evt_a',
		]);
	});

	it('starts every delivery when de-duplication is off', async () => {
		await start({ options: { deduplicate: false } });
		await post(orderSucceeded());
		await post(orderSucceeded());

		expect(harness?.started).toHaveLength(2);
	});
});

describe('confirmation with the Order Status API', () => {
	async function chargedOrder(orderId: string) {
		const created = await fetch(`${fixture.sandbox.url}/orders`, {
			method: 'POST',
			headers: {
				authorization: basic(fixture.sandbox.apiKey, ''),
				'x-merchantid': fixture.sandbox.merchantId,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: `order_id=${orderId}&amount=100`,
		});
		expect(created.status).toBe(200);
		fixture.sandbox.chargeOrder(orderId);
		return fixture.sandbox.buildWebhook('ORDER_SUCCEEDED', orderId);
	}

	it('adds what the API says, and no mismatch, when the webhook matches', async () => {
		const event = await chargedOrder('ordConfirm1');
		await start({ options: { confirmWithApi: true } });
		fixture.sandbox.clearRequests();
		await post(event);

		expect(harness?.started[0][0].json.confirmation).toEqual({
			confirmed: true,
			status: 'CHARGED',
			amount: 100,
			amount_refunded: 0,
			mismatches: [],
		});
		const [request] = fixture.requests();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/orders/ordConfirm1');
		expect(request.headers.authorization).toBe(basic(fixture.sandbox.apiKey, ''));
		expect(request.headers['x-merchantid']).toBe(fixture.sandbox.merchantId);
	});

	it('lists the fields where webhook and API disagree', async () => {
		const event = await chargedOrder('ordConfirm2');
		const order = (event.content as { order: Record<string, unknown> }).order;
		await start({ options: { confirmWithApi: true } });
		await post({ ...event, content: { order: { ...order, status: 'CHARGED', amount: 999 } } });

		expect(harness?.started[0][0].json.confirmation).toMatchObject({
			confirmed: false,
			amount: 100,
			mismatches: ['amount'],
		});
	});

	it('with Drop Unconfirmed Events, starts nothing for a mismatch, and accepts the true event later', async () => {
		const event = await chargedOrder('ordConfirm3');
		const order = (event.content as { order: Record<string, unknown> }).order;
		await start({ options: { confirmWithApi: true, dropUnconfirmed: true } });
		const forged = await post({
			...event,
			content: { order: { ...order, status: 'AUTHENTICATION_FAILED' } },
		});

		expect(forged.status).toBe(200);
		expect(forged.json()).toEqual({
			received: true,
			started: false,
			reason: 'not confirmed by Order Status',
		});
		expect(harness?.started).toHaveLength(0);
		await post(event);
		expect(harness?.started).toHaveLength(1);
	});

	it('answers 503 and forgets the event when Order Status cannot be reached, so the retry is accepted', async () => {
		const event = await chargedOrder('ordConfirm4');
		await start({ options: { confirmWithApi: true } });
		fixture.sandbox.injectFault({ method: 'GET', path: '/orders/ordConfirm4', status: 503 });
		const first = await post(event);

		expect(first.status).toBe(503);
		expect(first.json().message).toContain('Juspay will retry');
		expect(harness?.started).toHaveLength(0);
		expect((await post(event)).status).toBe(200);
		expect(harness?.started).toHaveLength(1);
	});

	it('marks an event whose order Juspay does not know as unconfirmed', async () => {
		await start({ options: { confirmWithApi: true } });
		await post(orderSucceeded());

		expect(harness?.started[0][0].json.confirmation).toMatchObject({
			confirmed: false,
			mismatches: ['order_not_found'],
			message: 'Order Status answered HTTP 400',
		});
	});
});
