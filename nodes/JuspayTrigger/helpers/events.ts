/** Juspay's webhook events (API reference, section Webhooks) and what makes a body one of them. */

export const ALL_EVENTS = '*';

export const JUSPAY_EVENTS = [
	['ORDER_SUCCEEDED', 'Order succeeded: the payment was charged'],
	['ORDER_FAILED', 'Order failed'],
	['ORDER_AUTHORIZED', 'Order authorized (pre-auth)'],
	['ORDER_REFUNDED', 'A refund of the order succeeded'],
	['ORDER_REFUND_FAILED', 'A refund of the order failed'],
	['REFUND_INITIATED', 'A refund was initiated'],
	['REFUND_MANUAL_REVIEW_NEEDED', 'A refund needs manual review'],
	['AUTO_REFUND_INITIATED', 'Juspay started an automatic refund'],
	['AUTO_REFUND_SUCCEEDED', 'An automatic refund succeeded'],
	['AUTO_REFUND_FAILED', 'An automatic refund failed'],
	['TXN_CREATED', 'A payment attempt (transaction) was created'],
	['TXN_CHARGED', 'A transaction was charged'],
	['TXN_FAILED', 'A transaction failed'],
	['MANDATE_CREATED', 'A mandate was created'],
	['MANDATE_ACTIVATED', 'A mandate was activated'],
	['MANDATE_FAILED', 'A mandate failed'],
	['MANDATE_REVOKED', 'A mandate was revoked'],
	['MANDATE_PAUSED', 'A mandate was paused'],
	['MANDATE_EXPIRED', 'A mandate expired'],
	// Listed by Juspay's own Saleor app, not yet on the webhook page.
	['MANDATE_UPDATED', 'A mandate was updated'],
	['MANDATE_UNPAUSED', 'A paused mandate became active again'],
	['NOTIFICATION_SUCCEEDED', 'A pre-debit notification was sent'],
	['NOTIFICATION_FAILED', 'A pre-debit notification failed'],
] as const;

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
