import { createHash } from 'crypto';

/** Juspay's limit for unique_request_id: alphanumeric, at most 20 characters. */
export const UNIQUE_REQUEST_ID_LENGTH = 20;

export interface RefundAttempt {
	executionId: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
	orderId: string;
	amount: string;
}

/**
 * A refund's unique_request_id when the user gave none. It is derived, not random, from what
 * stays the same when n8n retries the step (Retry On Fail re-runs the node in the same execution,
 * run and item), so a retry after a lost response sends the same id and Juspay refuses a second
 * refund. A new execution gets a new id: see the README for ids that hold across executions.
 */
export function deriveUniqueRequestId(attempt: RefundAttempt): string {
	const seed = [
		attempt.executionId,
		attempt.nodeId,
		attempt.runIndex,
		attempt.itemIndex,
		attempt.orderId,
		attempt.amount,
	].join('|');
	const digest = createHash('sha256').update(seed).digest('hex');
	return 'n8n' + digest.slice(0, UNIQUE_REQUEST_ID_LENGTH - 3);
}

/** Kept at 18: Juspay's docs allow fewer than 21 characters, its Node SDK types fewer than 18. */
export const DERIVED_ORDER_ID_LENGTH = 18;

export interface OrderAttempt {
	executionId: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
}

/**
 * An order id for Payment Link › Create when the user gave none, derived like the refund id
 * above: the same across Retry On Fail (same execution, node, run and item), so a retry after
 * a lost response asks for the same order again and Juspay cannot create a second one.
 */
export function deriveOrderId(attempt: OrderAttempt): string {
	const seed = ['order', attempt.executionId, attempt.nodeId, attempt.runIndex, attempt.itemIndex];
	const digest = createHash('sha256').update(seed.join('|')).digest('hex');
	return 'n8n' + digest.slice(0, DERIVED_ORDER_ID_LENGTH - 3);
}
