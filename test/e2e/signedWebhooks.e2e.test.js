// Signed (JWT) webhooks end to end in a real n8n 2.41.1: the packed tarball installed as a
// community package, a credential holding key sets generated at test time, a published Juspay
// Trigger in Require mode, deliveries encrypted and signed the way Juspay does, and executions
// counted in n8n's database.
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const { N8nInstance, packPackage, provisionN8n, stopAll, log } = require('./lib/n8nInstance');
const { nodeId } = require('./workflows');
const {
	credentialKeys,
	generateKeySet,
	signedWebhook,
	tamperJwt,
} = require('../harness/juspayJwt');

const HOOK_USER = 'juspayhooks';
const HOOK_PASSWORD = 'e2e-hook-password-2';
const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
const CREDENTIAL = { id: 'juspaySignedE2e', name: 'Juspay signed webhooks (e2e)' };
const WORKFLOW_ID = 'juspaySignedHooks';
const WEBHOOK_ID = '7a1e5c3b-2d4f-4e6a-8b9c-0d1e2f3a4b5c';

let n8n;
let webhookUrl;
const current = generateKeySet('key_e2e0current0000000000000000001');
const previous = generateKeySet('key_e2e0previous000000000000000001');
const stranger = generateKeySet('key_e2e0stranger000000000000000001');

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

function triggerWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Juspay e2e: signed webhooks',
		nodes: [
			{
				id: nodeId(),
				name: 'Juspay Trigger',
				type: 'n8n-nodes-juspay.juspayTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: ['*'], options: { signedWebhooks: 'require' } },
				credentials: { juspayApi: CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

before(async () => {
	log('provisioning n8n (first run: several minutes)');
	const paths = provisionN8n();
	log('packing the package');
	const tarball = packPackage();
	n8n = await N8nInstance.create(paths, 'e2e-signed');
	n8n.installPackage(tarball);
	n8n.importCredentials([
		{
			...CREDENTIAL,
			type: 'juspayApi',
			data: {
				// the trigger calls no Juspay API here (no confirmation): nothing listens on port 9
				environment: 'custom',
				baseUrl: 'http://127.0.0.1:9',
				apiKey: 'e2e_api_key_unused',
				merchantId: 'e2emerchant',
				webhookUsername: HOOK_USER,
				webhookPassword: HOOK_PASSWORD,
				...credentialKeys(current, previous),
			},
		},
	]);
	n8n.importWorkflow(triggerWorkflow());
	n8n.publishWorkflow(WORKFLOW_ID);
	log('n8n start');
	await n8n.start();
	webhookUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
	await n8n.waitForWebhook(webhookUrl);
});

after(async () => {
	await stopAll();
	n8n?.remove();
});

async function post(body, { authorization = basic(HOOK_USER, HOOK_PASSWORD) } = {}) {
	const headers = { 'content-type': 'application/json' };
	if (authorization) headers.authorization = authorization;
	const response = await fetch(webhookUrl, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, text: await response.text() };
}

/** Executions are written when they finish: waits (bounded) until `expected` have finished. */
async function settled(expected) {
	let executions = [];
	for (let i = 0; i < 60; i++) {
		executions = n8n.executions(WORKFLOW_ID, { withData: true });
		if (
			executions.length >= expected &&
			executions.every((e) => e.status !== 'running' && e.status !== 'new')
		)
			break;
		await new Promise((done) => setTimeout(done, 250));
	}
	return executions;
}

const outputOf = (execution) =>
	execution.run.resultData.runData['Juspay Trigger'][0].data.main[0][0].json;

const event = (id) => ({
	id,
	event_name: 'ORDER_SUCCEEDED',
	date_created: '2026-11-22T10:00:00Z',
	content: { order: { order_id: `ord_${id}`, status: 'CHARGED', amount: 42, amount_refunded: 0 } },
});

describe('Signed webhooks in n8n', () => {
	it('a valid signed delivery starts exactly one execution, with the event and its signature', async () => {
		const response = await post(signedWebhook(event('evt_V2_signed_e2e_1'), current));
		assert.equal(response.status, 200);
		const executions = await settled(1);
		assert.equal(executions.length, 1);
		assert.equal(executions[0].status, 'success');
		assert.deepEqual(outputOf(executions[0]), {
			...event('evt_V2_signed_e2e_1'),
			order: event('evt_V2_signed_e2e_1').content.order,
			signature: { verified: true, kid: current.kid },
		});
	});

	it('accepts RSA-OAEP with a JSON JWS, and the previous key set, one execution each', async () => {
		const first = signedWebhook(event('evt_V2_signed_e2e_2'), current, {
			alg: 'RSA-OAEP',
			shape: 'json',
		});
		assert.equal((await post(first)).status, 200);
		assert.equal((await post(signedWebhook(event('evt_V2_signed_e2e_3'), previous))).status, 200);
		const executions = await settled(3);
		assert.equal(executions.length, 3);
		assert.deepEqual(
			executions.map((e) => [outputOf(e).id, outputOf(e).signature.kid]),
			[
				['evt_V2_signed_e2e_1', current.kid],
				['evt_V2_signed_e2e_2', current.kid],
				['evt_V2_signed_e2e_3', previous.kid],
			],
		);
	});

	it('de-duplicates a repeated signed event: the same body, re-encrypted, and a burst', async () => {
		const body = signedWebhook(event('evt_V2_signed_e2e_1'), current);
		assert.equal((await post(body)).status, 200);
		assert.equal((await post(body)).status, 200);
		const burstEvent = event('evt_V2_signed_e2e_burst');
		const burst = await Promise.all(
			Array.from({ length: 10 }, () => post(signedWebhook(burstEvent, current))),
		);
		assert.ok(burst.every((r) => r.status === 200));
		await settled(4);
		await new Promise((done) => setTimeout(done, 1000));
		const ids = n8n.executions(WORKFLOW_ID, { withData: true }).map((e) => outputOf(e).id);
		assert.deepEqual(ids, [
			'evt_V2_signed_e2e_1',
			'evt_V2_signed_e2e_2',
			'evt_V2_signed_e2e_3',
			'evt_V2_signed_e2e_burst',
		]);
	});

	it('100 forged signed bodies, and a plain one, get 401 and start nothing', async () => {
		const forgeries = [];
		for (let i = 0; i < 100; i++) {
			const forged = event(`evt_V2_forged_${i}`);
			const kind = i % 5;
			if (kind === 0) {
				// each of the five JWE parts altered in turn
				const { JWT } = signedWebhook(forged, current);
				forgeries.push({ JWT: tamperJwt(JWT, Math.floor(i / 5) % 5) });
			} else if (kind === 1) {
				forgeries.push(signedWebhook(forged, current, { signWith: stranger.juspay.privateKey }));
			} else if (kind === 2) {
				forgeries.push(signedWebhook(forged, stranger));
			} else if (kind === 3) {
				forgeries.push(signedWebhook(forged, current, { jwsAlg: 'none' }));
			} else {
				const { JWT } = signedWebhook(forged, previous);
				forgeries.push({ JWT: JWT.split('.').slice(0, 4).join('.') });
			}
		}
		const responses = [];
		for (let i = 0; i < forgeries.length; i += 10) {
			responses.push(...(await Promise.all(forgeries.slice(i, i + 10).map((body) => post(body)))));
		}
		assert.deepEqual(
			responses.filter((r) => r.status !== 401),
			[],
		);
		assert.ok(
			responses.every((r) => JSON.parse(r.text).message.startsWith('Signed webhook refused')),
		);
		const plain = await post(event('evt_V2_plain_e2e'));
		assert.equal(plain.status, 401);
		assert.match(JSON.parse(plain.text).message, /Signed webhooks are required/);

		await new Promise((done) => setTimeout(done, 1000));
		assert.equal(n8n.executions(WORKFLOW_ID).length, 4);
	});

	it('Basic auth still applies: a valid signed delivery without it gets 401', async () => {
		const response = await post(signedWebhook(event('evt_V2_signed_noauth'), current), {
			authorization: null,
		});
		assert.equal(response.status, 401);
		await new Promise((done) => setTimeout(done, 500));
		assert.equal(n8n.executions(WORKFLOW_ID).length, 4);
	});

	it('no key material in n8n’s log or stored executions', () => {
		const stored = JSON.stringify(n8n.executions(WORKFLOW_ID, { withData: true }));
		const logText = readFileSync(join(n8n.userFolder, 'n8n-start.log'), 'utf8');
		for (const set of [current, previous]) {
			for (const pem of [set.merchant.privateKey, set.juspay.publicKey]) {
				const line = pem.split('\n')[1];
				assert.ok(!stored.includes(line), 'a key appears in stored executions');
				assert.ok(!logText.includes(line), 'a key appears in the n8n log');
			}
		}
	});
});
