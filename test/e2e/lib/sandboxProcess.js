// Runs the local Juspay sandbox as its own process (as the demo does), for n8n to call.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const readline = require('node:readline');

const CLI = join(__dirname, '..', '..', 'sandbox', 'cli.js');

function startSandboxProcess({ apiKey, merchantId, port = 0, log = false }) {
	const args = [CLI, '--port', String(port), '--api-key', apiKey, '--merchant-id', merchantId];
	if (log) args.push('--log');
	const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolveStart, reject) => {
		const lines = readline.createInterface({ input: child.stdout });
		child.once('exit', (code) =>
			reject(new Error(`the sandbox exited (${code}) before it listened`)),
		);
		lines.once('line', (line) => {
			const { url, paymentPageClientId } = JSON.parse(line);
			resolveStart({
				url,
				paymentPageClientId,
				process: child,
				/** The next matching API request fails (see the sandbox's domains/faults.js). */
				async injectFault(fault) {
					const res = await fetch(`${url}/sandbox/faults`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(fault),
					});
					if (!res.ok) throw new Error(`injecting a fault failed: ${res.status}`);
				},
				/** A juspayApi credential's data pointing at this sandbox, with its key and merchant. */
				credentialData(extra = {}) {
					return {
						environment: 'custom',
						baseUrl: url,
						apiKey,
						merchantId,
						apiVersion: '2023-06-30',
						paymentPageClientId,
						...extra,
					};
				},
				async requests() {
					return await (await fetch(`${url}/sandbox/requests`)).json();
				},
				async reset() {
					await fetch(`${url}/sandbox/reset`, { method: 'POST' });
				},
				stop() {
					return new Promise((done) => {
						if (child.exitCode !== null) return done();
						child.once('exit', () => done());
						child.kill('SIGTERM');
					});
				},
			});
		});
	});
}

module.exports = { startSandboxProcess };
