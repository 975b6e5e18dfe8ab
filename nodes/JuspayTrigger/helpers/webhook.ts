import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { fetchOrderStatus, CREDENTIAL_TYPE } from '../../shared/transport';
import { basicAuthMatches } from './basicAuth';
import { confirmOrder, orderNotFound } from './confirmation';
import { eventOutput, isSelected, parseJuspayEvent } from './events';
import { respond } from './respond';
import { saveAgainWhenStored, seenEventsFor } from './seenEvents';
import { openDelivery, signedWebhooksMode } from './signedDelivery';

/** Juspay's payloads are a few kilobytes; anything near this size is not a Juspay event. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MEMORY_SIZE = 10000;

const REALM = { 'WWW-Authenticate': 'Basic realm="Juspay webhook", charset="UTF-8"' };

interface TriggerOptions {
	deduplicate?: boolean;
	memorySize?: number;
	confirmWithApi?: boolean;
	dropUnconfirmed?: boolean;
	includeHeaders?: boolean;
}

function rawBodyOf(context: IWebhookFunctions): string {
	const raw = (context.getRequestObject() as { rawBody?: Buffer | string }).rawBody;
	if (raw === undefined) return '';
	return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
}

/** Headers for the output, never the Authorization header. */
function safeHeaders(context: IWebhookFunctions): IDataObject {
	const headers = { ...(context.getHeaderData() as IDataObject) };
	delete headers.authorization;
	return headers;
}

/**
 * One Juspay delivery: authenticate, read, filter, de-duplicate, optionally confirm, then start
 * the workflow. Every refusal is answered here; Juspay retries anything that is not a 200.
 */
export async function handleJuspayWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const username = String(credentials.webhookUsername ?? '');
	const password = String(credentials.webhookPassword ?? '');
	const basicAuthConfigured = username !== '' && password !== '';
	const signedMode = signedWebhooksMode(this.getNodeParameter('options.signedWebhooks', 'off'));
	if (!basicAuthConfigured && signedMode === 'off') {
		return respond(
			this,
			401,
			{
				message:
					'This Juspay Trigger refuses all deliveries: set Webhook Username and Webhook Password in its Juspay credential, and the same values in the Juspay dashboard under Payments › Settings › Webhooks',
			},
			REALM,
		);
	}
	// With signed webhooks, Basic auth is checked when configured: the two checks are independent.
	if (
		basicAuthConfigured &&
		!basicAuthMatches(this.getHeaderData().authorization, username, password)
	) {
		return respond(this, 401, { message: 'Authorization required' }, REALM);
	}

	const rawBody = rawBodyOf(this);
	if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) {
		return respond(this, 413, { message: 'The body is too large to be a Juspay event' });
	}
	// A signed body is decrypted and verified here, before anything else reads it.
	const delivery = openDelivery(
		this.getBodyData(),
		rawBody,
		credentials,
		signedMode,
		basicAuthConfigured,
	);
	if ('statusCode' in delivery) {
		return respond(
			this,
			delivery.statusCode,
			{ message: delivery.message },
			delivery.basic ? REALM : {},
		);
	}
	const parsed = parseJuspayEvent(delivery.body, delivery.rawBody);
	if ('problem' in parsed) {
		return respond(this, 400, { message: `${parsed.problem}: this is not a Juspay webhook event` });
	}
	const { event } = parsed;

	const events = this.getNodeParameter('events', []) as string[];
	if (!isSelected(event.event_name, events)) {
		return { webhookResponse: { received: true, started: false, reason: 'event not selected' } };
	}

	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const deduplicate = options.deduplicate !== false;
	const staticData = this.getWorkflowStaticData('node');
	const node = this.getNode();
	const seen = deduplicate
		? seenEventsFor(
				`${this.getWorkflow().id ?? ''}:${node.id}`,
				options.memorySize && options.memorySize > 0 ? options.memorySize : DEFAULT_MEMORY_SIZE,
			)
		: undefined;
	if (seen) {
		// Merge, check and record with no await between: atomic in this process, and aware of
		// every id any process had saved when n8n loaded this delivery's static data.
		seen.merge(staticData);
		if (!seen.claim(event.id)) {
			// A delivery that starts nothing is where n8n 2.41.1 still saves static data: write
			// the union, so ids lost to another process's save come back.
			seen.save(staticData);
			return { webhookResponse: { received: true, started: false, reason: 'duplicate event' } };
		}
	}

	const item = eventOutput(event) as IDataObject;
	if (delivery.signature) item.signature = delivery.signature;
	if (options.confirmWithApi && item.order) {
		const order = item.order as IDataObject;
		const status = await fetchOrderStatus(this, String(order.order_id ?? '')).catch(
			() => undefined,
		);
		if (!status || status.statusCode >= 500) {
			// Not a verdict on the event: forget it and answer non-200, so Juspay delivers it again.
			seen?.release(event.id);
			return respond(this, 503, {
				message:
					"Juspay's Order Status API could not be reached to confirm this event; Juspay will retry",
			});
		}
		item.confirmation =
			status.statusCode < 400 ? confirmOrder(order, status.body) : orderNotFound(status.statusCode);
		if (options.dropUnconfirmed && !(item.confirmation as IDataObject).confirmed) {
			seen?.release(event.id);
			return {
				webhookResponse: {
					received: true,
					started: false,
					reason: 'not confirmed by Order Status',
				},
			};
		}
	}
	if (options.includeHeaders) item.headers = safeHeaders(this);

	const items = this.helpers.returnJsonArray(item);
	if (seen) {
		seen.save(staticData);
		saveAgainWhenStored(items[0], () => seen.save(staticData));
	}
	return { workflowData: [items] };
}
