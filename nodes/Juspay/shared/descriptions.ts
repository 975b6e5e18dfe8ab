import type { INodeProperties } from 'n8n-workflow';

/** Properties several operations share; each operation adds its own displayOptions. */

export const customerIdProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. cst_om2l6ctlptxwxuzj',
	description: 'The Juspay customer ID (cst_…) or your Object Reference ID',
};

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ord20261122A1',
	description: 'Your order ID: letters and digits, at most 20 characters',
};

export const amountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 2 },
	placeholder: 'e.g. 100.50',
	description: 'In major units (e.g. rupees), positive, with at most two decimal places',
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};
