#!/usr/bin/env node
// npm run demo [-- --fresh | --clean]: the package working in a real n8n, with no Juspay account
// and no network. Provisions n8n (first run only: minutes), builds and installs this package into
// the demo's n8n (kept in .cache/demo between runs), starts the bundled Juspay sandbox, imports a
// credential pointing at it and the example workflows, runs the order lifecycle (customer → order →
// payment → status → refund), publishes the webhook workflow, sends it a payment webhook, and keeps
// n8n running until Ctrl-C. Each step is one function in STEPS: a new one is one more entry.
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { parseArgs } = require('node:util');

const {
	N8nInstance,
	packPackage,
	provisionN8n,
	stopAll,
	makeLog,
	ROOT,
	CACHE,
} = require('../test/e2e/lib/n8nInstance');
const { startSandboxProcess } = require('../test/e2e/lib/sandboxProcess');

const API_KEY = 'demo_sandbox_key';
const MERCHANT_ID = 'demomerchant';
const HOOK_USER = 'juspaydemo';
const HOOK_PASSWORD = 'demo-webhook-password';
const CREDENTIAL_ID = 'juspaySandbox';
/** The demo's n8n user folder: its owner account, workflows and executions stay between runs. */
const DEMO_FOLDER = join(CACHE, 'demo');

const USAGE = `npm run demo [-- options]
  (none)    start the demo; reuses the demo's n8n in .cache/demo (owner account, edits, executions)
  --fresh   start from a new, empty n8n user folder (the old one is deleted)
  --clean   delete the demo's n8n user folder and exit
  --help    this text`;

const started = Date.now();
function elapsed() {
	const seconds = Math.round((Date.now() - started) / 1000);
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
const stamp = makeLog('demo');
const log = (message) => stamp(`+${elapsed()} ${message}`);

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

/**
 * The order lifecycle example, with a step that pays the order in the sandbox before its status
 * is read, placed in line: the nodes after it move one column right, so no wire runs backwards.
 */
function lifecycleWithPayment(sandboxUrl) {
	const workflow = example('order-lifecycle.json');
	const statusNode = workflow.nodes.find((node) => node.name === 'Get order status');
	const [column, row] = statusNode.position;
	for (const node of workflow.nodes) {
		if (node.position[0] >= column) node.position = [node.position[0] + 220, node.position[1]];
	}
	workflow.nodes.push({
		id: '6f1d3c0e-1a11-4a52-9a3e-0c5b8b2f0099',
		name: 'Customer pays (sandbox only)',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [column, row],
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

/** Deletes what earlier versions of the demo left: one n8n user folder per run. */
function removeOldRunFolders() {
	const instances = join(CACHE, 'instances');
	if (!existsSync(instances)) return;
	for (const name of readdirSync(instances).filter((entry) => entry.startsWith('demo-'))) {
		rmSync(join(instances, name), { recursive: true, force: true });
	}
}

/**
 * The demo, step by step. Each step: what it does, how long it usually takes on 2 cores, and
 * the function that does it, sharing `demo` (paths, tarball, sandbox, n8n, workflows, results).
 */
const STEPS = [
	{
		title: 'Provision n8n 2.41.1 and the Node.js 24 it runs on, into .cache/',
		expect: 'first run: 7 to 12 min and 3.2 GB, download then compile; later: seconds',
		run(demo) {
			demo.paths = provisionN8n();
		},
	},
	{
		title: 'Build and pack n8n-nodes-juspay',
		expect: 'about 15 s',
		run(demo) {
			demo.tarball = packPackage();
		},
	},
	{
		title: 'Start the Juspay sandbox and install the package into the demo n8n',
		expect: 'about 20 s',
		async run(demo) {
			sandbox = await startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID, port: 0 });
			log(`  Juspay sandbox at ${sandbox.url}`);
			const reused = existsSync(join(DEMO_FOLDER, '.n8n', 'database.sqlite'));
			demo.n8n = await N8nInstance.create(demo.paths, 'demo', { userFolder: DEMO_FOLDER });
			log(
				reused
					? `  reusing the demo's n8n in ${DEMO_FOLDER} (npm run demo -- --fresh to start over)`
					: `  a new n8n user folder: ${DEMO_FOLDER}`,
			);
			rmSync(join(DEMO_FOLDER, 'n8n-start.log'), { force: true });
			demo.n8n.installPackage(demo.tarball);
		},
	},
	{
		title: 'Import the Juspay sandbox credential and the example workflows',
		expect: 'about 20 s',
		run(demo) {
			// Both are the demo's own and reset at each run (the sandbox's address changes);
			// everything else in the demo's n8n stays.
			demo.n8n.importCredentials([
				{
					id: CREDENTIAL_ID,
					name: 'Juspay sandbox',
					type: 'juspayApi',
					data: sandbox.credentialData({
						webhookUsername: HOOK_USER,
						webhookPassword: HOOK_PASSWORD,
					}),
				},
			]);
			demo.lifecycle = lifecycleWithPayment(sandbox.url);
			demo.webhooks = example('payment-webhooks.json');
			demo.paymentLink = example('send-payment-link.json');
			demo.n8n.importWorkflow(demo.lifecycle);
			demo.n8n.importWorkflow(demo.webhooks);
			demo.n8n.importWorkflow(demo.paymentLink);
		},
	},
	{
		title: 'Run the order lifecycle workflow (n8n execute)',
		expect: 'about 30 s',
		run(demo) {
			const { run } = demo.n8n.execute(demo.lifecycle.id);
			if (run.data.resultData.error)
				throw new Error(`the workflow failed: ${run.data.resultData.error.message}`);
			const runData = run.data.resultData.runData;
			const first = (node) => runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
			print('Create customer', first('Create customer'));
			print('Create order', first('Create order'));
			print('Get order status (simplified)', first('Get order status'));
			print('Refund part of it (simplified)', first('Refund part of it'));
			demo.orderId = first('Create order').order_id;
		},
	},
	{
		title: 'Run the send-a-payment-link workflow (n8n execute)',
		expect: 'about 20 s',
		run(demo) {
			const { run } = demo.n8n.execute(demo.paymentLink.id);
			if (run.data.resultData.error)
				throw new Error(`the workflow failed: ${run.data.resultData.error.message}`);
			const runData = run.data.resultData.runData;
			const first = (node) => runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
			print('Create or update customer', first('Create or update customer'));
			const link = first('Create payment link');
			print('Create payment link (simplified)', link);
			log(`  payment link for order ${link.order_id}: ${link.link}`);
			demo.link = link;
		},
	},
	{
		title: 'Publish the webhook workflow, start n8n, and send it a payment webhook',
		expect: 'about 45 s',
		async run(demo) {
			const { n8n, webhooks } = demo;
			n8n.publishWorkflow(webhooks.id);
			await n8n.start();
			const trigger = webhooks.nodes.find((node) => node.type.endsWith('.juspayTrigger'));
			demo.webhookUrl = `${n8n.url}/webhook/${trigger.webhookId}/webhook`;
			await n8n.waitForWebhook(demo.webhookUrl);
			const before = n8n.executions(webhooks.id).length;
			const delivery = await (
				await fetch(`${sandbox.url}/sandbox/orders/${demo.orderId}/webhook`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						event_name: 'ORDER_SUCCEEDED',
						url: demo.webhookUrl,
						username: HOOK_USER,
						password: HOOK_PASSWORD,
					}),
				})
			).json();
			log(`  the sandbox sent ORDER_SUCCEEDED for ${demo.orderId}: HTTP ${delivery.status}`);
			let executions = [];
			for (let i = 0; i < 40 && executions.length === 0; i++) {
				await new Promise((done) => setTimeout(done, 250));
				executions = n8n
					.executions(webhooks.id, { withData: true })
					.slice(before)
					.filter((execution) => execution.status === 'success');
			}
			const summary =
				executions[0]?.run?.resultData?.runData?.Summary?.[0]?.data?.main?.[0]?.[0]?.json;
			print('Webhook workflow: Summary of the confirmed event', summary ?? 'no execution yet');
		},
	},
];

async function runSteps(demo) {
	for (const [index, step] of STEPS.entries()) {
		log(`${index + 1}/${STEPS.length} ${step.title} (${step.expect})`);
		const stepStarted = Date.now();
		await step.run(demo);
		log(`${index + 1}/${STEPS.length} done in ${Math.round((Date.now() - stepStarted) / 1000)} s`);
	}
}

function printWhereToGo(demo) {
	const { n8n, lifecycle, webhooks, webhookUrl, orderId } = demo;
	process.stdout.write(`
n8n is running at ${n8n.url}  (loopback only; first visit: create the owner account, kept for the next runs)
  Open the workflows directly (after sign-up n8n shows its start page):
    ${lifecycle.name}:  ${n8n.url}/workflow/${lifecycle.id}
    ${webhooks.name} (published):  ${n8n.url}/workflow/${webhooks.id}
    ${demo.paymentLink.name}:  ${n8n.url}/workflow/${demo.paymentLink.id}
  Payment link created: ${demo.link.link}
  Credential "Juspay sandbox" → ${sandbox.url}
  Webhook:    ${webhookUrl}  (Basic ${HOOK_USER} / ${HOOK_PASSWORD})
  Send another payment webhook:
    curl -X POST ${sandbox.url}/sandbox/orders/${orderId}/webhook -H 'content-type: application/json' \\
      -d '{"event_name":"ORDER_REFUNDED","url":"${webhookUrl}","username":"${HOOK_USER}","password":"${HOOK_PASSWORD}"}'
Ready after ${elapsed()}. Press Ctrl-C to stop n8n and the sandbox; npm run demo -- --fresh starts over,
npm run demo -- --clean deletes the demo's n8n (${DEMO_FOLDER}).
`);
}

async function main() {
	const { values: options } = parseArgs({
		options: {
			fresh: { type: 'boolean', default: false },
			clean: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (options.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	removeOldRunFolders();
	if (options.clean || options.fresh) {
		rmSync(DEMO_FOLDER, { recursive: true, force: true });
		log(`deleted the demo's n8n user folder ${DEMO_FOLDER}`);
		if (options.clean) return;
	}
	if (!existsSync(join(ROOT, 'node_modules', '.bin', 'tsc'))) {
		log('installing the development dependencies (npm install, about 1 min)');
		execFileSync('npm', ['install'], { cwd: ROOT, stdio: 'inherit' });
	}
	const demo = {};
	await runSteps(demo);
	printWhereToGo(demo);
	if (process.env.DEMO_EXIT_AFTER_START === '1') await shutdown(0);
}

main().catch(async (error) => {
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		process.stderr.write(`${error.message}\n${USAGE}\n`);
		process.exitCode = 2;
		return;
	}
	process.stderr.write(`demo failed: ${error.stack || error}\n`);
	await shutdown(1);
});
