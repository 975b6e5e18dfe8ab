import type { INodeProperties } from 'n8n-workflow';

import { optionalText, type RequestBuilder } from '../../helpers/request';
import { optionalDigits, requireDigits, requireText } from '../../helpers/validation';
import {
	clientAuthTokenField,
	customerContactFields,
	simplifyProperty,
} from '../../shared/descriptions';

const showOnlyForCustomerCreate = { operation: ['create'], resource: ['customer'] };

export const customerCreateDescription: INodeProperties[] = [
	{
		displayName: 'Object Reference ID',
		name: 'objectReferenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. customer@example.com',
		description:
			'Your own unique ID for this customer (at least 8 characters), such as the ID in your CRM, an email address or a phone number',
		displayOptions: { show: showOnlyForCustomerCreate },
	},
	{
		displayName: 'Mobile Number',
		name: 'mobileNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9988776655',
		description: 'Digits only, without "+" or the country code',
		displayOptions: { show: showOnlyForCustomerCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCustomerCreate },
		options: [...customerContactFields, clientAuthTokenField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	{ ...simplifyProperty, displayOptions: { show: showOnlyForCustomerCreate } },
];

export const buildCustomerCreate: RequestBuilder = function () {
	const objectReferenceId = requireText(
		this.getNodeParameter('objectReferenceId', ''),
		'Object Reference ID',
	);
	const fields = this.getNodeParameter('additionalFields', {}) as Record<string, unknown>;
	return {
		path: '/customers',
		routingId: objectReferenceId,
		form: {
			object_reference_id: objectReferenceId,
			mobile_number: requireDigits(
				this.getNodeParameter('mobileNumber', ''),
				'Mobile Number',
				'9988776655',
			),
			email_address: optionalText(fields.emailAddress),
			first_name: optionalText(fields.firstName),
			last_name: optionalText(fields.lastName),
			mobile_country_code: optionalDigits(fields.mobileCountryCode, 'Mobile Country Code', '91'),
			'options.get_client_auth_token': fields.getClientAuthToken ? 'true' : undefined,
		},
	};
};
