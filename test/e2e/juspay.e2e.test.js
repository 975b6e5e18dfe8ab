// End to end in a real n8n 2.41.1: the packed tarball installed as a community package, a
// credential imported into n8n, workflows run by `n8n execute`, the trigger called over HTTP on
// `n8n start`'s own webhook server, all against the local Juspay sandbox running as a process.
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { N8nInstance, packPackage, provisionN8n, stopAll, log } = require('./lib/n8nInstance');
const { startSandboxProcess } = require('./lib/sandboxProcess');
const {
	operationsWorkflow,
	triggerWorkflow,
	WEBHOOK_ID,
	CREDENTIAL,
	WRONG_CREDENTIAL,
	UNREACHABLE_CREDENTIAL,
} = require('./workflows');

const API_KEY = 'e2e_api_key_value';
const MERCHANT_ID = 'e2emerchant';
const HOOK_USER = 'juspayhooks';
const HOOK_PASSWORD = 'e2e-hook-password-1';
const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

let sandbox;
let n8n;

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

before(async () => {
	log('provisioning n8n (first run: several minutes)');
	const paths = provisionN8n();
	log('packing the package');
	const tarball = packPackage();
	sandbox = await startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID });
	n8n = await N8nInstance.create(paths, 'e2e');
	log(`installing ${tarball} into ${n8n.userFolder}/.n8n/nodes`);
	n8n.installPackage(tarball);
	const data = {
		environment: 'custom',
		baseUrl: sandbox.url,
		merchantId: MERCHANT_ID,
		apiVersion: '2023-06-30',
		webhookUsername: HOOK_USER,
		webhookPassword: HOOK_PASSWORD,
	};
	n8n.importCredentials([
		{ ...CREDENTIAL.juspayApi, type: 'juspayApi', data: { ...data, apiKey: API_KEY } },
		{ ...WRONG_CREDENTIAL.juspayApi, type: 'juspayApi', data: { ...data, apiKey: 'not-the-key' } },
		// nothing listens on port 9: the request fails before any answer
		{
			...UNREACHABLE_CREDENTIAL.juspayApi,
			type: 'juspayApi',
			data: { ...data, baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY },
		},
	]);
});

after(async () => {
	await stopAll();
	await sandbox?.stop();
	n8n?.remove();
});

const outputOf = (run, node) => {
	const task = run.data.resultData.runData[node]?.[0];
	assert.ok(task, `node "${node}" did not run`);
	return task.data?.main?.[0] ?? [];
};

describe('Juspay node in n8n', () => {
	let run;
	let stored;
	let requests;
	const runId = Date.now().toString(36);

	before(async () => {
		const workflow = operationsWorkflow(runId, sandbox.url);
		n8n.importWorkflow(workflow);
		log('n8n execute: every operation');
		const result = n8n.execute(workflow.id);
		run = result.run;
		stored = n8n.executions(workflow.id, { withData: true }).pop();
		assert.equal(run.data.resultData.error, undefined, JSON.stringify(run.data.resultData.error));
		requests = (await sandbox.requests()).filter((r) => !r.path.startsWith('/sandbox'));
	});

	it('authenticates every request as Juspay documents it', () => {
		assert.ok(requests.length >= 10);
		for (const request of requests.filter(
			(r) => r.authorization_valid !== undefined && r.headers['x-merchantid'] === MERCHANT_ID,
		)) {
			assert.equal(request.headers.accept, 'application/json');
			assert.equal(request.headers.version, '2023-06-30');
			assert.ok(request.headers['x-routing-id']);
		}
		const valid = requests.filter((r) => r.authorization_valid);
		assert.ok(valid.length >= 9, 'requests with the right Basic auth');
		assert.ok(
			requests.every((r) => !JSON.stringify(r).includes(API_KEY)),
			'the sandbox log never holds the raw key',
		);
	});

	it('creates a customer with a form body and flat dotted keys', () => {
		const create = requests.find((r) => r.method === 'POST' && r.path === '/customers');
		assert.equal(create.headers['content-type'], 'application/x-www-form-urlencoded');
		assert.equal(
			create.rawBody,
			`object_reference_id=e2e${runId}cust&mobile_number=9988776655&email_address=asha%40example.com&first_name=Asha&options.get_client_auth_token=true`,
		);
		const [customer] = outputOf(run, 'Create customer');
		assert.match(customer.json.id, /^cst_/);
		assert.match(customer.json.juspay.client_auth_token, /^tkn_/);
	});

	it('gets the customer, simplified', () => {
		const [customer] = outputOf(run, 'Get customer');
		assert.deepEqual(Object.keys(customer.json).sort(), [
			'created_at',
			'email',
			'first_name',
			'id',
			'last_name',
			'phone',
			'phone_country_code',
			'reference_id',
			'updated_at',
		]);
		assert.equal(customer.json.reference_id, `e2e${runId}cust`);
	});

	it('updates the customer, and refuses an update with no fields before sending', () => {
		assert.equal(outputOf(run, 'Update customer')[0].json.last_name, 'Rao');
		const [refused] = outputOf(run, 'Update with no fields');
		assert.equal(refused.json.error, 'The Update Fields are empty: there is nothing to update');
		assert.equal(
			requests.filter((r) => r.method === 'POST' && r.path === `/customers/e2e${runId}cust`).length,
			1,
		);
	});

	it('creates an order, gets its status simplified', () => {
		const [order] = outputOf(run, 'Create order');
		assert.equal(order.json.status, 'CREATED');
		const create = requests.find((r) => r.method === 'POST' && r.path === '/orders');
		assert.match(
			create.rawBody,
			new RegExp(`^order_id=e2e${runId}ord&amount=500\\.5&customer_id=cst_\\w+&udf1=e2e$`),
		);
		const [status] = outputOf(run, 'Get status');
		assert.equal(status.json.status, 'CHARGED');
		assert.equal(status.json.status_id, 21);
		assert.ok(Object.keys(status.json).length <= 10);
	});

	it('refunds once; the same unique request id again is a replay, not a second refund', () => {
		assert.equal(outputOf(run, 'Refund')[0].json.replayed, false);
		const [again] = outputOf(run, 'Refund again');
		assert.equal(again.json.replayed, true);
		assert.equal(again.json.amount_refunded, 100);
		const refundsWithA = again.json.refunds.filter((r) => r.unique_request_id === `rf${runId}a`);
		assert.equal(refundsWithA.length, 1);
		const posts = requests.filter((r) => r.path === `/orders/e2e${runId}ord/refunds`);
		assert.ok(posts.filter((r) => r.form?.unique_request_id === `rf${runId}a`).length === 2);
	});

	it('generates an alphanumeric unique request id when none is given', () => {
		const [refund] = outputOf(run, 'Refund without ID');
		assert.equal(refund.json.replayed, false);
		const post = requests.find((r) => r.path.endsWith('/refunds') && r.form?.amount === '0.5');
		assert.match(post.form.unique_request_id, /^[A-Za-z0-9]{1,20}$/);
	});

	it("shows Juspay's words for an over-refund and an unknown order, and n8n's check for a bad amount", () => {
		assert.match(
			outputOf(run, 'Refund too much')[0].json.error,
			/^Refund amount exceeds the refundable amount/,
		);
		assert.equal(
			outputOf(run, 'Unknown order')[0].json.error,
			`No order exists with order_id e2e${runId}none for this merchant`,
		);
		assert.equal(
			outputOf(run, 'Bad amount')[0].json.error,
			'The Amount 10.123 is not a valid amount',
		);
		assert.ok(
			!requests.some((r) => r.form?.order_id === `e2e${runId}bad`),
			'the bad amount was never sent',
		);
	});

	it('keeps the API key out of what n8n prints and stores, also when Juspay cannot be reached', () => {
		const [unreachable] = outputOf(run, 'Unreachable');
		assert.ok(unreachable.json.error, 'the unreachable call failed into its item');
		assert.ok(stored?.run, 'n8n stored the execution');
		assert.ok(
			JSON.stringify(stored.run).includes('ECONNREFUSED'),
			'the stored execution holds the failed call',
		);
		for (const secret of [API_KEY, Buffer.from(`${API_KEY}:`).toString('base64')]) {
			assert.ok(!JSON.stringify(run).includes(secret), 'printed run holds the key');
			assert.ok(!JSON.stringify(stored.run).includes(secret), 'stored execution holds the key');
		}
	});

	it('refuses a wrong API key in Juspay words, and never shows the key', () => {
		const [refused] = outputOf(run, 'Wrong API key');
		assert.match(refused.json.error, /Invalid API Key/);
		assert.ok(!JSON.stringify(run).includes('not-the-key'));
		assert.ok(!JSON.stringify(run).includes(API_KEY));
	});
});

describe('Juspay Trigger in n8n', () => {
	const workflowId = 'juspayTriggerE2e';
	let webhookUrl;
	let orderId;

	const post = async (
		body,
		{ authorization = basic(HOOK_USER, HOOK_PASSWORD), contentType = 'application/json' } = {},
	) => {
		const headers = { 'content-type': contentType };
		if (authorization) headers.authorization = authorization;
		const response = await fetch(webhookUrl, {
			method: 'POST',
			headers,
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		return { status: response.status, text: await response.text(), headers: response.headers };
	};

	const settled = async (expected) => {
		// executions are written when they finish: wait (bounded) for the count to settle
		let executions = [];
		for (let i = 0; i < 60; i++) {
			executions = n8n.executions(workflowId, { withData: true });
			if (
				executions.length >= expected &&
				executions.every((e) => e.status !== 'running' && e.status !== 'new')
			)
				break;
			await new Promise((done) => setTimeout(done, 250));
		}
		return executions;
	};

	before(async () => {
		n8n.importWorkflow(triggerWorkflow(workflowId));
		n8n.publishWorkflow(workflowId);
		log('n8n start');
		await n8n.start();
		webhookUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
		await n8n.waitForWebhook(webhookUrl);
		// an order the sandbox knows and that is charged, so confirmation can match
		orderId = `trg${Date.now().toString(36)}`;
		const form = `order_id=${orderId}&amount=42`;
		const created = await fetch(`${sandbox.url}/orders`, {
			method: 'POST',
			headers: {
				authorization: basic(API_KEY, ''),
				'x-merchantid': MERCHANT_ID,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: form,
		});
		assert.equal(created.status, 200);
		await fetch(`${sandbox.url}/sandbox/orders/${orderId}/charge`, { method: 'POST' });
	});

	const event = (id, eventName = 'ORDER_SUCCEEDED') => ({
		id,
		event_name: eventName,
		date_created: '2026-11-22T10:00:00Z',
		content: { order: { order_id: orderId, status: 'CHARGED', amount: 42, amount_refunded: 0 } },
	});

	it('starts one execution for an authenticated delivery, with the confirmation', async () => {
		const response = await post(event('evt_V2_e2e_1'));
		assert.equal(response.status, 200);
		const executions = await settled(1);
		assert.equal(executions.length, 1);
		const items = executions[0].run.resultData.runData['Juspay Trigger'][0].data.main[0];
		assert.equal(items[0].json.id, 'evt_V2_e2e_1');
		assert.equal(items[0].json.order.order_id, orderId);
		assert.deepEqual(items[0].json.confirmation, {
			confirmed: true,
			status: 'CHARGED',
			amount: 42,
			amount_refunded: 0,
			mismatches: [],
		});
	});

	it('answers 401 with WWW-Authenticate and starts nothing without auth or with a wrong password', async () => {
		for (const authorization of [
			null,
			basic(HOOK_USER, 'wrong'),
			basic('other', HOOK_PASSWORD),
			'Basic %%%',
		]) {
			const response = await post(event(`evt_V2_unauth_${Math.random()}`), { authorization });
			assert.equal(response.status, 401);
			assert.match(response.headers.get('www-authenticate'), /^Basic /);
		}
		assert.equal((await settled(1)).length, 1);
	});

	it('de-duplicates: a repeat, and a burst of the same new event, start one execution each', async () => {
		assert.equal((await post(event('evt_V2_e2e_1'))).status, 200);
		const burst = await Promise.all(
			Array.from({ length: 10 }, () => post(event('evt_V2_e2e_burst'))),
		);
		assert.ok(burst.every((r) => r.status === 200));
		const executions = await settled(2);
		await new Promise((done) => setTimeout(done, 1000));
		assert.equal(n8n.executions(workflowId).length, 2);
		assert.equal(executions.length, 2);
	});

	it('acknowledges an unselected event with 200 and starts nothing', async () => {
		const response = await post(event('evt_V2_e2e_mandate', 'MANDATE_CREATED'));
		assert.equal(response.status, 200);
		await new Promise((done) => setTimeout(done, 500));
		assert.equal(n8n.executions(workflowId).length, 2);
	});

	it('refuses malformed bodies: 400 from the trigger, 422 from n8n for invalid JSON', async () => {
		assert.equal((await post('not an event', { contentType: 'text/plain' })).status, 400);
		assert.equal((await post({ hello: 'world' })).status, 400);
		assert.equal((await post('{"id": ', {})).status, 422);
		await new Promise((done) => setTimeout(done, 500));
		assert.equal(n8n.executions(workflowId).length, 2);
	});

	it('still remembers accepted events after n8n restarts', async () => {
		await n8n.stop();
		await n8n.start();
		await n8n.waitForWebhook(webhookUrl);
		assert.equal((await post(event('evt_V2_e2e_1'))).status, 200);
		assert.equal((await post(event('evt_V2_e2e_after'))).status, 200);
		const executions = await settled(3);
		assert.deepEqual(
			executions.map((e) => e.run.resultData.runData['Juspay Trigger'][0].data.main[0][0].json.id),
			['evt_V2_e2e_1', 'evt_V2_e2e_burst', 'evt_V2_e2e_after'],
		);
	});
});
