import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, fetchOrderStatus } from '../../../shared/transport';
import { optionalUnixSeconds, requireFuture } from '../../helpers/dates';
import { juspayApiError, type JuspayErrorBody } from '../../helpers/errorHandler';
import { optionalText, stepAttempt, type RequestBuilder } from '../../helpers/request';
import { deriveRetryStableId, ORDER_ID_LENGTH } from '../../helpers/uniqueRequestId';
import { requireAlphanumericId, requireAmount, requireText } from '../../helpers/validation';
import { mandateIdOf, NOW_TOLERANCE_SECONDS, nowInSeconds } from './command';

const showOnlyForCharge = { resource: ['mandate'], operation: ['charge'] };

export const mandateChargeDescription: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		placeholder: 'e.g. gym202612cst42',
		description:
			'A new order ID for this debit: letters and digits, at most 20 characters. Leave empty to let the node derive one that stays the same when n8n retries this step, so a retry never charges twice; set it from your own data (e.g. subscription and month) to stay safe across separate executions too.',
		displayOptions: { show: showOnlyForCharge },
	},
	{
		displayName: 'Notification ID',
		name: 'notificationId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1957069',
		description:
			'The ID from Send Pre-Debit Notification, when you send the pre-debit notifications yourself (Juspay then requires it)',
		displayOptions: { show: showOnlyForCharge },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCharge },
		options: [
			{
				displayName: 'Execution Date',
				name: 'executionDate',
				type: 'dateTime',
				default: '',
				description:
					'When Juspay should debit; empty: Juspay debits about 25 hours after a successful notification',
			},
		],
	},
];

interface ChargeRequest {
	orderId: string;
	amount: string;
	customerId: string;
	mandateId: string;
	notificationId?: string;
	executionDate?: number;
}

function chargeRequestOf(context: IExecuteSingleFunctions): ChargeRequest {
	const mandateId = mandateIdOf(context);
	const customerId = requireText(context.getNodeParameter('customerId', ''), 'Customer ID');
	const amount = requireAmount(context.getNodeParameter('amount', ''));
	const given = optionalText(context.getNodeParameter('orderId', ''));
	const orderId =
		given !== undefined
			? requireAlphanumericId(given, 'Order ID')
			: deriveRetryStableId(stepAttempt(context), [mandateId, customerId, amount], ORDER_ID_LENGTH);
	const fields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const executionDate = optionalUnixSeconds(
		fields.executionDate,
		'Execution Date',
		context.getTimezone(),
	);
	if (executionDate !== undefined) {
		requireFuture(executionDate, 'Execution Date', nowInSeconds() - NOW_TOLERANCE_SECONDS);
	}
	return {
		orderId,
		amount,
		customerId,
		mandateId,
		notificationId: optionalText(context.getNodeParameter('notificationId', '')),
		executionDate,
	};
}

export const buildMandateCharge: RequestBuilder = async function () {
	const charge = chargeRequestOf(this);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return {
		path: '/txns',
		routingId: charge.customerId,
		form: {
			'order.order_id': charge.orderId,
			'order.amount': charge.amount,
			'order.customer_id': charge.customerId,
			mandate_id: charge.mandateId,
			merchant_id: String(credentials.merchantId ?? ''),
			format: 'json',
			'mandate.notification_id': charge.notificationId,
			'mandate.execution_date': charge.executionDate,
		},
	};
};

/** Whether an existing order is this debit: same amount, and the same customer when shown. */
function isThisDebit(order: IDataObject, charge: ChargeRequest): boolean {
	if (Number(order.amount) !== Number(charge.amount)) return false;
	const customer = order.customer_id;
	return customer === undefined || customer === null || customer === charge.customerId;
}

/**
 * postReceive of Charge. Juspay's /txns answer (PENDING_VBV and a URL meant for customers) is not
 * what an ops workflow needs: the output is the new order from Order Status. When Juspay answers
 * DUPLICATE_ORDER_ID (a retry after the first answer was lost), that order is looked up and
 * returned, marked `replayed: true`, and nothing is charged again.
 */
export async function handleChargeResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const charge = chargeRequestOf(this);
	let replayed = false;
	if (response.statusCode >= 400) {
		const body = (response.body ?? {}) as JuspayErrorBody;
		if (body.status !== 'DUPLICATE_ORDER_ID' && body.error_code !== 'DUPLICATE_ORDER_ID') {
			throw juspayApiError(this.getNode(), response, itemIndex);
		}
		replayed = true;
	}
	const status = await fetchOrderStatus(this, charge.orderId, charge.customerId);
	if (status.statusCode >= 400) {
		if (replayed) throw juspayApiError(this.getNode(), response, itemIndex);
		throw new NodeApiError(this.getNode(), status.body as never, {
			message: `Juspay accepted the debit as order ${charge.orderId}, but its status could not be read`,
			description:
				'Nothing more was charged. Check the order with Order › Get Status, or run this step again: it returns the same order and never charges twice',
			httpCode: String(status.statusCode),
			itemIndex,
		});
	}
	if (replayed && !isThisDebit(status.body, charge)) {
		// Another order already uses this ID: it is not this debit, so it must not be reported as one.
		throw juspayApiError(this.getNode(), response, itemIndex);
	}
	return [{ json: { ...(status.body as IDataObject), replayed } }];
}
