// De-duplication as n8n runs the trigger: static data loaded per delivery and saved whole,
// several webhook processes on one database, restarts, n8n 2.41.1's static-data bug and 1.x.
import { useJuspaySandbox } from '../harness/sandboxFixture';
import { readSample } from '../harness/samples';
import { startTrigger, type TriggerHarness } from '../harness/triggerRunner';

const fixture = useJuspaySandbox();

const AUTH = 'Basic ' + Buffer.from('juspayhooks:hook-pass-dd').toString('base64');

let harness: TriggerHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

async function start(options: { processes?: number; n8n?: '2.41.1' | '1.x' } = {}) {
	harness = await startTrigger({
		parameters: { events: ['*'], options: {} } as never,
		credentials: fixture.credentials({
			webhookUsername: 'juspayhooks',
			webhookPassword: 'hook-pass-dd',
		}),
		...options,
	});
	return harness;
}

const event = (id: string) => ({ ...readSample('webhooks/order_succeeded.json'), id });

async function deliver(id: string, processIndex = 0) {
	const response = await fetch((harness as TriggerHarness).urls[processIndex], {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: AUTH },
		body: JSON.stringify(event(id)),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

const startedIds = () => (harness as TriggerHarness).started.map((items) => items[0].json.id);

describe.each(['2.41.1', '1.x'] as const)('in n8n %s', (n8n) => {
	it('remembers every accepted event across a restart, not only the first', async () => {
		await start({ n8n });
		const ids = ['evt_r1', 'evt_r2', 'evt_r3', 'evt_r4', 'evt_r5'];
		for (const id of ids) await deliver(id);
		harness?.restart();
		for (const id of ids) expect((await deliver(id)).reason).toBe('duplicate event');
		await deliver('evt_r6');

		expect(startedIds()).toEqual([...ids, 'evt_r6']);
	});

	it('a repeat sent to the other process after the first was answered starts nothing', async () => {
		await start({ n8n, processes: 2 });
		await deliver('evt_x1', 0);
		expect((await deliver('evt_x1', 1)).reason).toBe('duplicate event');
		await deliver('evt_x2', 1);
		expect((await deliver('evt_x2', 0)).reason).toBe('duplicate event');

		expect(startedIds()).toEqual(['evt_x1', 'evt_x2']);
	});

	it('interleaved across two processes, then after both restart: each event starts once', async () => {
		await start({ n8n, processes: 2 });
		const ids = Array.from({ length: 30 }, (_, n) => `evt_i${n}`);
		for (const [n, id] of ids.entries()) {
			await deliver(id, n % 2);
			expect((await deliver(id, (n + 1) % 2)).reason).toBe('duplicate event');
		}
		harness?.restart();
		for (const [n, id] of ids.entries())
			expect((await deliver(id, n % 2)).reason).toBe('duplicate event');

		expect(startedIds()).toEqual(ids);
	});

	it('a save never removes ids another process recorded', async () => {
		await start({ n8n, processes: 2 });
		// A and B alternate; each save must hold every id so far, whoever saved it.
		const ids = ['evt_s1', 'evt_s2', 'evt_s3', 'evt_s4'];
		for (const [n, id] of ids.entries()) await deliver(id, n % 2);
		harness?.restart();
		// process 1 never saw evt_s1 or evt_s3 itself, and process 0 never saw the others
		for (const id of ids) expect((await deliver(id, 1)).reason).toBe('duplicate event');
		for (const id of ids) expect((await deliver(id, 0)).reason).toBe('duplicate event');
		expect(startedIds()).toEqual(ids);
	});
});
