import type { INodeProperties } from 'n8n-workflow';

import { throwOnJuspayError } from '../../helpers/errorHandler';
import { sendJuspayRequest } from '../../helpers/request';
import { simplifyOrderOutput, simplifyTransactionRefundOutput } from '../../helpers/simplify';
import { amountProperty, orderIdProperty } from '../../shared/descriptions';
import { buildOrderCreate, orderCreateDescription } from './create';
import { buildOrderGet, orderGetDescription } from './get';
import { buildOrderRefund, handleRefundResponse, orderRefundDescription } from './refund';
import {
	buildOrderRefundTransaction,
	handleRefundTransactionResponse,
	orderRefundTransactionDescription,
} from './refundTransaction';
import { buildOrderUpdate, handleOrderUpdateResponse, orderUpdateDescription } from './update';
import { orderVerifyReturnUrlDescription, verifyReturnUrl } from './verifyReturnUrl';

const showOnlyForOrders = { resource: ['order'] };

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForOrders },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an order',
				description: 'Create a payable order for the customer to pay',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildOrderCreate)] },
					output: { postReceive: [throwOnJuspayError] },
				},
			},
			{
				name: 'Get Status',
				value: 'get',
				action: 'Get the status of an order',
				description: "Get an order's status, payment and refunds (Juspay's Order Status API)",
				routing: {
					request: { method: 'GET' },
					send: { preSend: [sendJuspayRequest(buildOrderGet)] },
					output: { postReceive: [throwOnJuspayError, simplifyOrderOutput] },
				},
			},
			{
				name: 'Refund',
				value: 'refund',
				action: 'Refund an order',
				description:
					'Moves money: refund all or part of a charged order to the customer, safely when retried',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildOrderRefund)] },
					output: { postReceive: [handleRefundResponse, simplifyOrderOutput] },
				},
			},
			{
				name: 'Refund Transaction',
				value: 'refundTransaction',
				action: 'Refund a transaction',
				description:
					'Moves money: refund one payment attempt, or instantly to the card, safely when retried',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildOrderRefundTransaction)] },
					output: {
						postReceive: [handleRefundTransactionResponse, simplifyTransactionRefundOutput],
					},
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an order',
				description: "Change an unpaid order's amount, UDFs or addresses",
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildOrderUpdate)] },
					output: { postReceive: [handleOrderUpdateResponse] },
				},
			},
			{
				name: 'Verify Return URL',
				value: 'verifyReturnUrl',
				action: 'Verify a return URL',
				description:
					"Check Juspay's signature on the customer's redirect to your return URL before trusting its status",
				routing: {
					// No request of its own: the whole operation is this function (see its comment).
					send: { paginate: true },
					operations: { pagination: verifyReturnUrl },
				},
			},
		],
		default: 'get',
	},
	orderIdProperty,
	amountProperty,
	...orderCreateDescription,
	...orderGetDescription,
	...orderRefundDescription,
	...orderRefundTransactionDescription,
	...orderUpdateDescription,
	...orderVerifyReturnUrlDescription,
];
