import type { INodeProperties } from 'n8n-workflow';

import { pathSegment, type RequestBuilder } from '../../helpers/request';
import { requireText } from '../../helpers/validation';
import { clientAuthTokenField, simplifyProperty } from '../../shared/descriptions';

const showOnlyForCustomerGet = { operation: ['get'], resource: ['customer'] };

export const customerGetDescription: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCustomerGet },
		options: [clientAuthTokenField],
	},
	{ ...simplifyProperty, displayOptions: { show: showOnlyForCustomerGet } },
];

export const buildCustomerGet: RequestBuilder = function () {
	const customerId = requireText(this.getNodeParameter('customerId', ''), 'Customer ID');
	const fields = this.getNodeParameter('additionalFields', {}) as Record<string, unknown>;
	return {
		path: `/customers/${pathSegment(customerId)}`,
		routingId: customerId,
		query: fields.getClientAuthToken ? { 'options.get_client_auth_token': 'true' } : undefined,
	};
};
