import type { INodeProperties } from 'n8n-workflow';

/**
 * Properties several operations share, each defined once: n8n's routing engine resolves every
 * top-level property of the node for every item, so one `orderId` property instead of three
 * is three times less work per item when its value is an expression.
 */

export const customerIdProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	displayOptions: { show: { resource: ['customer'], operation: ['get', 'update'] } },
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. cst_om2l6ctlptxwxuzj',
	description: 'The Juspay customer ID (cst_…) or your Object Reference ID',
};

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	displayOptions: {
		show: { resource: ['order'], operation: ['create', 'get', 'refund', 'update'] },
	},
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ord20261122A1',
	description:
		'Your order ID: letters and digits, at most 20 characters. To create an order, use an ID Juspay has never seen: it never accepts an order ID twice.',
};

export const amountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	displayOptions: {
		show: { resource: ['order'], operation: ['create', 'refund', 'refundTransaction'] },
	},
	// Text, not a number field: a number field starts at 0.00, which reads as a valid amount until
	// the run fails, and it would round what the user typed. The text is checked before sending.
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 100.50',
	description:
		'In major units (e.g. rupees), positive, with at most two decimal places. A refund can be at most what is left to refund on the order.',
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export const clientAuthTokenField: INodeProperties = {
	displayName: 'Get Client Auth Token',
	name: 'getClientAuthToken',
	type: 'boolean',
	default: false,
	description:
		'Whether to also return a client auth token (valid 15 minutes) for Juspay client SDKs',
};

/** A customer's contact fields, as Customer Create adds them and Customer Update changes them. */
export const customerContactFields: INodeProperties[] = [
	{
		displayName: 'Email Address',
		name: 'emailAddress',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Mobile Country Code',
		name: 'mobileCountryCode',
		type: 'string',
		placeholder: 'e.g. 91',
		default: '',
		description: 'Digits only, without "+"',
	},
];

export const UDF_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** udf1…udf10, as Order Create, Order Update and Payment Link Create send them. */
export const udfFields: INodeProperties[] = UDF_NUMBERS.map((n) => ({
	displayName: `UDF ${n}`,
	name: `udf${n}`,
	type: 'string',
	default: '',
	description:
		n <= 5
			? `User-defined field ${n}, echoed in order status and webhooks (at most 255 characters, no special characters)`
			: `User-defined field ${n}, echoed in order status and webhooks (at most 255 characters)`,
}));
