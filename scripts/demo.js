#!/usr/bin/env node
// npm run demo — see the package work in a real n8n with no Juspay account and no network.
// Provisions n8n (first run: several minutes), builds and installs this package into a fresh n8n
// user folder, starts the bundled Juspay sandbox, imports a credential pointing at it and the
// example workflows, runs the order lifecycle (customer → order → payment → status → refund),
// publishes the webhook workflow, sends it a payment webhook, and keeps n8n running until Ctrl-C.
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const {
	N8nInstance,
	packPackage,
	provisionN8n,
	stopAll,
	log,
	ROOT,
} = require('../test/e2e/lib/n8nInstance');
const { startSandboxProcess } = require('../test/e2e/lib/sandboxProcess');

const API_KEY = 'demo_sandbox_key';
const MERCHANT_ID = 'demomerchant';
const HOOK_USER = 'juspaydemo';
const HOOK_PASSWORD = 'demo-webhook-password';
const CREDENTIAL_ID = 'juspaySandbox';

let sandbox;
let shuttingDown = false;

async function shutdown(code) {
	if (shuttingDown) return;
	shuttingDown = true;
	log('stopping n8n and the sandbox');
	await stopAll();
	await sandbox?.stop();
	process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function example(name) {
	return JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8'));
}

/** The order lifecycle example, with a step that pays the order in the sandbox before its status is read. */
function lifecycleWithPayment(sandboxUrl) {
	const workflow = example('order-lifecycle.json');
	workflow.nodes.push({
		id: '6f1d3c0e-1a11-4a52-9a3e-0c5b8b2f0099',
		name: 'Customer pays (sandbox only)',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [770, 160],
		parameters: {
			method: 'POST',
			url: `=${sandboxUrl}/sandbox/orders/{{ $json.order_id }}/charge`,
			options: {},
		},
	});
	workflow.connections['Create order'] = {
		main: [[{ node: 'Customer pays (sandbox only)', type: 'main', index: 0 }]],
	};
	workflow.connections['Customer pays (sandbox only)'] = {
		main: [[{ node: 'Get order status', type: 'main', index: 0 }]],
	};
	return workflow;
}

function print(title, value) {
	process.stdout.write(`\n── ${title}\n${JSON.stringify(value, null, 2)}\n`);
}

async function main() {
	if (!existsSync(join(ROOT, 'node_modules', '.bin', 'tsc'))) {
		log('installing the development dependencies (npm install)');
		execFileSync('npm', ['install'], { cwd: ROOT, stdio: 'inherit' });
	}
	const paths = provisionN8n();
	log('building and packing n8n-nodes-juspay');
	const tarball = packPackage();
	sandbox = await startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID, port: 0 });
	log(`Juspay sandbox at ${sandbox.url}`);
	const n8n = await N8nInstance.create(paths, 'demo');
	log(`installing the package into ${n8n.userFolder}/.n8n/nodes`);
	n8n.installPackage(tarball);
	n8n.importCredentials([
		{
			id: CREDENTIAL_ID,
			name: 'Juspay sandbox',
			type: 'juspayApi',
			data: {
				environment: 'custom',
				baseUrl: sandbox.url,
				apiKey: API_KEY,
				merchantId: MERCHANT_ID,
				apiVersion: '2023-06-30',
				webhookUsername: HOOK_USER,
				webhookPassword: HOOK_PASSWORD,
			},
		},
	]);
	const lifecycle = lifecycleWithPayment(sandbox.url);
	const webhooks = example('payment-webhooks.json');
	n8n.importWorkflow(lifecycle);
	n8n.importWorkflow(webhooks);

	log('running the order lifecycle workflow with `n8n execute`');
	const { run } = n8n.execute(lifecycle.id);
	const runData = run.data.resultData.runData;
	if (run.data.resultData.error)
		throw new Error(`the workflow failed: ${run.data.resultData.error.message}`);
	const first = (node) => runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
	print('Create customer', first('Create customer'));
	print('Create order', first('Create order'));
	print('Get order status (simplified)', first('Get order status'));
	print('Refund part of it (simplified)', first('Refund part of it'));

	log('publishing the webhook workflow and starting n8n');
	n8n.publishWorkflow(webhooks.id);
	await n8n.start();
	const webhookNode = webhooks.nodes.find((node) => node.type.endsWith('.juspayTrigger'));
	const webhookUrl = `${n8n.url}/webhook/${webhookNode.webhookId}/webhook`;
	await n8n.waitForWebhook(webhookUrl);
	const orderId = first('Create order').order_id;
	const delivery = await (
		await fetch(`${sandbox.url}/sandbox/orders/${orderId}/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				event_name: 'ORDER_SUCCEEDED',
				url: webhookUrl,
				username: HOOK_USER,
				password: HOOK_PASSWORD,
			}),
		})
	).json();
	log(
		`the sandbox sent ORDER_SUCCEEDED for ${orderId} to the Juspay Trigger: HTTP ${delivery.status}`,
	);
	let executions = [];
	for (let i = 0; i < 40 && executions.length === 0; i++) {
		await new Promise((done) => setTimeout(done, 250));
		executions = n8n
			.executions(webhooks.id, { withData: true })
			.filter((e) => e.status === 'success');
	}
	const summary = executions[0]?.run?.resultData?.runData?.Summary?.[0]?.data?.main?.[0]?.[0]?.json;
	print('Webhook workflow: Summary of the confirmed event', summary ?? 'no execution yet');

	process.stdout.write(`
n8n is running at ${n8n.url}  (first visit: create the owner account; nothing leaves this machine)
  Workflows:  "${lifecycle.name}" and "${webhooks.name}" (published)
  Credential: "Juspay sandbox" → ${sandbox.url}
  Webhook:    ${webhookUrl}  (Basic ${HOOK_USER} / ${HOOK_PASSWORD})
  Send another payment webhook:
    curl -X POST ${sandbox.url}/sandbox/orders/${orderId}/webhook -H 'content-type: application/json' \\
      -d '{"event_name":"ORDER_REFUNDED","url":"${webhookUrl}","username":"${HOOK_USER}","password":"${HOOK_PASSWORD}"}'
Press Ctrl-C to stop n8n and the sandbox.
`);
	if (process.env.DEMO_EXIT_AFTER_START === '1') await shutdown(0);
}

main().catch(async (error) => {
	process.stderr.write(`demo failed: ${error.stack || error}\n`);
	await shutdown(1);
});
