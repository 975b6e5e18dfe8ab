// End to end in a real n8n: issue 7's flows (Payment Link › Create, Customer › Create or Update,
// Order › Update, Refund Transaction, Verify Return URL) from the packed tarball, against the
// sandbox process, checking the wire requests the sandbox recorded and n8n's outputs.
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { createHmac } = require('node:crypto');

const { N8nInstance, packPackage, provisionN8n, stopAll, log } = require('./lib/n8nInstance');
const { startSandboxProcess } = require('./lib/sandboxProcess');
const { dailyFlowsWorkflow, CREDENTIAL } = require('./workflows');

const API_KEY = 'e2e_flows_api_key';
const MERCHANT_ID = 'e2eflows';
const RESPONSE_KEY = 'e2e_response_key_9';

// Juspay's return URL signature (juspay-api-2.md §7), written out independently of the node.
const enc = (text) =>
	encodeURIComponent(text)
		.replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
function sign(params) {
	const joined = Object.entries(params)
		.map(([k, v]) => [enc(k), enc(v)])
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	return createHmac('sha256', RESPONSE_KEY).update(enc(joined)).digest('base64');
}

let sandbox;
let n8n;

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

before(async () => {
	const paths = provisionN8n();
	const tarball = packPackage();
	sandbox = await startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID });
	n8n = await N8nInstance.create(paths, 'e2e-flows');
	n8n.installPackage(tarball);
	n8n.importCredentials([
		{
			...CREDENTIAL.juspayApi,
			type: 'juspayApi',
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				apiKey: API_KEY,
				merchantId: MERCHANT_ID,
				apiVersion: '2023-06-30',
				paymentPageClientId: sandbox.paymentPageClientId,
				responseKey: RESPONSE_KEY,
			},
		},
	]);
});

after(async () => {
	await stopAll();
	await sandbox?.stop();
	n8n?.remove();
});

describe('Juspay daily flows in n8n', () => {
	let run;
	let requests;
	let stored;
	const runId = Date.now().toString(36);
	const orderId = `e2e${runId}upd`;
	const redirect = { order_id: orderId, status: 'CHARGED', status_id: '21' };

	const outputOf = (node) => {
		const task = run.data.resultData.runData[node]?.[0];
		assert.ok(task, `node "${node}" did not run`);
		return (task.data?.main?.[0] ?? []).map((item) => item.json);
	};
	const errorOf = (node) => {
		const [json] = outputOf(node);
		assert.ok(json?.error, `node "${node}" has no error: ${JSON.stringify(json)}`);
		return json;
	};
	const sent = (method, path) => requests.filter((r) => r.method === method && r.path === path);

	before(async () => {
		const signedQuery = JSON.stringify({
			...redirect,
			signature: sign(redirect),
			signature_algorithm: 'HMAC-SHA256',
		});
		const forgedQuery = JSON.stringify({
			...redirect,
			status: 'CHARGED',
			status_id: '21',
			signature: sign({ ...redirect, status: 'PENDING_VBV' }),
			signature_algorithm: 'HMAC-SHA256',
		});
		const workflow = dailyFlowsWorkflow(runId, sandbox.url, { signedQuery, forgedQuery });
		n8n.importWorkflow(workflow);
		// The first link's answer is lost after Juspay created the order: Retry On Fail resends.
		await sandbox.injectFault({ method: 'POST', path: '/session', status: 502, afterCommit: true });
		log('n8n execute: daily flows');
		run = n8n.execute(workflow.id).run;
		stored = JSON.stringify(n8n.executions(workflow.id, { withData: true }).pop());
		requests = await sandbox.requests();
	});

	it('creates a payment link with a JSON body: flat dotted keys, nested payment_filter', () => {
		const [request] = requests.filter(
			(r) => r.path === '/session' && r.json?.order_id === `pl${runId}`,
		);
		assert.equal(request.method, 'POST');
		assert.equal(request.headers['content-type'], 'application/json');
		assert.equal(request.authorization_valid, true);
		assert.deepEqual(request.json, {
			order_id: `pl${runId}`,
			amount: '249.99',
			currency: 'INR',
			customer_id: 'e2ecustomer1',
			customer_email: 'asha@example.com',
			customer_phone: '9988776655',
			payment_page_client_id: sandbox.paymentPageClientId,
			action: 'paymentPage',
			return_url: 'https://shop.example.com/paid',
			description: 'Invoice 42',
			send_mail: true,
			send_sms: true,
			'metadata.expiryInMins': '120',
			payment_filter: {
				allowDefaultOptions: false,
				options: [
					{ paymentMethodType: 'UPI', enable: true },
					{ paymentMethodType: 'CARD', enable: true },
					{ paymentMethodType: 'NB', enable: false },
					{ paymentMethodType: 'WALLETS', enable: false },
				],
			},
			udf1: 'inv42',
		});
		const [link] = outputOf('Create link');
		assert.equal(link.order_id, `pl${runId}`);
		assert.match(link.payment_links.web, /\/orders\/ordeh_[0-9a-f]+\/payment-page$/);
		assert.equal(link.replayed, false);
	});

	it('a retry after a 502 that came after Juspay created the order returns that order, replayed', () => {
		const posts = requests.filter(
			(r) => r.path === '/session' && r.json?.order_id !== `pl${runId}`,
		);
		const derived = posts[0].json.order_id;
		assert.match(derived, /^[A-Za-z0-9]{1,18}$/);
		assert.equal(posts.filter((r) => r.json.order_id === derived).length, 2);
		const [link] = outputOf('Link with retry');
		assert.deepEqual(Object.keys(link).sort(), [
			'id',
			'link',
			'link_expires_at',
			'order_id',
			'replayed',
			'status',
		]);
		assert.equal(link.order_id, derived);
		assert.equal(link.replayed, true);
		assert.match(link.link, /\/payment-page$/);
	});

	it('refuses a bad e-mail before sending, naming the parameter', () => {
		const failed = errorOf('Link bad email');
		assert.match(failed.error, /Customer Email asha\.example\.com is not an email address/);
		assert.equal(requests.filter((r) => r.json?.order_id === `pl${runId}x`).length, 0);
	});

	it('upserts a customer: created, then unchanged with no write, then only the change', () => {
		assert.equal(outputOf('Upsert new')[0].action, 'created');
		assert.equal(outputOf('Upsert same')[0].action, 'unchanged');
		assert.deepEqual(outputOf('Upsert changed')[0], {
			...outputOf('Upsert changed')[0],
			action: 'updated',
			last_name: 'Rao',
		});
		const writes = requests.filter((r) => r.method === 'POST' && r.path.startsWith('/customers'));
		assert.equal(writes.length, 2);
		assert.equal(writes[0].path, '/customers');
		assert.deepEqual(writes[1].form, { last_name: 'Rao' });
		assert.equal(writes[1].headers['content-type'], 'application/x-www-form-urlencoded');
	});

	it('updates an unpaid order with a form body; refuses an empty update and a paid order', () => {
		const [update] = sent('POST', `/orders/${orderId}`);
		assert.equal(update.headers['content-type'], 'application/x-www-form-urlencoded');
		assert.deepEqual(update.form, { amount: '350.25', shipping_address_city: 'Pune', udf3: 'upd' });
		assert.equal(outputOf('Update order')[0].amount, 350.25);
		assert.match(errorOf('Update nothing').error, /The Update Fields are empty/);
		assert.equal(sent('POST', `/orders/${orderId}`).length, 2, 'the empty update sent nothing');
		const paid = errorOf('Update paid order');
		assert.equal(paid.error, `Order ${orderId} cannot be updated in status CHARGED`);
		assert.match(stored, /Only unpaid orders \(status NEW or CREATED\) can be updated/);
	});

	it('refunds a transaction to /refunds and replays a repeated Unique Request ID', () => {
		const posts = sent('POST', '/refunds');
		assert.equal(posts.length, 3);
		assert.deepEqual(Object.keys(posts[0].form).sort(), [
			'amount',
			'order_id',
			'refund_type',
			'unique_request_id',
		]);
		assert.match(posts[0].form.unique_request_id, /^[A-Za-z0-9]{1,20}$/);
		assert.equal(posts[0].form.refund_type, 'INSTANT_WITH_FALLBACK');
		const [first] = outputOf('Refund transaction');
		assert.equal(first.order_id, orderId);
		assert.equal(first.amount, 50);
		assert.equal(first.replayed, false);
		assert.equal(first.refunds, undefined, 'one refund object, not the order');
		const [replay] = outputOf('Refund transaction replay');
		assert.equal(replay.unique_request_id, `tr${runId}`);
		assert.equal(replay.replayed, true);
	});

	it('verifies a genuine return URL and confirms it; a forged one is verified: false or fails', () => {
		const [genuine] = outputOf('Verify genuine');
		assert.equal(genuine.verified, true);
		assert.equal(genuine.order_id, orderId);
		assert.equal(genuine.confirmed, true);
		assert.equal(genuine.confirmed_status, 'CHARGED');
		const [forged] = outputOf('Verify forged');
		assert.equal(forged.verified, false);
		assert.equal(forged.reason, 'signature mismatch');
		assert.match(errorOf('Verify forged, fail').error, /not signed by Juspay/);
	});

	it('never shows the API key or the Response Key', () => {
		const printed = JSON.stringify(run) + stored;
		assert.ok(!printed.includes(API_KEY));
		assert.ok(!printed.includes(RESPONSE_KEY));
	});
});
