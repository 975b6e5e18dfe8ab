#!/usr/bin/env node
'use strict';
/**
 * Runs the Juspay sandbox standalone:
 *   node test/sandbox/cli.js --port 0 --api-key K --merchant-id M [--log] [--same-amount-window-ms N]
 * Prints exactly one JSON line {"url","apiKey","merchantId"} on stdout once listening, so callers
 * (the demo, the end-to-end suite) can spawn it and read that line. Stops on SIGINT/SIGTERM.
 */

const { createJuspaySandbox, DEFAULTS } = require('./juspay-sandbox.js');

const USAGE =
	'Usage: node test/sandbox/cli.js [--port N] [--host 127.0.0.1] [--api-key K] [--merchant-id M] [--log] [--same-amount-window-ms N]';

function parseArgs(argv) {
	const opts = {};
	const valueFlags = {
		'--port': 'port',
		'--host': 'host',
		'--api-key': 'apiKey',
		'--merchant-id': 'merchantId',
		'--same-amount-window-ms': 'sameAmountWindowMs',
	};
	for (let i = 0; i < argv.length; i++) {
		let arg = argv[i];
		let value;
		const eq = arg.indexOf('=');
		if (arg.startsWith('--') && eq !== -1) [arg, value] = [arg.slice(0, eq), arg.slice(eq + 1)];
		if (arg === '--log') opts.log = true;
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${USAGE}\n`);
			process.exit(0);
		} else if (valueFlags[arg]) {
			if (value === undefined) value = argv[++i];
			if (value === undefined) throw new Error(`Missing value for ${arg}`);
			opts[valueFlags[arg]] = value;
		} else throw new Error(`Unknown argument: ${arg}`);
	}
	for (const key of ['port', 'sameAmountWindowMs']) {
		if (opts[key] === undefined) continue;
		if (!/^\d+$/.test(opts[key])) throw new Error(`${key} must be a non-negative integer`);
		opts[key] = Number(opts[key]);
	}
	return opts;
}

async function main() {
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (err) {
		process.stderr.write(`${err.message}\n${USAGE}\n`);
		process.exit(2);
	}
	const sandbox = createJuspaySandbox(opts);
	const { url } = await sandbox.start();
	process.stdout.write(
		`${JSON.stringify({
			url,
			apiKey: opts.apiKey ?? DEFAULTS.apiKey,
			merchantId: opts.merchantId ?? DEFAULTS.merchantId,
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
