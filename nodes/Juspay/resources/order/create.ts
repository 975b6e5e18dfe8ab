import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionalText, type RequestBuilder } from '../../helpers/request';
import {
	InvalidParameterError,
	optionalDigits,
	requireAlphanumericId,
	requireAmount,
} from '../../helpers/validation';
import { clientAuthTokenField, UDF_NUMBERS, udfFields } from '../../shared/descriptions';
import { mandateSetupFields, mandateSetupProperty } from '../../shared/mandateSetup';

const showOnlyForOrderCreate = { operation: ['create'], resource: ['order'] };

export const orderCreateDescription: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForOrderCreate },
		options: [
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: 'INR',
				placeholder: 'e.g. INR',
				description: 'ISO 4217 currency code; Juspay uses INR when this is not set',
			},
			{
				displayName: 'Customer Email',
				name: 'customerEmail',
				type: 'string',
				placeholder: 'e.g. nathan@example.com',
				default: '',
			},
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				placeholder: 'e.g. cst_om2l6ctlptxwxuzj',
				description: 'The Juspay customer ID or your Object Reference ID of the paying customer',
			},
			{
				displayName: 'Customer Phone',
				name: 'customerPhone',
				type: 'string',
				placeholder: 'e.g. 9988776655',
				default: '',
				description: 'Digits only',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
			},
			{
				...clientAuthTokenField,
				description:
					'Whether to return the full order with a client auth token (valid 15 minutes) for Juspay client SDKs',
			},
			{
				displayName: 'Product ID',
				name: 'productId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Return URL',
				name: 'returnUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://shop.example.com/payment/done',
				description:
					'Where Juspay sends the customer after paying: a full URL without query string or fragment',
			},
			...udfFields,
		],
	},
	mandateSetupProperty({ show: showOnlyForOrderCreate }),
];

export const buildOrderCreate: RequestBuilder = function () {
	const orderId = requireAlphanumericId(this.getNodeParameter('orderId', ''), 'Order ID');
	const amount = requireAmount(this.getNodeParameter('amount', ''));
	const fields = this.getNodeParameter('additionalFields', {}) as Record<string, unknown>;
	const customerId = optionalText(fields.customerId);
	const form: Record<string, string | undefined> = {
		order_id: orderId,
		amount,
		currency: optionalText(fields.currency),
		customer_id: customerId,
		customer_email: optionalText(fields.customerEmail),
		customer_phone: optionalDigits(fields.customerPhone, 'Customer Phone', '9988776655'),
		description: optionalText(fields.description),
		return_url: optionalText(fields.returnUrl),
		product_id: optionalText(fields.productId),
	};
	for (const n of UDF_NUMBERS) form[`udf${n}`] = optionalText(fields[`udf${n}`]);
	if (fields.getClientAuthToken) form['options.get_client_auth_token'] = 'true';
	const mandate = mandateSetupFields(this.getNodeParameter('mandateSetup', {}) as IDataObject, {
		timeZone: this.getTimezone(),
		nowSeconds: Math.floor(Date.now() / 1000),
	});
	if (mandate['options.create_mandate'] && !customerId) {
		throw new InvalidParameterError(
			'Set Up Mandate needs a Customer ID',
			'Juspay registers a mandate for a customer: add Customer ID under Additional Fields',
		);
	}
	Object.assign(form, mandate);
	return { path: '/orders', routingId: customerId ?? orderId, form };
};
