import type { INodeProperties } from 'n8n-workflow';

import { throwOnJuspayError } from '../../helpers/errorHandler';
import { sendJuspayRequest } from '../../helpers/request';
import { simplifyCustomerOutput, simplifyUpsertedCustomerOutput } from '../../helpers/simplify';
import { customerIdProperty } from '../../shared/descriptions';
import { buildCustomerCreate, customerCreateDescription } from './create';
import { buildCustomerGet, customerGetDescription } from './get';
import { buildCustomerUpdate, customerUpdateDescription } from './update';
import { buildCustomerUpsert, customerUpsertDescription, handleCustomerUpsert } from './upsert';

const showOnlyForCustomers = { resource: ['customer'] };

const customerOutput = { postReceive: [throwOnJuspayError, simplifyCustomerOutput] };

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCustomers },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a customer',
				description: 'Create a customer in Juspay',
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildCustomerCreate)] },
					output: customerOutput,
				},
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a customer',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				routing: {
					request: { method: 'GET' },
					send: { preSend: [sendJuspayRequest(buildCustomerUpsert)] },
					output: { postReceive: [handleCustomerUpsert, simplifyUpsertedCustomerOutput] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: 'Get a customer by Juspay ID or by your Object Reference ID',
				routing: {
					request: { method: 'GET' },
					send: { preSend: [sendJuspayRequest(buildCustomerGet)] },
					output: customerOutput,
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a customer',
				description: "Update a customer's contact details",
				routing: {
					request: { method: 'POST' },
					send: { preSend: [sendJuspayRequest(buildCustomerUpdate)] },
					output: customerOutput,
				},
			},
		],
		default: 'get',
	},
	customerIdProperty,
	...customerCreateDescription,
	...customerGetDescription,
	...customerUpdateDescription,
	...customerUpsertDescription,
];
