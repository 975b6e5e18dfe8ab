#!/usr/bin/env node
'use strict';
/**
 * Runs the Juspay sandbox standalone:
 *   node test/sandbox/cli.js --port 0 --api-key K --merchant-id M [--log] [--same-amount-window-ms N]
 * Prints exactly one JSON line {"url","apiKey","merchantId","paymentPageClientId"} on stdout once listening, so callers
 * (the demo, the end-to-end suite) can spawn it and read that line. Stops on SIGINT/SIGTERM.
 */

const { parseArgs } = require('node:util');
const { createJuspaySandbox, DEFAULTS } = require('./juspay-sandbox.js');

const USAGE =
	'Usage: node test/sandbox/cli.js [--port N] [--host 127.0.0.1] [--api-key K] [--merchant-id M] [--log] [--same-amount-window-ms N]';

const OPTIONS = {
	port: { type: 'string' },
	host: { type: 'string' },
	'api-key': { type: 'string' },
	'merchant-id': { type: 'string' },
	log: { type: 'boolean' },
	'same-amount-window-ms': { type: 'string' },
	help: { type: 'boolean', short: 'h' },
};

/** Command-line flags → createJuspaySandbox options; throws on unknown flags or bad numbers. */
function parseCli(argv) {
	const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true });
	const opts = {
		help: values.help === true,
		host: values.host,
		apiKey: values['api-key'],
		merchantId: values['merchant-id'],
		log: values.log,
		port: values.port,
		sameAmountWindowMs: values['same-amount-window-ms'],
	};
	for (const key of ['port', 'sameAmountWindowMs']) {
		if (opts[key] === undefined) continue;
		if (!/^\d+$/.test(opts[key])) throw new Error(`${key} must be a non-negative integer`);
		opts[key] = Number(opts[key]);
	}
	// Unset flags must not override the sandbox's defaults with undefined.
	for (const key of Object.keys(opts)) if (opts[key] === undefined) delete opts[key];
	return opts;
}

async function main() {
	let opts;
	try {
		opts = parseCli(process.argv.slice(2));
	} catch (err) {
		process.stderr.write(`${err.message}\n${USAGE}\n`);
		process.exit(2);
	}
	const { help, ...sandboxOptions } = opts;
	if (help) {
		process.stdout.write(`${USAGE}\n`);
		process.exit(0);
	}
	const sandbox = createJuspaySandbox(sandboxOptions);
	const { url } = await sandbox.start();
	process.stdout.write(
		`${JSON.stringify({
			url,
			apiKey: opts.apiKey ?? DEFAULTS.apiKey,
			merchantId: opts.merchantId ?? DEFAULTS.merchantId,
			paymentPageClientId: DEFAULTS.paymentPageClientId,
		})}\n`,
	);

	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((err) => {
	process.stderr.write(`juspay sandbox failed to start: ${err.message}\n`);
	process.exit(1);
});
