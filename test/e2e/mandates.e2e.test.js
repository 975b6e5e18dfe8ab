// End to end in a real n8n 2.41.1, from the packed tarball: a mandate set up with an order, then every
// Mandate operation on success and error paths, and Charge under a 502 and a dropped connection after
// Juspay recorded the debit, with Retry On Fail: exactly one debit each, and the step ends with the order.
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { N8nInstance, packPackage, provisionN8n, stopAll, log } = require('./lib/n8nInstance');
const { startSandboxProcess } = require('./lib/sandboxProcess');
const { CREDENTIAL, chainWorkflow, juspayNode, nodeId } = require('./workflows');

const API_KEY = 'e2e_mandate_key';
const MERCHANT_ID = 'e2emandates';

let sandbox;
let n8n;

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

/** A sandbox control call from the workflow (the customer paying, a fault to inject). */
function sandboxCall(name, url, body) {
	return {
		id: nodeId(),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method: 'POST',
			url,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify(body ?? {}),
			options: {},
		},
	};
}

const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };

function mandatesWorkflow(run, sandboxUrl) {
	const customerId = `cst_e2e${run}`;
	const registration = `e2e${run}reg`;
	const mandateId = "={{ $('Get many').first().json.mandate_id }}";
	const notificationId = "={{ $('Notify').first().json.id }}";
	// Retry On Fail only retries a step that fails: the retried ones do not continue on error.
	const charge = (name, parameters, settings) => ({
		...juspayNode(
			name,
			{
				resource: 'mandate',
				operation: 'charge',
				mandateId,
				customerId,
				amount: 499,
				notificationId,
				...parameters,
			},
			{ continueOnFail: settings === undefined },
		),
		...settings,
	});
	const mandate = (name, operation, parameters = {}) =>
		juspayNode(name, { resource: 'mandate', operation, mandateId, ...parameters });
	const fault = (name, status) =>
		sandboxCall(name, `${sandboxUrl}/sandbox/faults`, {
			method: 'POST',
			path: '/txns',
			status,
			afterCommit: true,
		});
	return chainWorkflow(`juspayMandates${run}`.slice(0, 21), 'Juspay e2e: mandates', [
		juspayNode('Create order with mandate', {
			resource: 'order',
			operation: 'create',
			orderId: registration,
			amount: 1,
			additionalFields: { customerId },
			mandateSetup: {
				createMandate: 'REQUIRED',
				maxAmount: 1000,
				amountRule: 'VARIABLE',
				frequency: 'MONTHLY',
				ruleType: 'ON',
				ruleValue: 5,
				endDate: "={{ $now.plus(1, 'year').toISO() }}",
			},
		}),
		sandboxCall('Customer pays', `${sandboxUrl}/sandbox/orders/${registration}/charge`),
		juspayNode('Get many', {
			resource: 'mandate',
			operation: 'getAll',
			customerId,
			returnAll: true,
			simplify: true,
		}),
		mandate('Get', 'get', { simplify: true }),
		mandate('Notify', 'preDebitNotify', {
			amount: 499,
			debitDate: "={{ $now.plus(2, 'days').toISO() }}",
			description: 'Gym membership December',
		}),
		mandate('Notify with long description', 'preDebitNotify', {
			amount: 499,
			debitDate: "={{ $now.plus(2, 'days').toISO() }}",
			description: 'x'.repeat(51),
		}),
		juspayNode('Get notification', {
			resource: 'mandate',
			operation: 'getNotification',
			notificationId,
			simplify: true,
		}),
		charge('Charge', { orderId: `e2e${run}deb1` }),
		charge('Charge again', { orderId: `e2e${run}deb1`, simplify: true }),
		fault('Fault 502 after commit', 502),
		charge('Charge through a 502', {}, RETRY),
		fault('Fault drop after commit', 0),
		charge('Charge through a dropped connection', { amount: 250 }, RETRY),
		charge('Charge too much', { amount: 1500 }),
		charge('Charge without notification', { notificationId: '' }),
		mandate('Pause', 'pause', {
			pauseEndDate: "={{ $now.plus(10, 'days').toISO() }}",
			simplify: true,
		}),
		charge('Charge paused'),
		mandate('Resume', 'resume', { simplify: true }),
		mandate('Revoke', 'revoke', { simplify: true }),
		mandate('Revoke again', 'revoke'),
		mandate('Pause with end before start', 'pause', {
			pauseStartDate: "={{ $now.plus(5, 'days').toISO() }}",
			pauseEndDate: "={{ $now.plus(2, 'days').toISO() }}",
		}),
		juspayNode('Payment link with mandate', {
			resource: 'paymentLink',
			operation: 'create',
			orderId: `e2e${run}lnk`,
			amount: '1',
			customerId,
			customerEmail: 'asha@example.com',
			customerPhone: '9988776655',
			returnUrl: 'https://gym.example.com/done',
			mandateSetup: { createMandate: 'OPTIONAL', maxAmount: '800', revokableByCustomer: false },
		}),
		juspayNode('Unknown mandate', { resource: 'mandate', operation: 'get', mandateId: 'nope' }),
	]);
}

const outputOf = (run, node) => {
	const task = run.data.resultData.runData[node]?.[0];
	assert.ok(task, `node "${node}" did not run`);
	return task.data?.main?.[0] ?? [];
};
const first = (run, node) => outputOf(run, node)[0].json;

before(async () => {
	log('provisioning n8n (first run: several minutes)');
	const paths = provisionN8n();
	const tarball = packPackage();
	sandbox = await startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID });
	n8n = await N8nInstance.create(paths, 'e2e-mandates');
	n8n.installPackage(tarball);
	n8n.importCredentials([
		{
			...CREDENTIAL.juspayApi,
			type: 'juspayApi',
			data: sandbox.credentialData(),
		},
	]);
});

after(async () => {
	await stopAll();
	await sandbox?.stop();
	n8n?.remove();
});

describe('Mandate operations in n8n', () => {
	const runId = Date.now().toString(36);
	let run;
	let requests;
	let mandateId;

	before(async () => {
		const workflow = mandatesWorkflow(runId, sandbox.url);
		n8n.importWorkflow(workflow);
		log('n8n execute: mandates');
		run = n8n.execute(workflow.id).run;
		assert.equal(run.data.resultData.error, undefined, JSON.stringify(run.data.resultData.error));
		requests = (await sandbox.requests()).filter((r) => !r.path.startsWith('/sandbox'));
		mandateId = first(run, 'Get many').mandate_id;
	});

	it('sets a mandate up with the order, in flat keys; paying makes it ACTIVE', () => {
		const create = requests.find((r) => r.method === 'POST' && r.path === '/orders');
		assert.equal(create.form['options.create_mandate'], 'REQUIRED');
		assert.equal(create.form['mandate.max_amount'], '1000');
		assert.equal(create.form['mandate.frequency'], 'MONTHLY');
		assert.equal(create.form['mandate.rule_type'], 'ON');
		assert.equal(create.form['mandate.rule_value'], '5');
		assert.match(create.form['mandate.end_date'], /^\d{10}$/);
		assert.equal(outputOf(run, 'Get many').length, 1);
		assert.match(mandateId, /^\w{22}$/);
		assert.deepEqual(Object.keys(first(run, 'Get')).sort(), [
			'amount_rule',
			'customer_id',
			'end_date',
			'frequency',
			'mandate_id',
			'mandate_type',
			'max_amount',
			'payment_method_type',
			'start_date',
			'status',
		]);
		assert.equal(first(run, 'Get').status, 'ACTIVE');
		const check = requests.find((r) => r.path === `/mandates/${mandateId}`);
		assert.equal(check.rawBody, 'command=check_status');
	});

	it('sends the pre-debit notification with source_info as JSON text and a derived reference', () => {
		const notify = requests.find((r) => r.form?.command === 'pre_debit_notify');
		assert.match(notify.form.object_reference_id, /^n8n[0-9a-f]{22}$/);
		const sourceInfo = JSON.parse(notify.form.source_info);
		assert.deepEqual(Object.keys(sourceInfo), ['amount', 'txn_date']);
		assert.equal(sourceInfo.amount, '499');
		assert.match(sourceInfo.txn_date, /^\d{10}$/);
		assert.equal(first(run, 'Notify').replayed, false);
		assert.equal(
			first(run, 'Notify with long description').error,
			'The Description is 51 characters long',
		);
		assert.equal(requests.filter((r) => r.form?.command === 'pre_debit_notify').length, 1);
		const notification = first(run, 'Get notification');
		assert.equal(notification.id, first(run, 'Notify').id);
		assert.equal(notification.status, 'SUCCESS');
	});

	it('charges with the documented /txns form, returns the order, and replays a repeat', () => {
		const txn = requests.find((r) => r.path === '/txns');
		assert.equal(
			txn.rawBody,
			new URLSearchParams({
				'order.order_id': `e2e${runId}deb1`,
				'order.amount': '499',
				'order.customer_id': `cst_e2e${runId}`,
				mandate_id: mandateId,
				merchant_id: MERCHANT_ID,
				format: 'json',
				'mandate.notification_id': first(run, 'Notify').id,
			}).toString(),
		);
		const order = first(run, 'Charge');
		assert.equal(order.order_id, `e2e${runId}deb1`);
		assert.equal(order.status, 'PENDING_VBV');
		assert.equal(order.mandate.mandate_id, mandateId);
		assert.equal(order.replayed, false);
		const again = first(run, 'Charge again');
		assert.equal(again.replayed, true);
		assert.equal(again.order_id, `e2e${runId}deb1`);
	});

	for (const [node, amount] of [
		['Charge through a 502', 499],
		['Charge through a dropped connection', 250],
	]) {
		it(`${node}: Retry On Fail sends the same order id, one debit, the step ends with the order`, () => {
			const order = first(run, node);
			assert.equal(order.error, undefined, order.error);
			assert.match(order.order_id, /^n8n[0-9a-f]{17}$/);
			assert.equal(order.amount, amount);
			assert.equal(order.replayed, true);
			const posts = requests.filter(
				(r) => r.path === '/txns' && r.form['order.order_id'] === order.order_id,
			);
			assert.equal(posts.length, 2, 'the first attempt and the retry');
			const statusReads = requests.filter((r) => r.path === `/orders/${order.order_id}`);
			assert.ok(statusReads.length >= 1);
		});
	}

	it("refuses in Juspay's words: over the maximum, no notification, paused, revoked, unknown", () => {
		assert.equal(
			first(run, 'Charge too much').error,
			'Order amount greater than mandate max amount (1000)',
		);
		assert.equal(
			first(run, 'Charge without notification').error,
			'mandate.notification_id is mandatory.',
		);
		assert.equal(first(run, 'Charge paused').error, 'Mandate Not in Active State');
		assert.equal(first(run, 'Revoke again').error, 'Mandate Not in Active State');
		assert.equal(first(run, 'Unknown mandate').error, 'Mandate not found for customer.');
		const debits = requests.filter((r) => r.path === '/txns');
		// deb1 twice, two retried debits twice each, and the three refused ones
		assert.equal(debits.length, 2 + 4 + 3);
	});

	it('pauses with the end as UNIX seconds, resumes and revokes; an end before the start is refused', () => {
		assert.equal(first(run, 'Pause').status, 'PAUSED');
		const pause = requests.find((r) => r.form?.command === 'pause');
		assert.deepEqual(Object.keys(pause.form), ['command', 'pause_end_date']);
		assert.match(pause.form.pause_end_date, /^\d{10}$/);
		assert.equal(first(run, 'Resume').status, 'ACTIVE');
		assert.equal(first(run, 'Revoke').status, 'REVOKED');
		assert.equal(
			first(run, 'Pause with end before start').error,
			'The Pause End Date is not after the Pause Start Date',
		);
		assert.equal(requests.filter((r) => r.form?.command === 'pause').length, 1);
	});

	it('sets a mandate up with a payment link, in its JSON body', () => {
		const session = requests.find((r) => r.path === '/session');
		assert.equal(session.json['options.create_mandate'], 'OPTIONAL');
		assert.equal(session.json['mandate.max_amount'], '800');
		assert.equal(session.json['mandate.revokable_by_customer'], false);
		assert.match(first(run, 'Payment link with mandate').payment_links.web, /^http/);
	});

	it('keeps the API key out of the run', () => {
		for (const secret of [API_KEY, Buffer.from(`${API_KEY}:`).toString('base64')]) {
			assert.ok(!JSON.stringify(run).includes(secret));
		}
	});
});
