import type { INodeProperties } from 'n8n-workflow';

import { optionalText, pathSegment, type RequestBuilder } from '../../helpers/request';
import { InvalidParameterError, optionalDigits, requireText } from '../../helpers/validation';
import { customerContactFields, simplifyProperty } from '../../shared/descriptions';

const showOnlyForCustomerUpdate = { operation: ['update'], resource: ['customer'] };

export const customerUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCustomerUpdate },
		options: [
			...customerContactFields,
			{
				displayName: 'Mobile Number',
				name: 'mobileNumber',
				type: 'string',
				placeholder: 'e.g. 9988776655',
				default: '',
				description: 'Digits only, without "+" or the country code',
			},
		],
	},
	{ ...simplifyProperty, displayOptions: { show: showOnlyForCustomerUpdate } },
];

export const buildCustomerUpdate: RequestBuilder = function () {
	const customerId = requireText(this.getNodeParameter('customerId', ''), 'Customer ID');
	const fields = this.getNodeParameter('updateFields', {}) as Record<string, unknown>;
	const form = {
		mobile_number: optionalDigits(fields.mobileNumber, 'Mobile Number', '9988776655'),
		email_address: optionalText(fields.emailAddress),
		first_name: optionalText(fields.firstName),
		last_name: optionalText(fields.lastName),
		mobile_country_code: optionalDigits(fields.mobileCountryCode, 'Mobile Country Code', '91'),
	};
	if (Object.values(form).every((value) => value === undefined)) {
		throw new InvalidParameterError(
			'The Update Fields are empty: there is nothing to update',
			'Add at least one field under Update Fields, with a value',
		);
	}
	return { path: `/customers/${pathSegment(customerId)}`, routingId: customerId, form };
};
