/** The trigger's Events parameter, and what makes a webhook body a Juspay event. */

export const ALL_EVENTS = '*';

/**
 * One option of the Events parameter: a Title Case name as n8n's own triggers have, Juspay's
 * event name as the value (what the body's `event_name` says), and what it means.
 */
export interface JuspayEventOption {
	name: string;
	value: string;
	description: string;
}

function event(value: string, name: string, meaning: string): JuspayEventOption {
	return { name, value, description: `${value}: ${meaning}` };
}

/** Juspay's webhook events (API reference, section Webhooks). Add new ones anywhere: the node sorts. */
export const JUSPAY_EVENTS: JuspayEventOption[] = [
	event('AUTO_REFUND_FAILED', 'Auto Refund Failed', 'an automatic refund failed'),
	event('AUTO_REFUND_INITIATED', 'Auto Refund Initiated', 'Juspay started an automatic refund'),
	event('AUTO_REFUND_SUCCEEDED', 'Auto Refund Succeeded', 'an automatic refund succeeded'),
	event('MANDATE_ACTIVATED', 'Mandate Activated', 'a mandate was activated'),
	event('MANDATE_CREATED', 'Mandate Created', 'a mandate was created'),
	event('MANDATE_EXPIRED', 'Mandate Expired', 'a mandate expired'),
	event('MANDATE_FAILED', 'Mandate Failed', 'a mandate failed'),
	event('MANDATE_PAUSED', 'Mandate Paused', 'a mandate was paused'),
	event('MANDATE_REVOKED', 'Mandate Revoked', 'a mandate was revoked'),
	// These two are listed by Juspay's own Saleor app, not yet on the webhook page.
	event('MANDATE_UNPAUSED', 'Mandate Unpaused', 'a paused mandate became active again'),
	event('MANDATE_UPDATED', 'Mandate Updated', 'a mandate was updated'),
	event('NOTIFICATION_FAILED', 'Notification Failed', 'a pre-debit notification failed'),
	event('NOTIFICATION_SUCCEEDED', 'Notification Succeeded', 'a pre-debit notification was sent'),
	event('ORDER_AUTHORIZED', 'Order Authorized', 'the payment was authorized (pre-auth)'),
	event('ORDER_FAILED', 'Order Failed', 'the payment of the order failed'),
	event('ORDER_REFUND_FAILED', 'Order Refund Failed', 'a refund of the order failed'),
	event('ORDER_REFUNDED', 'Order Refunded', 'a refund of the order succeeded'),
	event('ORDER_SUCCEEDED', 'Order Succeeded', 'the payment was charged'),
	event('REFUND_INITIATED', 'Refund Initiated', 'a refund was initiated'),
	event(
		'REFUND_MANUAL_REVIEW_NEEDED',
		'Refund Manual Review Needed',
		'a refund needs manual review',
	),
	event('TXN_CHARGED', 'Transaction Charged', 'a transaction (payment attempt) was charged'),
	event('TXN_CREATED', 'Transaction Created', 'a transaction (payment attempt) was created'),
	event('TXN_FAILED', 'Transaction Failed', 'a transaction (payment attempt) failed'),
];

/** The Events parameter's options: All Events first, then every event sorted by name. */
export function eventOptions(): JuspayEventOption[] {
	return [
		{
			name: 'All Events',
			value: ALL_EVENTS,
			description: 'Every event, including ones Juspay adds later',
		},
		...[...JUSPAY_EVENTS].sort((a, b) => a.name.localeCompare(b.name)),
	];
}

export interface JuspayEvent {
	id: string;
	event_name: string;
	date_created?: unknown;
	content?: Record<string, unknown>;
	[key: string]: unknown;
}

export type ParsedEvent = { event: JuspayEvent } | { problem: string };

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads a delivery as Juspay sends it: a JSON object with a string `id` and `event_name`.
 * `parsedBody` is what n8n already parsed (for JSON requests); other content types arrive raw.
 */
export function parseJuspayEvent(parsedBody: unknown, rawBody: string): ParsedEvent {
	let body = parsedBody;
	if (!isObject(body) || Object.keys(body).length === 0) {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return { problem: 'The body is not valid JSON' };
		}
	}
	if (!isObject(body)) return { problem: 'The body is not a JSON object' };
	if (typeof body.event_name !== 'string' || body.event_name.trim() === '') {
		return { problem: 'The body has no event_name' };
	}
	if (typeof body.id !== 'string' || body.id.trim() === '') {
		return { problem: 'The body has no event id' };
	}
	return { event: body as JuspayEvent };
}

export function isSelected(eventName: string, selected: string[]): boolean {
	return selected.includes(ALL_EVENTS) || selected.includes(eventName);
}

/** What an event is about: Juspay puts it under content.order, .mandate or .notification. */
export const EVENT_SUBJECTS = ['order', 'mandate', 'notification'] as const;

/** One output item: the event as sent, plus its order, mandate or notification on top. */
export function eventOutput(event: JuspayEvent): Record<string, unknown> {
	const output: Record<string, unknown> = {
		id: event.id,
		event_name: event.event_name,
		date_created: event.date_created ?? null,
		content: event.content ?? null,
	};
	for (const subject of EVENT_SUBJECTS) {
		if (isObject(event.content) && isObject(event.content[subject])) {
			output[subject] = event.content[subject];
		}
	}
	return output;
}
