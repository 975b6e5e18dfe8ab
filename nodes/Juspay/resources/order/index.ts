import type { INodeProperties } from 'n8n-workflow';

import { throwOnJuspayError } from '../../helpers/errorHandler';
import { sendJuspayRequest } from '../../helpers/request';
import { simplifyOrderOutput } from '../../helpers/simplify';
import { amountProperty, orderIdProperty } from '../../shared/descriptions';
import { buildOrderCreate, orderCreateDescription } from './create';
import { buildOrderGet, orderGetDescription } from './get';
import { buildOrderRefund, handleRefundResponse, orderRefundDescription } from './refund';

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
				description: 'Create an order for the customer to pay',
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
				description: 'Refund all or part of a charged order, safely when retried',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildOrderRefund)] },
					output: { postReceive: [handleRefundResponse, simplifyOrderOutput] },
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
];
