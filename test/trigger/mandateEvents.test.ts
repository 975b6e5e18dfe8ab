import type { INodeProperties } from 'n8n-workflow';

import { JuspayTrigger } from '../../nodes/JuspayTrigger/JuspayTrigger.node';
import { useJuspaySandbox } from '../harness/sandboxFixture';
import { listSamples, readSample } from '../harness/samples';
import { startTrigger, type TriggerHarness } from '../harness/triggerRunner';

const fixture = useJuspaySandbox();

const USER = 'juspayhooks';
const PASSWORD = 'hook-pass-mandates';
const AUTH = 'Basic ' + Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

let harness: TriggerHarness | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
});

async function start(events: string[]) {
	harness = await startTrigger({
		parameters: { events, options: {} } as never,
		credentials: fixture.credentials({ webhookUsername: USER, webhookPassword: PASSWORD }),
	});
}

async function post(body: unknown) {
	const response = await fetch((harness as TriggerHarness).url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: AUTH },
		body: JSON.stringify(body),
	});
	return response.status;
}

const mandateSamples = listSamples('webhooks').filter((f) => /^(mandate|notification)_/.test(f));

/** The event names the trigger offers (option values are Juspay's names). */
function offeredEvents(): string[] {
	const events = new JuspayTrigger().description.properties.find(
		(p: INodeProperties) => p.name === 'events',
	);
	return (events?.options ?? []).map((option) => String((option as { value: unknown }).value));
}

describe('mandate and notification events', () => {
	it('offers every documented MANDATE_* and NOTIFICATION_* event', () => {
		const documented = [
			'MANDATE_CREATED',
			'MANDATE_ACTIVATED',
			'MANDATE_FAILED',
			'MANDATE_REVOKED',
			'MANDATE_PAUSED',
			'MANDATE_EXPIRED',
			'MANDATE_UPDATED',
			'MANDATE_UNPAUSED',
			'NOTIFICATION_SUCCEEDED',
			'NOTIFICATION_FAILED',
		];
		const inSamples = mandateSamples.map(
			(file) => readSample(`webhooks/${file}`).event_name as string,
		);

		expect(offeredEvents()).toEqual(expect.arrayContaining([...documented, ...inSamples]));
	});

	it('has the samples to test', () => {
		expect(mandateSamples).toHaveLength(8);
	});

	it.each(mandateSamples)(
		'%s: starts the workflow with the mandate or notification on top of the item',
		async (file) => {
			const event = readSample(`webhooks/${file}`);
			const content = event.content as Record<string, unknown>;
			await start([event.event_name as string]);

			expect(await post(event)).toBe(200);

			expect(harness?.started).toHaveLength(1);
			const output = harness?.started[0][0].json ?? {};
			expect(output.content).toEqual(content);
			const subject = file.startsWith('mandate_') ? 'mandate' : 'notification';
			expect(output[subject]).toEqual(content[subject]);
			expect(output.order).toBeUndefined();
		},
	);

	it('filters on the mandate events selected', async () => {
		await start(['MANDATE_REVOKED']);

		expect(await post(readSample('webhooks/mandate_revoked.json'))).toBe(200);
		expect(await post(readSample('webhooks/notification_failed.json'))).toBe(200);

		expect(harness?.started).toHaveLength(1);
		expect(harness?.started[0][0].json.mandate).toMatchObject({ status: 'REVOKED' });
	});

	it('keeps the order on top for an order event that also carries a mandate', async () => {
		const event = readSample('webhooks/order_succeeded_mandate.json');
		await start(['ORDER_SUCCEEDED']);

		expect(await post(event)).toBe(200);

		const output = harness?.started[0][0].json ?? {};
		const order = (event.content as Record<string, Record<string, unknown>>).order;
		expect(output.order).toEqual(order);
		expect((output.order as Record<string, unknown>).mandate).toMatchObject({
			mandate_status: 'ACTIVE',
		});
	});
});
