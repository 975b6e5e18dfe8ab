import type { INodeProperties } from 'n8n-workflow';

import { sendJuspayRequest } from '../../helpers/request';
import { simplifyPaymentLinkOutput } from '../../helpers/simplify';
import {
	buildPaymentLinkCreate,
	handlePaymentLinkResponse,
	paymentLinkCreateDescription,
} from './create';

const showOnlyForPaymentLinks = { resource: ['paymentLink'] };

export const paymentLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPaymentLinks },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payment link',
				description:
					"Create a payable order and its hosted payment page link (Juspay's Session API); safe when retried",
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildPaymentLinkCreate)] },
					output: { postReceive: [handlePaymentLinkResponse, simplifyPaymentLinkOutput] },
				},
			},
		],
		default: 'create',
	},
	...paymentLinkCreateDescription,
];
