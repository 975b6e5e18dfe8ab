import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fetchOrderStatus } from '../../../shared/transport';
import { juspayApiError, type JuspayErrorBody } from '../../helpers/errorHandler';
import { optionalText, pathSegment, stepAttempt, type RequestBuilder } from '../../helpers/request';
import { deriveUniqueRequestId } from '../../helpers/uniqueRequestId';
import {
	requireAlphanumericId,
	requireAmount,
	requireOrderIdForLookup,
} from '../../helpers/validation';
import { simplifyProperty } from '../../shared/descriptions';

const showOnlyForOrderRefund = { operation: ['refund'], resource: ['order'] };

export const orderRefundDescription: INodeProperties[] = [
	{
		displayName: 'Unique Request ID',
		name: 'uniqueRequestId',
		type: 'string',
		default: '',
		placeholder: 'e.g. rfnd20261122A1',
		description:
			'Identifies this refund, so that sending it again never refunds twice: letters and digits, at most 20 characters. Leave empty to let the node derive one that stays the same when n8n retries this step; set it from your own data (e.g. a return ID) to stay safe across separate executions too.',
		displayOptions: { show: showOnlyForOrderRefund },
	},
	{ ...simplifyProperty, displayOptions: { show: showOnlyForOrderRefund } },
];

interface RefundRequest {
	orderId: string;
	amount: string;
	uniqueRequestId: string;
}

function refundRequestOf(context: IExecuteSingleFunctions): RefundRequest {
	const orderId = requireOrderIdForLookup(context.getNodeParameter('orderId', ''));
	const amount = requireAmount(context.getNodeParameter('amount', ''));
	const given = optionalText(context.getNodeParameter('uniqueRequestId', ''));
	if (given !== undefined) {
		return { orderId, amount, uniqueRequestId: requireAlphanumericId(given, 'Unique Request ID') };
	}
	const uniqueRequestId = deriveUniqueRequestId({ ...stepAttempt(context), orderId, amount });
	return { orderId, amount, uniqueRequestId };
}

export const buildOrderRefund: RequestBuilder = function () {
	const { orderId, amount, uniqueRequestId } = refundRequestOf(this);
	return {
		path: `/orders/${pathSegment(orderId)}/refunds`,
		routingId: orderId,
		form: { unique_request_id: uniqueRequestId, amount },
	};
};

/** The refund with this unique_request_id in an Order Status answer. */
export function findRefund(order: IDataObject, uniqueRequestId: string): IDataObject | undefined {
	const refunds = Array.isArray(order.refunds) ? (order.refunds as IDataObject[]) : [];
	return refunds.find((refund) => refund.unique_request_id === uniqueRequestId);
}

/**
 * postReceive of Refund. A `duplicate.call` means Juspay already holds a refund with this
 * unique_request_id (typically: a retry after the first response was lost). Then the existing
 * refund is fetched from Order Status and returned, marked `replayed: true`, instead of failing.
 */
export async function handleRefundResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) {
		return items.map((item) => ({ ...item, json: { ...item.json, replayed: false } }));
	}
	const errorBody = (response.body ?? {}) as JuspayErrorBody;
	if (errorBody.error_code !== 'duplicate.call') {
		throw juspayApiError(this.getNode(), response, this.getItemIndex());
	}
	const { orderId, uniqueRequestId } = refundRequestOf(this);
	const status = await fetchOrderStatus(this, orderId);
	if (status.statusCode >= 400) throw juspayApiError(this.getNode(), status, this.getItemIndex());
	if (!findRefund(status.body, uniqueRequestId)) {
		// Juspay refused another refund of the same amount made seconds ago: not ours to replay.
		throw juspayApiError(this.getNode(), response, this.getItemIndex());
	}
	return [{ json: { ...(status.body as IDataObject), replayed: true } }];
}
