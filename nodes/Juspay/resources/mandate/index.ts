import type { INodeProperties } from 'n8n-workflow';

import { throwOnJuspayError } from '../../helpers/errorHandler';
import { sendJuspayRequest } from '../../helpers/request';
import {
	simplifyMandateOutput,
	simplifyNotificationOutput,
	simplifyOrderOutput,
} from '../../helpers/simplify';
import {
	mandateAmountProperty,
	mandateCustomerIdProperty,
	mandateIdProperty,
	mandateRoutingCustomerIdProperty,
	mandateSimplifyProperty,
} from '../../shared/mandateDescriptions';
import { buildMandateCharge, handleChargeResponse, mandateChargeDescription } from './charge';
import { buildMandateGet } from './get';
import { buildMandateGetMany, mandateGetManyDescription, splitMandateList } from './getMany';
import { buildMandateGetNotification, mandateGetNotificationDescription } from './getNotification';
import { buildMandatePause, mandatePauseDescription } from './pause';
import {
	buildMandatePreDebitNotify,
	handlePreDebitNotifyResponse,
	mandatePreDebitNotifyDescription,
} from './preDebitNotify';
import { buildMandateResume, mandateResumeDescription } from './resume';
import { buildMandateRevoke } from './revoke';

const showOnlyForMandates = { resource: ['mandate'] };

const mandateOutput = { postReceive: [throwOnJuspayError, simplifyMandateOutput] };

export const mandateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMandates },
		options: [
			{
				name: 'Charge',
				value: 'charge',
				action: 'Charge a mandate',
				description:
					'Debit a mandate (recurring payment) as a new order, safely when retried; the output is the order',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildMandateCharge)] },
					output: { postReceive: [handleChargeResponse, simplifyOrderOutput] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a mandate',
				description: "Get a mandate's status and limits (Juspay's Mandate Status API)",
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildMandateGet)] },
					output: mandateOutput,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get the mandates of a customer',
				description: "Get a customer's mandates, one item per mandate",
				routing: {
					request: { method: 'GET' },
					send: { preSend: [sendJuspayRequest(buildMandateGetMany)] },
					output: {
						postReceive: [throwOnJuspayError, splitMandateList, simplifyMandateOutput],
					},
				},
			},
			{
				name: 'Get Notification',
				value: 'getNotification',
				action: 'Get the status of a notification',
				description: 'Get the status of a pre-debit notification',
				routing: {
					request: { method: 'GET' },
					send: { preSend: [sendJuspayRequest(buildMandateGetNotification)] },
					output: { postReceive: [throwOnJuspayError, simplifyNotificationOutput] },
				},
			},
			{
				name: 'Pause',
				value: 'pause',
				action: 'Pause a mandate',
				description: 'Pause an active mandate, now or from a date, until a date',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildMandatePause)] },
					output: mandateOutput,
				},
			},
			{
				name: 'Resume',
				value: 'resume',
				action: 'Resume a mandate',
				description: 'Make a paused mandate active again',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildMandateResume)] },
					output: mandateOutput,
				},
			},
			{
				name: 'Revoke',
				value: 'revoke',
				action: 'Revoke a mandate',
				description:
					'Cancel an active mandate for good: this cannot be undone, and the customer must register a new mandate to be charged again',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildMandateRevoke)] },
					output: mandateOutput,
				},
			},
			{
				name: 'Send Pre-Debit Notification',
				value: 'preDebitNotify',
				action: 'Notify a customer of a debit',
				description:
					'Tell the customer about an upcoming debit (required at least 24 hours before it); the output has the notification ID Charge needs',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildMandatePreDebitNotify)] },
					output: {
						postReceive: [handlePreDebitNotifyResponse, simplifyNotificationOutput],
					},
				},
			},
		],
		default: 'get',
	},
	mandateIdProperty,
	mandateCustomerIdProperty,
	mandateRoutingCustomerIdProperty,
	mandateAmountProperty,
	...mandateGetManyDescription,
	...mandatePauseDescription,
	...mandateResumeDescription,
	...mandatePreDebitNotifyDescription,
	...mandateGetNotificationDescription,
	...mandateChargeDescription,
	mandateSimplifyProperty,
];
