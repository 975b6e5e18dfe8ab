// n8n 2.41.1 in queue mode, as merchants scale it: main + two webhook processes + one worker, on
// PostgreSQL and Redis started by test/e2e/lib/queueServices.js, the packed package installed
// once in the shared user folder. A delivery runs the trigger's webhook() in the webhook process
// that received it; the run (Juspay Trigger → Juspay node) is a Bull job done by the worker.
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');

const { N8nInstance, packPackage, provisionN8n, stopAll, log } = require('./lib/n8nInstance');
const { startQueueServices } = require('./lib/queueServices');
const { startSandboxProcess } = require('./lib/sandboxProcess');
const { CREDENTIAL, juspayNode, nodeId } = require('./workflows');

const API_KEY = 'queue_api_key_value';
const MERCHANT_ID = 'queuemerchant';
const HOOK_USER = 'queuehooks';
const HOOK_PASSWORD = 'queue-hook-password-1';
const WORKFLOW_ID = 'juspayQueueMode';
const WEBHOOK_ID = '6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b';
const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

let services;
let sandbox;
let main;
let webhookA;
let webhookB;
let worker;
let orderId;

async function cleanUp() {
	await stopAll();
	await sandbox?.stop();
	await services?.stop();
}
process.on('SIGINT', () => cleanUp().then(() => process.exit(130)));
process.on('SIGTERM', () => cleanUp().then(() => process.exit(143)));

function queueWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Juspay e2e: queue mode',
		nodes: [
			{
				id: nodeId(),
				name: 'Juspay Trigger',
				type: 'n8n-nodes-juspay.juspayTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: ['*'], options: {} },
				credentials: CREDENTIAL,
			},
			{
				...juspayNode(
					'Get status',
					{ resource: 'order', operation: 'get', orderId: '={{ $json.order.order_id }}' },
					{ continueOnFail: false },
				),
				position: [220, 0],
			},
		],
		connections: {
			'Juspay Trigger': { main: [[{ node: 'Get status', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

before(async () => {
	const paths = provisionN8n();
	log('packing the package');
	const tarball = packPackage();
	[services, sandbox] = await Promise.all([
		startQueueServices(),
		startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID }),
	]);
	const shared = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
	};
	main = await N8nInstance.create(paths, 'queue', {
		env: {
			...shared,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		},
	});
	const options = (command, name) => ({
		userFolder: main.userFolder,
		command,
		name,
		env: shared,
	});
	webhookA = await N8nInstance.create(paths, 'queue', options('webhook', 'webhook-a'));
	webhookB = await N8nInstance.create(paths, 'queue', options('webhook', 'webhook-b'));
	worker = await N8nInstance.create(paths, 'queue', options('worker', 'worker'));

	main.installPackage(tarball);
	main.importCredentials([
		{
			...CREDENTIAL.juspayApi,
			type: 'juspayApi',
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				merchantId: MERCHANT_ID,
				apiKey: API_KEY,
				apiVersion: '2023-06-30',
				webhookUsername: HOOK_USER,
				webhookPassword: HOOK_PASSWORD,
			},
		},
	]);
	main.importWorkflow(queueWorkflow());
	main.publishWorkflow(WORKFLOW_ID);
	log('n8n start (main, migrates the database), then two webhook processes and a worker');
	await main.start();
	await Promise.all([webhookA.start(), webhookB.start(), worker.start()]);
	await Promise.all([webhookA, webhookB].map((n8n) => n8n.waitForWebhook(urlOf(n8n))));

	orderId = `q${Date.now().toString(36)}`;
	const created = await fetch(`${sandbox.url}/orders`, {
		method: 'POST',
		headers: {
			authorization: basic(API_KEY, ''),
			'x-merchantid': MERCHANT_ID,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: `order_id=${orderId}&amount=42`,
	});
	assert.equal(created.status, 200);
	await fetch(`${sandbox.url}/sandbox/orders/${orderId}/charge`, { method: 'POST' });
});

after(async () => {
	await cleanUp();
	main?.remove();
});

const urlOf = (n8n) => `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;

async function deliver(n8n, id, authorization = basic(HOOK_USER, HOOK_PASSWORD)) {
	const response = await fetch(urlOf(n8n), {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization },
		body: JSON.stringify({
			id,
			event_name: 'ORDER_SUCCEEDED',
			date_created: '2026-11-22T10:00:00Z',
			content: { order: { order_id: orderId, status: 'CHARGED', amount: 42 } },
		}),
	});
	return { status: response.status, body: await response.text() };
}

/** Waits until `expected` executions exist and none is still queued or running. */
async function settled(expected) {
	let executions = [];
	for (let attempt = 0; attempt < 240; attempt++) {
		executions = main.executions(WORKFLOW_ID);
		const done = executions.every((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (executions.length >= expected && done) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return executions;
}

/** A count that must not grow: checked again after the worker had time to pick up a job. */
async function stillCount(expected) {
	await new Promise((resolve) => setTimeout(resolve, 1500));
	assert.equal((await settled(expected)).length, expected);
}

const triggerIdOf = (execution) =>
	execution.run.resultData.runData['Juspay Trigger'][0].data.main[0][0].json.id;

describe('Juspay Trigger and node in n8n queue mode', () => {
	let count = 0;

	it('a delivery to either webhook process starts one execution, done on the worker with the credential', async () => {
		for (const [n8n, id] of [
			[webhookA, 'evt_q_a'],
			[webhookB, 'evt_q_b'],
		]) {
			const response = await deliver(n8n, id);
			assert.equal(response.status, 200, response.body);
			count += 1;
		}
		const executions = await settled(count);
		assert.equal(executions.length, count);
		const stored = main.executions(WORKFLOW_ID, { withData: true });
		assert.deepEqual(stored.map(triggerIdOf), ['evt_q_a', 'evt_q_b']);
		const workerLog = readFileSync(worker.logFile, 'utf8');
		for (const execution of stored) {
			assert.equal(execution.status, 'success');
			assert.equal(execution.mode, 'webhook');
			// the Juspay node called the sandbox with the decrypted API key, on the worker
			const [status] = execution.run.resultData.runData['Get status'][0].data.main[0];
			assert.equal(status.json.order_id, orderId);
			assert.equal(status.json.status, 'CHARGED');
			assert.match(workerLog, new RegExp(`Worker finished execution ${execution.id} `));
		}
		for (const n8n of [main, webhookA, webhookB]) {
			assert.doesNotMatch(readFileSync(n8n.logFile, 'utf8'), /Worker started execution/);
		}
	});

	it('a repeat to the other process after the first was answered starts nothing', async () => {
		assert.equal((await deliver(webhookB, 'evt_q_a')).status, 200);
		assert.equal((await deliver(webhookA, 'evt_q_b')).status, 200);
		await stillCount(count);
	});

	it('interleaved: 20 new events, each repeated to the other process, start 20 executions', async () => {
		const ids = Array.from({ length: 20 }, (_, n) => `evt_q_i${n}`);
		for (const [n, id] of ids.entries()) {
			const [first, other] = n % 2 === 0 ? [webhookA, webhookB] : [webhookB, webhookA];
			assert.equal((await deliver(first, id)).status, 200);
			const repeat = await deliver(other, id);
			assert.equal(repeat.status, 200);
			assert.match(repeat.body, /duplicate event/);
		}
		count += ids.length;
		await stillCount(count);
		const stored = main.executions(WORKFLOW_ID, { withData: true });
		assert.deepEqual(stored.map(triggerIdOf).slice(-20), ids);
	});

	it('after both webhook processes restart, repeats to either start nothing', async () => {
		await Promise.all([webhookA.stop(), webhookB.stop()]);
		await Promise.all([webhookA.start(), webhookB.start()]);
		await Promise.all([webhookA, webhookB].map((n8n) => n8n.waitForWebhook(urlOf(n8n))));
		const ids = ['evt_q_a', 'evt_q_b', ...Array.from({ length: 20 }, (_, n) => `evt_q_i${n}`)];
		for (const [n, id] of ids.entries()) {
			const response = await deliver(n % 2 === 0 ? webhookB : webhookA, id);
			assert.equal(response.status, 200);
			assert.match(response.body, /duplicate event/, `${id} was accepted again`);
		}
		await stillCount(count);
	});

	it('forged deliveries to either process get 401 and start nothing', async () => {
		for (const n8n of [webhookA, webhookB]) {
			for (const authorization of [basic(HOOK_USER, 'wrong'), basic('other', HOOK_PASSWORD), '']) {
				const response = await deliver(n8n, `evt_q_forged_${Math.random()}`, authorization);
				assert.equal(response.status, 401);
			}
		}
		await stillCount(count);
	});

	it('the remaining gap, measured: the same event at both processes at the same moment', async () => {
		// Not a guarantee (README › Running in queue mode): each pair starts one or two executions.
		const pairs = 10;
		for (let n = 0; n < pairs; n++) {
			const id = `evt_q_race${n}`;
			const answers = await Promise.all([deliver(webhookA, id), deliver(webhookB, id)]);
			assert.ok(answers.every((answer) => answer.status === 200));
		}
		const before = count;
		const executions = await settled(before + pairs);
		await stillCount(executions.length);
		const started = executions.length - before;
		log(
			`simultaneous pairs: ${pairs}, executions started: ${started} (${started - pairs} doubled)`,
		);
		assert.ok(started >= pairs && started <= 2 * pairs, `${started} executions for ${pairs} pairs`);
		const perEvent = new Map();
		for (const id of main.executions(WORKFLOW_ID, { withData: true }).map(triggerIdOf)) {
			perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
		}
		for (let n = 0; n < pairs; n++) {
			const runs = perEvent.get(`evt_q_race${n}`);
			assert.ok(runs === 1 || runs === 2, `evt_q_race${n} started ${runs}`);
		}
		count = executions.length;
	});
});
