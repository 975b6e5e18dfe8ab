import { createHash } from 'crypto';

/** Juspay's limit for unique_request_id: alphanumeric, at most 20 characters. */
export const UNIQUE_REQUEST_ID_LENGTH = 20;
/** Juspay's limit for order_id: alphanumeric, at most 20 characters. */
export const ORDER_ID_LENGTH = 20;
/** Juspay's limit for a notification's object_reference_id: alphanumeric, at most 25 characters. */
export const NOTIFICATION_REFERENCE_LENGTH = 25;

/** What stays the same when n8n's Retry On Fail re-runs a step: execution, node, run and item. */
export interface StepAttempt {
	executionId: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
}

export interface RefundAttempt extends StepAttempt {
	orderId: string;
	amount: string;
}

/**
 * An alphanumeric id of `length` characters ("n8n" + hex) derived, not random, from the attempt
 * and what the request is about. A retry after a lost response sends the same id, so Juspay
 * refuses to do it twice; a new execution gets a new id (see the README for ids that hold across
 * executions).
 */
export function deriveRetryStableId(
	attempt: StepAttempt,
	subject: Array<string | number>,
	length: number,
): string {
	const seed = [attempt.executionId, attempt.nodeId, attempt.runIndex, attempt.itemIndex];
	return retryStableIdOf([...seed, ...subject], length);
}

function retryStableIdOf(seed: Array<string | number>, length: number): string {
	const digest = createHash('sha256').update(seed.join('|')).digest('hex');
	return 'n8n' + digest.slice(0, length - 3);
}

/** A refund's unique_request_id when the user gave none. */
export function deriveUniqueRequestId(attempt: RefundAttempt): string {
	return deriveRetryStableId(attempt, [attempt.orderId, attempt.amount], UNIQUE_REQUEST_ID_LENGTH);
}

/** Kept at 18: Juspay's docs allow fewer than 21 characters, its Node SDK types fewer than 18. */
export const DERIVED_ORDER_ID_LENGTH = 18;

/**
 * An order id for Payment Link › Create when the user gave none, derived like the refund id
 * above: the same across Retry On Fail (same execution, node, run and item), so a retry after
 * a lost response asks for the same order again and Juspay cannot create a second one.
 */
export function deriveOrderId(attempt: StepAttempt): string {
	// 'order' leads the seed (not a subject after the attempt) so ids stay those of earlier builds.
	const seed = ['order', attempt.executionId, attempt.nodeId, attempt.runIndex, attempt.itemIndex];
	return retryStableIdOf(seed, DERIVED_ORDER_ID_LENGTH);
}
