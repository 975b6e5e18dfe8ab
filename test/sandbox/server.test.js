'use strict';
/**
 * The server (lib/server.js): lifecycle, loopback only, logging.
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { createJuspaySandbox } = require('./juspay-sandbox.js');
const { API_KEY, MERCHANT, AUTH, orderNotFound } = require('./testkit.js');

describe('lifecycle', () => {
	test('listens on 127.0.0.1 with an ephemeral port; start/stop are idempotent', async () => {
		const s = createJuspaySandbox();
		const first = await s.start();
		expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(first.port).toBeGreaterThan(0);
		expect(await s.start()).toEqual(first);
		expect(s.url).toBe(first.url);
		// Defaults are the documented ones.
		const res = await fetch(`${s.url}/orders/X`, {
			headers: {
				authorization: `Basic ${Buffer.from('sandbox_api_key:').toString('base64')}`,
				'x-merchantid': 'sandbox_merchant',
			},
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual(orderNotFound('X'));
		await Promise.all([s.stop(), s.stop()]);
		await s.stop();
		await expect(fetch(`${first.url}/orders/X`)).rejects.toThrow();
	});

	test('refuses to bind anything but loopback', () => {
		expect(() => createJuspaySandbox({ host: '0.0.0.0' })).toThrow(/loopback/);
		expect(() => createJuspaySandbox({ host: '192.168.1.10' })).toThrow(/loopback/);
	});

	test('stop() closes keep-alive and in-flight delayed connections', async () => {
		const s = createJuspaySandbox();
		await s.start();
		s.injectFault({ path: '/orders/SLOW', delayMs: 60000 });
		const pending = fetch(`${s.url}/orders/SLOW`).then(
			() => 'answered',
			() => 'aborted',
		);
		await new Promise((r) => setTimeout(r, 50));
		await s.stop();
		expect(await pending).toBe('aborted');
	});
});

describe('logging', () => {
	test('log: true prints method, path and status, never the Authorization header', async () => {
		const lines = [];
		const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		const s = createJuspaySandbox({ apiKey: API_KEY, merchantId: MERCHANT, log: true });
		try {
			await s.start();
			await fetch(`${s.url}/orders/LOG1`, {
				headers: { authorization: AUTH, 'x-merchantid': MERCHANT },
			});
		} finally {
			await s.stop();
			spy.mockRestore();
		}
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^\[juspay-sandbox\] GET \/orders\/LOG1 400 \d+ms\n$/);
		expect(lines.join('')).not.toContain(AUTH.slice(6));
	});
});
