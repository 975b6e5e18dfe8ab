'use strict';
/**
 * Fault injection (domains/faults.js and the hook in lib/pipeline.js).
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { useSandbox } = require('./testkit.js');

const t = useSandbox();
const { sandbox, call, createOrder, refund, chargedOrder } = t;

describe('fault injection', () => {
	test('a plain fault answers before processing: nothing is recorded', async () => {
		await chargedOrder();
		sandbox.injectFault({ method: 'POST', path: '/orders/ORD1/refunds', status: 503 });
		const failed = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(failed.status).toBe(503);
		expect(failed.body).toEqual({
			status: 'error',
			error_code: 'service_unavailable',
			error_message: 'Service temporarily unavailable (sandbox fault injection)',
		});
		expect(sandbox.getOrder('ORD1')).not.toHaveProperty('refunds');
		const retry = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(retry.status).toBe(200);
		expect(retry.body.amount_refunded).toBe(10);
	});

	test('afterCommit: Juspay records the refund, the client gets the fault; a retry is deduped', async () => {
		await chargedOrder();
		sandbox.injectFault({
			path: '/orders/ORD1/refunds',
			status: 502,
			body: { message: 'bad gateway' },
			afterCommit: true,
		});
		const failed = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(failed.status).toBe(502);
		expect(failed.body).toEqual({ message: 'bad gateway' });
		expect(sandbox.getOrder('ORD1').amount_refunded).toBe(10);
		t.clock += 10_000;
		const retry = await refund('ORD1', { unique_request_id: 'R1', amount: '10' });
		expect(retry.status).toBe(400);
		expect(retry.body.error_code).toBe('duplicate.call');
		expect(sandbox.getOrder('ORD1').refunds.map((r) => r.unique_request_id)).toEqual(['R1']);
	});

	test('times, method filter and RegExp paths', async () => {
		sandbox.injectFault({
			method: 'GET',
			path: /^\/orders\/[^/]+$/,
			status: 500,
			body: 'oops',
			times: 2,
		});
		expect(
			(await call('POST', '/orders', { form: { order_id: 'ORD1', amount: '1' } })).status,
		).toBe(200);
		const first = await call('GET', '/orders/ORD1');
		expect([first.status, first.text]).toEqual([500, 'oops']);
		expect((await call('GET', '/orders/ORD1')).status).toBe(500);
		expect((await call('GET', '/orders/ORD1')).status).toBe(200);
	});

	test('delayMs provokes a client timeout; the request is still recorded', async () => {
		sandbox.injectFault({ path: '/orders/SLOW1', delayMs: 2000 });
		await expect(
			call('GET', '/orders/SLOW1', { signal: AbortSignal.timeout(150) }),
		).rejects.toThrow();
		expect(sandbox.requests.map((r) => r.path)).toEqual(['/orders/SLOW1']);
	});

	test('status null + afterCommit delays the genuine answer; status 0 drops the connection', async () => {
		await createOrder();
		sandbox.injectFault({ path: '/orders/ORD1', status: null, delayMs: 100, afterCommit: true });
		const started = Date.now();
		const slow = await call('GET', '/orders/ORD1');
		expect(slow.status).toBe(200);
		expect(slow.body.order_id).toBe('ORD1');
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		sandbox.injectFault({ path: '/orders/ORD1', status: 0 });
		await expect(call('GET', '/orders/ORD1')).rejects.toThrow();
	});

	test('reset() clears pending faults', async () => {
		sandbox.injectFault({ path: '/orders/X1', status: 500, times: Infinity });
		sandbox.reset();
		expect((await call('GET', '/orders/X1')).status).toBe(400);
	});
});
