import type { IDataObject } from 'n8n-workflow';

/** Fields compared between the webhook's order and the Order Status API's answer. */
export const CONFIRMED_FIELDS = ['status', 'amount', 'amount_refunded'] as const;

export interface Confirmation {
	[key: string]: unknown;
	confirmed: boolean;
	status: unknown;
	amount: unknown;
	amount_refunded: unknown;
	mismatches: string[];
}

function comparable(value: unknown): unknown {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
		return Number(value);
	return value ?? null;
}

/**
 * Compares the order in a webhook with the order Juspay's API returns now. Juspay masks some
 * webhook fields as "FILTERED"; those cannot disagree.
 */
export function confirmOrder(webhookOrder: IDataObject, apiOrder: IDataObject): Confirmation {
	const mismatches = CONFIRMED_FIELDS.filter((field) => {
		const sent = webhookOrder[field];
		if (sent === undefined || sent === 'FILTERED') return false;
		return comparable(sent) !== comparable(apiOrder[field]);
	});
	return {
		confirmed: mismatches.length === 0,
		status: apiOrder.status ?? null,
		amount: apiOrder.amount ?? null,
		amount_refunded: apiOrder.amount_refunded ?? null,
		mismatches: [...mismatches],
	};
}

/** The confirmation of an event whose order the Order Status API does not know. */
export function orderNotFound(statusCode: number): Confirmation {
	return {
		confirmed: false,
		status: null,
		amount: null,
		amount_refunded: null,
		mismatches: ['order_not_found'],
		message: `Order Status answered HTTP ${statusCode}`,
	};
}
