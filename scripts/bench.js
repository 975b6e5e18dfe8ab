#!/usr/bin/env node
// npm run bench [-- --items 500 --rounds 5]
// N order-status look-ups through n8n-core's real RoutingNode (the Juspay node), beside the same
// N requests made directly with n8n-core's request helper from a minimal programmatic node, both
// inside the same WorkflowExecute and against the local Juspay sandbox. Timed with tinybench
// (one warm-up run each, then R runs); prints the medians and their ratio.
require('./lib/register-ts');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-juspay-bench-'));

const { runJuspayNode } = require('../test/harness/workflowRunner.ts');
const { createJuspaySandbox } = require('../test/sandbox/juspay-sandbox');

const { values: args } = parseArgs({
	options: { items: { type: 'string', default: '500' }, rounds: { type: 'string', default: '5' } },
});
const ITEMS = Number(args.items);
const ROUNDS = Number(args.rounds);
if (!(ITEMS > 0 && ROUNDS > 0)) throw new Error('--items and --rounds must be positive numbers');

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

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
