#!/usr/bin/env node
// npm run bench [-- --items 500 --rounds 5 --deliveries 500]
// N order-status look-ups through n8n-core's real RoutingNode (the Juspay node), beside the same
// N requests made directly with n8n-core's request helper from a minimal programmatic node, both
// inside the same WorkflowExecute and against the local Juspay sandbox. Timed with tinybench
// (one warm-up run each, then R runs); prints the medians and their ratio.
// Then (benchDeduplication) what de-duplication costs one delivery with 0 and with 10,000
// remembered ids: the static-data work n8n 2.41.1 does per delivery (parse the stored JSON, two
// Workflows on it, stringify to save) plus the trigger's merge, claim and save.
require('./lib/register-ts');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-juspay-bench-'));

const { runJuspayNode } = require('../test/harness/workflowRunner.ts');
const { createJuspaySandbox } = require('../test/sandbox/juspay-sandbox');

const { values: args } = parseArgs({
	options: {
		items: { type: 'string', default: '500' },
		rounds: { type: 'string', default: '5' },
		deliveries: { type: 'string', default: '500' },
	},
});
const ITEMS = Number(args.items);
const ROUNDS = Number(args.rounds);
const DELIVERIES = Number(args.deliveries);
if (!(ITEMS > 0 && ROUNDS > 0 && DELIVERIES > 0))
	throw new Error('--items, --rounds and --deliveries must be positive numbers');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The baseline: what n8n's HTTP Request node does at the least for each item: resolve its URL
 * parameter (an expression, as in a real workflow) and send the request through n8n-core's
 * request helper with the credential. The real HTTP Request node also resolves a dozen more
 * parameters per item; `npm run bench:e2e` measures that node itself in a real n8n.
 */
const directRequestNode = {
	description: {
		displayName: 'Direct Request',
		name: 'directRequest',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'Direct Request' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'juspayApi', required: true }],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	},
	async execute() {
		const items = this.getInputData();
		const responses = await Promise.all(
			items.map((item, index) =>
				this.helpers.httpRequestWithAuthentication.call(this, 'juspayApi', {
					method: 'GET',
					url: this.getNodeParameter('url', index),
					headers: { Accept: 'application/json', 'x-routing-id': item.json.orderId },
					json: true,
				}),
			),
		);
		return [responses.map((json, index) => ({ json, pairedItem: { item: index } }))];
	},
};

async function main() {
	const sandbox = createJuspaySandbox({ port: 0 });
	await sandbox.start();
	try {
		const credentials = {
			environment: 'custom',
			baseUrl: sandbox.url,
			apiKey: sandbox.apiKey,
			merchantId: sandbox.merchantId,
			apiVersion: '2023-06-30',
		};
		const items = [];
		for (let i = 0; i < ITEMS; i++) items.push({ orderId: `bench${i}` });
		const created = await runJuspayNode({
			parameters: {
				resource: 'order',
				operation: 'create',
				orderId: '={{ $json.orderId }}',
				amount: 100,
			},
			items,
			credentials,
		});
		if (created.error) throw created.error;

		const runs = {
			'Juspay node (RoutingNode)': () =>
				runJuspayNode({
					parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.orderId }}' },
					items,
					credentials,
				}),
			'Direct request helper': () =>
				runJuspayNode({
					parameters: { url: '=/orders/{{ $json.orderId }}' },
					items,
					credentials,
					nodeType: directRequestNode,
				}),
		};
		const { Bench } = await import('tinybench');
		const bench = new Bench({
			iterations: ROUNDS,
			warmupIterations: 1, // JIT and sockets
			time: 0,
			warmupTime: 0,
			throws: true,
		});
		for (const [name, run] of Object.entries(runs)) {
			bench.add(name, async () => {
				const result = await run();
				if (result.error) throw result.error;
				if (result.items.length !== ITEMS)
					throw new Error(`${name} returned ${result.items.length} items`);
			});
		}
		await bench.run();
		const medians = bench.tasks.map((task) => task.result.latency.p50);
		console.log(`Order status look-ups: ${ITEMS} items, ${ROUNDS} rounds (median, tinybench)`);
		bench.tasks.forEach((task, index) => {
			const ms = medians[index];
			console.log(
				`  ${task.name.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms  (${((ms * 1000) / ITEMS).toFixed(0)} µs/item)`,
			);
		});
		console.log(`  ratio node / direct: ${(medians[0] / medians[1]).toFixed(2)}x`);
	} finally {
		await sandbox.stop();
		rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
	}
}

/** One delivery's static-data path, as n8n and the trigger run it; returns the new stored JSON. */
function deliverOnce(stored, memory, id, staticDataHelpers) {
	const { Workflow, node, nodeTypes, saveAgainWhenStored } = staticDataHelpers;
	const loaded = stored === null ? undefined : JSON.parse(stored);
	const make = () =>
		new Workflow({
			id: 'w',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: loaded,
		});
	const workflow = make();
	const data = workflow.getStaticData('node', node);
	const own = process.hrtime.bigint();
	memory.merge(data);
	if (!memory.claim(id)) throw new Error('unexpected duplicate');
	memory.save(data);
	staticDataHelpers.ownNs += process.hrtime.bigint() - own;
	const item = { json: { id } };
	saveAgainWhenStored(item, () => memory.save(data));
	make();
	JSON.stringify(item);
	return workflow.staticData.__dataChanged ? JSON.stringify(workflow.staticData) : stored;
}

function benchDeduplication() {
	const { Workflow } = require('n8n-workflow');
	const {
		SeenEvents,
		saveAgainWhenStored,
	} = require('../nodes/JuspayTrigger/helpers/seenEvents.ts');
	const node = {
		id: 'n',
		name: 'Juspay Trigger',
		type: 't',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodeTypes = {
		getByName: () => undefined,
		getByNameAndVersion: () => undefined,
		getKnownTypes: () => ({}),
	};
	const helpers = { Workflow, node, nodeTypes, saveAgainWhenStored, ownNs: 0n };
	console.log(
		`\nDe-duplication per delivery, in process (n8n-workflow's Workflow and ObservableObject): ${DELIVERIES} deliveries, ${ROUNDS} rounds (median)`,
	);
	const results = {};
	for (const remembered of [0, 10000]) {
		const times = [];
		const own = [];
		for (let round = 0; round < ROUNDS; round++) {
			helpers.ownNs = 0n;
			// a process with `remembered` ids in static data, just restarted: empty in-process memory
			const seed = new SeenEvents(10000);
			for (let n = 0; n < remembered; n++) seed.claim(`evt_seed_${round}_${n}`);
			const seedData = {};
			seed.save(seedData);
			let stored = remembered === 0 ? null : JSON.stringify({ 'node:Juspay Trigger': seedData });
			const memory = new SeenEvents(10000);
			const started = process.hrtime.bigint();
			for (let n = 0; n < DELIVERIES; n++) {
				stored = deliverOnce(stored, memory, `evt_${round}_${n}`, helpers);
			}
			times.push(Number(process.hrtime.bigint() - started) / 1e3 / DELIVERIES);
			own.push(Number(helpers.ownNs) / 1e3 / DELIVERIES);
			if (memory.size < Math.min(10000, remembered + DELIVERIES)) throw new Error('ids were lost');
		}
		results[remembered] = median(times);
		console.log(
			`  ${String(remembered).padStart(6)} remembered ids: ${results[remembered].toFixed(1)} µs per delivery, of which the trigger's merge, claim and save ${median(own).toFixed(1)} µs`,
		);
	}
	console.log(`  ratio 10,000 / 0: ${(results[10000] / results[0]).toFixed(2)}x`);
}

main()
	.then(benchDeduplication)
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	});
