'use strict';
/**
 * The standalone sandbox process (cli.js).
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const path = require('node:path');
const { spawn } = require('node:child_process');
const { orderNotFound } = require('./testkit.js');

describe('cli', () => {
	test('prints one JSON line once listening and exits cleanly on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[
				path.join(__dirname, 'cli.js'),
				'--port',
				'0',
				'--api-key',
				'cli_key',
				'--merchant-id',
				'cli_m',
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			const line = await new Promise((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (d) => {
					out += d;
					if (out.includes('\n')) resolve(out.split('\n')[0]);
				});
				child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
			});
			const info = JSON.parse(line);
			expect(info).toEqual({
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
				apiKey: 'cli_key',
				merchantId: 'cli_m',
				paymentPageClientId: 'sandbox_payment_page',
			});
			const res = await fetch(`${info.url}/orders/CLI1`, {
				headers: {
					authorization: `Basic ${Buffer.from('cli_key:').toString('base64')}`,
					'x-merchantid': 'cli_m',
				},
			});
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual(orderNotFound('CLI1'));
			const exited = new Promise((resolve) =>
				child.once('exit', (code, signal) => resolve({ code, signal })),
			);
			child.kill('SIGTERM');
			expect(await exited).toEqual({ code: 0, signal: null });
		} finally {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		}
	});

	/** Runs the cli to completion and returns its exit code and output. */
	function runCli(args) {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), ...args], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		return new Promise((resolve) =>
			child.once('close', (code) => resolve({ code, stdout, stderr })),
		);
	}

	test.each([
		[['--bogus'], "Unknown option '--bogus'"],
		[['--port', 'abc'], 'port must be a non-negative integer'],
		[['--same-amount-window-ms=-1'], 'sameAmountWindowMs must be a non-negative integer'],
		[['extra'], "Unexpected argument 'extra'"],
	])('rejects %j with exit code 2, the reason and the usage', async (args, reason) => {
		const { code, stdout, stderr } = await runCli(args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain(reason);
		expect(stderr).toContain('Usage: node test/sandbox/cli.js');
	});

	test('--help prints the usage and exits 0 without starting', async () => {
		const { code, stdout } = await runCli(['--help']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Usage: node test\/sandbox\/cli\.js .*--same-amount-window-ms N\]\n$/);
	});
});
