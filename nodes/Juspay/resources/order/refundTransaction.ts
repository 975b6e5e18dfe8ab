import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fetchOrderStatus } from '../../../shared/transport';
import { juspayApiError, type JuspayErrorBody } from '../../helpers/errorHandler';
import { optionalText, stepAttempt, type RequestBuilder } from '../../helpers/request';
import { deriveUniqueRequestId } from '../../helpers/uniqueRequestId';
import {
	InvalidParameterError,
	requireAlphanumericId,
	requireAmount,
	requireOrderIdForLookup,
} from '../../helpers/validation';
import { simplifyProperty } from '../../shared/descriptions';
import { findRefund } from './refund';

const showOnlyForRefundTransaction = { operation: ['refundTransaction'], resource: ['order'] };

export const REFUND_TYPES = ['STANDARD', 'INSTANT', 'INSTANT_WITH_FALLBACK'] as const;

export const orderRefundTransactionDescription: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		placeholder: 'e.g. ord20261122A1',
		description:
			'The order whose payment to refund. Give it, the Transaction ID, or both (they must belong together).',
		displayOptions: { show: showOnlyForRefundTransaction },
	},
	{
		displayName: 'Transaction ID',
		name: 'txnId',
		type: 'string',
		default: '',
		placeholder: 'e.g. merchant-ord20261122A1-1',
		description:
			"One payment attempt of a Juspay order (txn_id in Get Status), to refund that attempt rather than the order's successful one",
		displayOptions: { show: showOnlyForRefundTransaction },
	},
	{
		displayName: 'Refund Type',
		name: 'refundType',
		type: 'options',
		options: [
			{
				name: 'Standard',
				value: 'STANDARD',
				description: 'Back through the payment gateway (days)',
			},
			{
				name: 'Instant',
				value: 'INSTANT',
				description:
					'Paid out to the card at once; only for cards saved with Juspay, with instant refunds enabled',
			},
			{
				name: 'Instant With Fallback',
				value: 'INSTANT_WITH_FALLBACK',
				description: 'Instant where possible, else standard',
			},
		],
		default: 'STANDARD',
		displayOptions: { show: showOnlyForRefundTransaction },
	},
	{
		displayName: 'Unique Request ID',
		name: 'uniqueRequestId',
		type: 'string',
		default: '',
		placeholder: 'e.g. rfnd20261122A1',
		description:
			'Identifies this refund, so that sending it again never refunds twice: letters and digits, at most 20 characters. Leave empty to let the node derive one that stays the same when n8n retries this step.',
		displayOptions: { show: showOnlyForRefundTransaction },
	},
	{ ...simplifyProperty, displayOptions: { show: showOnlyForRefundTransaction } },
];

interface TransactionRefund {
	orderId?: string;
	txnId?: string;
	amount: string;
	refundType: string;
	uniqueRequestId: string;
}

function transactionRefundOf(context: IExecuteSingleFunctions): TransactionRefund {
	const orderText = optionalText(context.getNodeParameter('orderId', ''));
	const txnId = optionalText(context.getNodeParameter('txnId', ''));
	if (orderText === undefined && txnId === undefined) {
		throw new InvalidParameterError(
			'The Order ID and the Transaction ID are both empty',
			'Enter the Order ID, the Transaction ID of the payment attempt, or both',
		);
	}
	if (txnId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(txnId)) {
		throw new InvalidParameterError(
			`The Transaction ID ${JSON.stringify(txnId)} is not valid`,
			'Use the txn_id from Get Status, e.g. merchant-ord20261122A1-1',
		);
	}
	const orderId = orderText === undefined ? undefined : requireOrderIdForLookup(orderText);
	const amount = requireAmount(context.getNodeParameter('amount', ''));
	const refundType = String(context.getNodeParameter('refundType', 'STANDARD'));
	if (!REFUND_TYPES.includes(refundType as never)) {
		throw new InvalidParameterError(
			`The Refund Type ${JSON.stringify(refundType)} is not one Juspay knows`,
			`Choose ${REFUND_TYPES.join(', ')}`,
		);
	}
	const given = optionalText(context.getNodeParameter('uniqueRequestId', ''));
	const uniqueRequestId =
		given !== undefined
			? requireAlphanumericId(given, 'Unique Request ID')
			: deriveUniqueRequestId({
					...stepAttempt(context),
					orderId: `${orderId ?? ''}|${txnId ?? ''}`,
					amount,
				});
	return { orderId, txnId, amount, refundType, uniqueRequestId };
}

export const buildOrderRefundTransaction: RequestBuilder = function () {
	const refund = transactionRefundOf(this);
	return {
		path: '/refunds',
		routingId: refund.orderId ?? refund.txnId ?? refund.uniqueRequestId,
		form: {
			unique_request_id: refund.uniqueRequestId,
			amount: refund.amount,
			order_id: refund.orderId,
			txn_id: refund.txnId,
			refund_type: refund.refundType,
		},
	};
};

/**
 * The order of a txn_id, by Juspay's convention `<merchant id>-<order id>-<attempt>`: needed
 * to look a refund up when only the Transaction ID was given.
 */
export function orderIdOfTxnId(txnId: string, merchantId: string): string | undefined {
	const prefix = `${merchantId}-`;
	const lastDash = txnId.lastIndexOf('-');
	if (!merchantId || !txnId.startsWith(prefix) || lastDash <= prefix.length) return undefined;
	return txnId.slice(prefix.length, lastDash);
}

/** A refund of the order status as /refunds answers it: one refund object. */
function asRefundObject(order: IDataObject, refund: IDataObject): IDataObject {
	return { order_id: order.order_id, txn_id: refund.txn_id ?? order.txn_id ?? null, ...refund };
}

/**
 * postReceive of Refund Transaction: on `duplicate.call` (a retry after Juspay recorded the
 * refund, or the same Unique Request ID again) the existing refund is looked up in Order Status
 * and returned with `replayed: true`, never refunded again.
 */
export async function handleRefundTransactionResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) {
		return items.map((item) => ({ ...item, json: { ...item.json, replayed: false } }));
	}
	const itemIndex = this.getItemIndex();
	const errorBody = (response.body ?? {}) as JuspayErrorBody;
	if (errorBody.error_code !== 'duplicate.call') {
		throw juspayApiError(this.getNode(), response, itemIndex);
	}
	const refund = transactionRefundOf(this);
	const credentials = await this.getCredentials('juspayApi');
	const orderId =
		refund.orderId ??
		(refund.txnId ? orderIdOfTxnId(refund.txnId, String(credentials.merchantId ?? '')) : undefined);
	if (orderId === undefined) {
		throw juspayApiError(this.getNode(), response, itemIndex, {
			fix: 'Juspay may already hold this refund. Enter the Order ID too, so the node can look the refund up instead of failing',
		});
	}
	const status = await fetchOrderStatus(this, orderId);
	if (status.statusCode >= 400) throw juspayApiError(this.getNode(), status, itemIndex);
	const order = status.body as IDataObject;
	const existing = findRefund(order, refund.uniqueRequestId);
	if (!existing) {
		// Juspay refused another refund of the same amount made seconds ago: not ours to replay.
		throw juspayApiError(this.getNode(), response, itemIndex);
	}
	return [{ json: { ...asRefundObject(order, existing), replayed: true } }];
}
