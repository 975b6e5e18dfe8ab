#!/usr/bin/env node
// npm run bench:e2e [-- --items 500 --rounds 3 --deliveries 200]
// In a real n8n 2.41.1 (provisioned like the e2e suite), against the local Juspay sandbox:
// 1. One workflow feeds the same order ids to the Juspay node (Get Status) and to n8n's HTTP
//    Request node configured for the same call (Basic auth, same headers), both in the same
//    execution, alternating which runs first; prints each node's execution time as n8n records
//    it, the median ratio, and a raw HTTP client loop against the same sandbox as the floor.
// 2. Payment Link › Create: LINKS links through the Juspay node and through n8n's HTTP Request
//    node building the same JSON POST /session, in the same execution, alternating order
//    (in benchLookups' n8n).
// 3. The trigger at scale (benchTriggerAtScale): deliveries per second accepted by the Juspay
//    Trigger beside n8n's Webhook node with Basic auth, in the same running n8n, on n8n's default
//    expression engine (vm) and on legacy, with an empty memory, after 10,000 accepted events,
//    and after an n8n restart with that memory.
//    --only lookups|trigger runs one part; --engines vm,legacy; --fill N sets the 10,000. --fill-by seed (default)
//    puts the N events in place as the static data the trigger itself writes after accepting
//    them (made with the trigger's own built code, written while n8n is stopped); --fill-by
//    deliveries has the trigger accept N deliveries over HTTP (each starts an execution: slow).
const http = require('node:http');

const autocannon = require('autocannon');

const {
	N8nInstance,
	packPackage,
	provisionN8n,
	stopAll,
	log,
} = require('../test/e2e/lib/n8nInstance');
const { startSandboxProcess } = require('../test/e2e/lib/sandboxProcess');

function argument(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const ITEMS = argument('items', 500);
const ROUNDS = argument('rounds', 3);
const DELIVERIES = argument('deliveries', 200);
const LINKS = argument('links', 500);
const FILL = argument('fill', 10000);
const fillByIndex = process.argv.indexOf('--fill-by');
const FILL_BY = fillByIndex > 0 ? process.argv[fillByIndex + 1] : 'seed';
const enginesIndex = process.argv.indexOf('--engines');
const ENGINES = enginesIndex > 0 ? process.argv[enginesIndex + 1].split(',') : ['vm', 'legacy'];
const onlyIndex = process.argv.indexOf('--only');
const ONLY = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const CONCURRENCY = 8;

const API_KEY = 'bench_api_key';
const MERCHANT_ID = 'benchmerchant';
const HOOK_USER = 'benchhooks';
const HOOK_PASSWORD = 'bench-hook-password';
const basic = (user, pass) => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));

let counter = 0;
const id = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;

function juspayStep(name) {
	return {
		id: id(),
		name,
		type: 'n8n-nodes-juspay.juspay',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.order_id }}' },
		credentials: { juspayApi: { id: 'juspayBench', name: 'Juspay bench' } },
	};
}

function httpStep(name, sandboxUrl) {
	return {
		id: id(),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			url: `=${sandboxUrl}/orders/{{ $json.order_id }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBasicAuth',
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'x-merchantid', value: MERCHANT_ID },
					{ name: 'version', value: '2023-06-30' },
					{ name: 'x-routing-id', value: '={{ $json.order_id }}' },
					{ name: 'Accept', value: 'application/json' },
				],
			},
			options: {},
		},
		credentials: { httpBasicAuth: { id: 'juspayBenchBasic', name: 'Juspay bench basic' } },
	};
}

function lookupWorkflow(sandboxUrl, orderIds) {
	const steps = [];
	for (let round = 0; round < ROUNDS; round++) {
		const juspay = juspayStep(`Juspay ${round + 1}`);
		const http = httpStep(`HTTP Request ${round + 1}`, sandboxUrl);
		steps.push(...(round % 2 === 0 ? [juspay, http] : [http, juspay]));
	}
	const nodes = [
		{
			id: id(),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: id(),
			name: 'Order ids',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [0, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: JSON.stringify({ ids: orderIds.map((order_id) => ({ order_id })) }),
			},
		},
		{
			id: id(),
			name: 'One item per id',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [0, 0],
			parameters: { fieldToSplitOut: 'ids', options: {} },
		},
		...steps,
	];
	const connections = {};
	nodes.forEach((node, index) => {
		node.position = [index * 200, 0];
		if (index + 1 < nodes.length)
			connections[node.name] = {
				main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
			};
	});
	return {
		id: 'juspayBenchLookups',
		name: 'Bench: Juspay node vs HTTP Request',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

function webhookWorkflows() {
	return [
		{
			id: 'benchJuspayTrigger',
			name: 'Bench: Juspay Trigger',
			nodes: [
				{
					id: id(),
					name: 'Juspay Trigger',
					type: 'n8n-nodes-juspay.juspayTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: 'b3e1c2d4-0000-4000-8000-00000000aa01',
					parameters: { events: ['*'], options: {} },
					credentials: { juspayApi: { id: 'juspayBench', name: 'Juspay bench' } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
			pinData: {},
		},
		{
			id: 'benchWebhookNode',
			name: 'Bench: Webhook node with Basic auth',
			nodes: [
				{
					id: id(),
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'b3e1c2d4-0000-4000-8000-00000000aa02',
					parameters: {
						httpMethod: 'POST',
						path: 'bench-webhook',
						authentication: 'basicAuth',
						options: {},
					},
					credentials: { httpBasicAuth: { id: 'benchHookBasic', name: 'Bench webhook basic' } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
			pinData: {},
		},
	];
}

function rawGet(url, headers) {
	return new Promise((resolveGet, reject) => {
		http
			.get(url, { headers, agent: rawAgent }, (response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => resolveGet(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
			})
			.on('error', reject);
	});
}
const rawAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

async function rawFloor(sandboxUrl, orderIds) {
	const started = process.hrtime.bigint();
	const responses = await Promise.all(
		orderIds.map((orderId) =>
			rawGet(`${sandboxUrl}/orders/${orderId}`, {
				authorization: basic(API_KEY, ''),
				'x-merchantid': MERCHANT_ID,
				accept: 'application/json',
				'x-routing-id': orderId,
			}),
		),
	);
	if (responses.some((r) => r.order_id === undefined)) throw new Error('raw loop: a lookup failed');
	return Number(process.hrtime.bigint() - started) / 1e6;
}

/** DELIVERIES posts, CONCURRENCY at a time (autocannon), each with its own body. */
async function deliveriesPerSecond(url, bodyFor, authorization) {
	return await deliveriesPerSecondOf(DELIVERIES, url, bodyFor, authorization);
}

async function deliveriesPerSecondOf(count, url, bodyFor, authorization) {
	let n = 0;
	const started = process.hrtime.bigint();
	let lastAnswer = started;
	const result = await autocannon({
		url,
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization },
		connections: CONCURRENCY,
		amount: count,
		requests: [
			{
				setupRequest: (request) => ({ ...request, body: JSON.stringify(bodyFor(n++)) }),
				onResponse: () => (lastAnswer = process.hrtime.bigint()),
			},
		],
	});
	// Up to the last answer: autocannon itself resolves only on its next one-second tick, which
	// would round every round up to whole seconds.
	const seconds = Number(lastAnswer - started) / 1e9;
	const accepted = result['2xx'];
	return { accepted, perSecond: accepted / seconds };
}

function benchCredentials(sandbox) {
	return [
		{
			id: 'juspayBench',
			name: 'Juspay bench',
			type: 'juspayApi',
			data: sandbox.credentialData({
				webhookUsername: HOOK_USER,
				webhookPassword: HOOK_PASSWORD,
			}),
		},
		{
			id: 'juspayBenchBasic',
			name: 'Juspay bench basic',
			type: 'httpBasicAuth',
			data: { user: API_KEY, password: '' },
		},
		{
			id: 'benchHookBasic',
			name: 'Bench webhook basic',
			type: 'httpBasicAuth',
			data: { user: HOOK_USER, password: HOOK_PASSWORD },
		},
	];
}

// ---- Payment Link › Create vs HTTP Request building the same JSON call ----------------------

const LINK_FIELDS = {
	amount: '10.00',
	currency: 'INR',
	customer_id: 'benchcustomer',
	customer_email: 'bench@example.com',
	customer_phone: '9988776655',
	return_url: 'https://shop.example.com/paid',
};

// Each step's input is the previous step's output, so both read the link's number from the split.
const LINK_NUMBER = "$('One item per id').item.json.n";

function linkJuspayStep(name, prefix) {
	return {
		...juspayStep(name),
		parameters: {
			resource: 'paymentLink',
			operation: 'create',
			orderId: `=${prefix}{{ ${LINK_NUMBER} }}`,
			amount: LINK_FIELDS.amount,
			currency: LINK_FIELDS.currency,
			customerId: LINK_FIELDS.customer_id,
			customerEmail: LINK_FIELDS.customer_email,
			customerPhone: LINK_FIELDS.customer_phone,
			returnUrl: LINK_FIELDS.return_url,
		},
	};
}

function linkHttpStep(name, sandboxUrl, prefix, paymentPageClientId) {
	const body = {
		...LINK_FIELDS,
		payment_page_client_id: paymentPageClientId,
		action: 'paymentPage',
	};
	const fields = Object.entries(body).map(([k, v]) => `"${k}": ${JSON.stringify(v)}`);
	const step = httpStep(name, sandboxUrl);
	step.parameters = {
		...step.parameters,
		method: 'POST',
		url: `${sandboxUrl}/session`,
		headerParameters: {
			parameters: [
				{ name: 'x-merchantid', value: MERCHANT_ID },
				{ name: 'version', value: '2023-06-30' },
				{ name: 'x-routing-id', value: LINK_FIELDS.customer_id },
				{ name: 'Accept', value: 'application/json' },
			],
		},
		sendBody: true,
		specifyBody: 'json',
		jsonBody: `={ "order_id": "${prefix}{{ ${LINK_NUMBER} }}", ${fields.join(', ')} }`,
	};
	return step;
}

function paymentLinkWorkflow(sandboxUrl, paymentPageClientId) {
	const steps = [];
	for (let round = 0; round < ROUNDS; round++) {
		const juspay = linkJuspayStep(`Juspay link ${round + 1}`, `j${round}n`);
		const http = linkHttpStep(
			`HTTP link ${round + 1}`,
			sandboxUrl,
			`h${round}n`,
			paymentPageClientId,
		);
		steps.push(...(round % 2 === 0 ? [juspay, http] : [http, juspay]));
	}
	const workflow = lookupWorkflow(sandboxUrl, []);
	const [start, , split] = workflow.nodes;
	const numbers = {
		...workflow.nodes[1],
		parameters: {
			mode: 'raw',
			jsonOutput: JSON.stringify({ ids: Array.from({ length: LINKS }, (_, n) => ({ n })) }),
		},
	};
	const nodes = [start, numbers, split, ...steps];
	const connections = {};
	nodes.forEach((node, index) => {
		node.position = [index * 200, 0];
		if (index + 1 < nodes.length)
			connections[node.name] = {
				main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
			};
	});
	return { ...workflow, id: 'juspayBenchLinks', name: 'Bench: payment links', nodes, connections };
}

/** Runs the payment link workflow; returns each node's execution times and the median ratio. */
function paymentLinkComparison(n8n, sandboxUrl, paymentPageClientId) {
	const workflow = paymentLinkWorkflow(sandboxUrl, paymentPageClientId);
	n8n.importWorkflow(workflow);
	log(`n8n execute: ${ROUNDS} rounds of ${LINKS} payment links through each node`);
	const { run } = n8n.execute(workflow.id);
	if (run.data.resultData.error) throw new Error(run.data.resultData.error.message);
	const runData = run.data.resultData.runData;
	const timeOf = (name) => {
		const items = runData[name][0].data.main[0];
		if (items.length !== LINKS || items.some((item) => !item.json.payment_links?.web)) {
			throw new Error(`${name} did not return ${LINKS} links`);
		}
		return runData[name][0].executionTime;
	};
	const juspay = [];
	const http = [];
	for (let round = 1; round <= ROUNDS; round++) {
		juspay.push(timeOf(`Juspay link ${round}`));
		http.push(timeOf(`HTTP link ${round}`));
	}
	return { juspay, http, ratio: median(juspay.map((t, i) => t / http[i])) };
}

function printPaymentLinkComparison({ juspay, http, ratio }) {
	console.log(
		`\nPayment Link › Create, ${LINKS} links per node, ${ROUNDS} rounds (execution time as n8n records it):`,
	);
	console.log(
		`  Juspay node        ${juspay.map((t) => `${t} ms`).join(', ')}  (median ${median(juspay)} ms)`,
	);
	console.log(
		`  HTTP Request node  ${http.map((t) => `${t} ms`).join(', ')}  (median ${median(http)} ms)`,
	);
	console.log(`  median ratio Juspay / HTTP Request: ${ratio.toFixed(2)}x`);
}

// ---- 1. Juspay node vs HTTP Request node (and 2. payment links) ----

async function benchLookups({ paths, tarball, sandbox }) {
	const n8n = await N8nInstance.create(paths, 'bench');
	try {
		n8n.installPackage(tarball);
		n8n.importCredentials(benchCredentials(sandbox));

		log(`creating ${ITEMS} orders in the sandbox`);
		const orderIds = Array.from({ length: ITEMS }, (_, i) => `bench${i}`);
		for (const orderId of orderIds) {
			const response = await fetch(`${sandbox.url}/orders`, {
				method: 'POST',
				headers: {
					authorization: basic(API_KEY, ''),
					'x-merchantid': MERCHANT_ID,
					'content-type': 'application/x-www-form-urlencoded',
				},
				body: `order_id=${orderId}&amount=10`,
			});
			if (response.status !== 200) throw new Error(`creating ${orderId}: HTTP ${response.status}`);
		}

		const workflow = lookupWorkflow(sandbox.url, orderIds);
		n8n.importWorkflow(workflow);
		log(`n8n execute: ${ROUNDS} rounds of ${ITEMS} look-ups through each node`);
		const { run } = n8n.execute(workflow.id);
		if (run.data.resultData.error) throw new Error(run.data.resultData.error.message);
		const runData = run.data.resultData.runData;
		const timeOf = (name) => {
			const task = runData[name][0];
			const items = task.data.main[0];
			if (items.length !== ITEMS || items.some((item) => item.json.order_id === undefined)) {
				throw new Error(`${name} did not return ${ITEMS} orders`);
			}
			return task.executionTime;
		};
		const juspayTimes = [];
		const httpTimes = [];
		const ratios = [];
		for (let round = 1; round <= ROUNDS; round++) {
			const juspay = timeOf(`Juspay ${round}`);
			const http = timeOf(`HTTP Request ${round}`);
			juspayTimes.push(juspay);
			httpTimes.push(http);
			ratios.push(juspay / http);
		}
		await rawFloor(sandbox.url, orderIds); // warm-up
		const floor = median([
			await rawFloor(sandbox.url, orderIds),
			await rawFloor(sandbox.url, orderIds),
			await rawFloor(sandbox.url, orderIds),
		]);

		const links = paymentLinkComparison(n8n, sandbox.url, sandbox.paymentPageClientId);

		console.log(
			`\nReal n8n 2.41.1, ${ITEMS} order-status look-ups per node, ${ROUNDS} rounds (execution time as n8n records it):`,
		);
		console.log(
			`  Juspay node        ${juspayTimes.map((t) => `${t} ms`).join(', ')}  (median ${median(juspayTimes)} ms)`,
		);
		console.log(
			`  HTTP Request node  ${httpTimes.map((t) => `${t} ms`).join(', ')}  (median ${median(httpTimes)} ms)`,
		);
		console.log(`  median ratio Juspay / HTTP Request: ${median(ratios).toFixed(2)}x`);
		console.log(`  raw HTTP client floor (same ${ITEMS} requests, no n8n): ${floor.toFixed(0)} ms`);
		printPaymentLinkComparison(links);
	} finally {
		await n8n.stop();
		n8n.remove();
	}
}

// ---- 2. The Juspay Trigger at scale vs n8n's Webhook node ----

/** Alternating rounds of new events to each; returns both medians and the ratio. */
async function compareDeliveries(juspayUrl, webhookUrl, label) {
	const auth = basic(HOOK_USER, HOOK_PASSWORD);
	let serial = 0;
	const event = () => {
		const n = serial++;
		return {
			id: `evt_V2_bench_${label}_${n}_${Date.now()}`,
			event_name: 'ORDER_SUCCEEDED',
			date_created: '2026-11-22T10:00:00Z',
			content: { order: { order_id: `bench${n % ITEMS}` } },
		};
	};
	const trigger = [];
	const webhook = [];
	for (let round = 0; round < ROUNDS; round++) {
		const runTrigger = async () => trigger.push(await deliveriesPerSecond(juspayUrl, event, auth));
		const runWebhook = async () => webhook.push(await deliveriesPerSecond(webhookUrl, event, auth));
		if (round % 2 === 0) {
			await runTrigger();
			await runWebhook();
		} else {
			await runWebhook();
			await runTrigger();
		}
	}
	if ([...trigger, ...webhook].some((r) => r.accepted !== DELIVERIES))
		throw new Error(`${label}: some deliveries were not accepted`);
	const triggerRate = median(trigger.map((r) => r.perSecond));
	const webhookRate = median(webhook.map((r) => r.perSecond));
	// each round's pair ran back to back: the median of their ratios resists a busy machine
	const ratio = median(trigger.map((r, round) => r.perSecond / webhook[round].perSecond));
	return { triggerRate, webhookRate, ratio };
}

/** What the trigger stores after accepting `count` events, made by its own built code. */
function seededStaticData(nodeName, count, eventFor) {
	const { SeenEvents } = require('../dist/nodes/JuspayTrigger/helpers/seenEvents');
	const memory = new SeenEvents(10000);
	for (let n = 0; n < count; n++) memory.claim(eventFor(n).id);
	const nodeData = {};
	memory.save(nodeData);
	return { [`node:${nodeName}`]: nodeData };
}

async function benchTriggerAtScale({ paths, tarball, sandbox }) {
	const results = [];
	for (const engine of ENGINES) {
		const n8n = await N8nInstance.create(paths, `bench-${engine}`, {
			env: { N8N_EXPRESSION_ENGINE: engine },
		});
		try {
			n8n.installPackage(tarball);
			n8n.importCredentials(benchCredentials(sandbox));
			const flows = webhookWorkflows();
			for (const flow of flows) {
				n8n.importWorkflow(flow);
				n8n.publishWorkflow(flow.id);
			}
			const juspayUrl = `${n8n.url}/webhook/${flows[0].nodes[0].webhookId}/webhook`;
			const webhookUrl = `${n8n.url}/webhook/bench-webhook`;
			const ready = async () => {
				await n8n.start();
				await n8n.waitForWebhook(juspayUrl);
				await n8n.waitForWebhook(webhookUrl);
			};
			log(`${engine}: n8n start`);
			await ready();
			// warm-up, on a throwaway id range: both paths compiled and connections open
			const warm = (n) => ({ id: `evt_warm_${n}`, event_name: 'ORDER_SUCCEEDED', content: {} });
			await deliveriesPerSecond(juspayUrl, warm, basic(HOOK_USER, HOOK_PASSWORD));
			await deliveriesPerSecond(webhookUrl, warm, basic(HOOK_USER, HOOK_PASSWORD));
			results.push({
				engine,
				state: 'empty memory',
				...(await compareDeliveries(juspayUrl, webhookUrl, `${engine}0`)),
			});

			const fill = (n) => ({
				id: `evt_V2_fill_${engine}_${n}`,
				event_name: 'ORDER_SUCCEEDED',
				content: { order: { order_id: `bench${n % ITEMS}` } },
			});
			if (FILL_BY === 'deliveries') {
				log(`${engine}: the trigger accepts ${FILL} more events`);
				const auth = basic(HOOK_USER, HOOK_PASSWORD);
				const filled = await deliveriesPerSecondOf(FILL, juspayUrl, fill, auth);
				if (filled.accepted !== FILL) throw new Error(`${engine}: the fill was not all accepted`);
			} else {
				log(`${engine}: ${FILL} accepted events put in static data (n8n stopped)`);
				await n8n.stop();
				n8n.setStaticData(flows[0].id, seededStaticData(flows[0].nodes[0].name, FILL, fill));
				await ready();
				// the first delivery merges the whole memory into the process
				await deliveriesPerSecond(juspayUrl, warm, basic(HOOK_USER, HOOK_PASSWORD));
			}
			results.push({
				engine,
				state: `after ${FILL} accepted`,
				...(await compareDeliveries(juspayUrl, webhookUrl, `${engine}1`)),
			});

			log(`${engine}: n8n restart, memory from static data, measured with no warm-up`);
			await n8n.stop();
			await ready();
			results.push({
				engine,
				state: 'after a restart with that memory',
				...(await compareDeliveries(juspayUrl, webhookUrl, `${engine}2`)),
			});
			const repeat = await fetch(juspayUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					authorization: basic(HOOK_USER, HOOK_PASSWORD),
				},
				body: JSON.stringify(fill(FILL - 1)),
			});
			if (!/duplicate event/.test(await repeat.text()))
				throw new Error(`${engine}: the memory did not survive the restart`);
		} finally {
			await n8n.stop();
			n8n.remove();
		}
	}
	console.log(
		`\nReal n8n 2.41.1, regular mode, SQLite: deliveries accepted per second, ${DELIVERIES} per round, ${CONCURRENCY} at a time, median of ${ROUNDS} alternating rounds (ratio: median of the rounds' ratios); each delivery starts an execution:`,
	);
	console.log('  engine  memory                              Juspay Trigger  Webhook node  ratio');
	for (const r of results) {
		console.log(
			`  ${r.engine.padEnd(6)}  ${r.state.padEnd(34)}  ${r.triggerRate.toFixed(1).padStart(12)}/s  ${r.webhookRate.toFixed(1).padStart(10)}/s  ${r.ratio.toFixed(2)}x`,
		);
	}
}

async function main() {
	const paths = provisionN8n();
	const tarball = packPackage();
	const sandbox = await startSandboxProcess({ apiKey: API_KEY, merchantId: MERCHANT_ID });
	try {
		if (ONLY === undefined || ONLY === 'lookups') await benchLookups({ paths, tarball, sandbox });
		if (ONLY === undefined || ONLY === 'trigger')
			await benchTriggerAtScale({ paths, tarball, sandbox });
	} finally {
		rawAgent.destroy();
		await stopAll();
		await sandbox.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
