import type { INodeProperties } from 'n8n-workflow';

/** Properties several Mandate operations share, each defined once (see descriptions.ts). */

export const mandateIdProperty: INodeProperties = {
	displayName: 'Mandate ID',
	name: 'mandateId',
	displayOptions: {
		show: {
			resource: ['mandate'],
			operation: ['get', 'pause', 'resume', 'revoke', 'preDebitNotify', 'charge'],
		},
	},
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7SucJZ2PCyoGY5vvW8Xa26',
	description:
		"Juspay's mandate_id: from Mandate › Get Many, an order's mandate.mandate_id, or a MANDATE_* webhook",
};

export const mandateCustomerIdProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	displayOptions: { show: { resource: ['mandate'], operation: ['getAll', 'charge'] } },
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. cst_om2l6ctlptxwxuzj',
	description:
		'The Juspay customer ID (cst_…) or your Object Reference ID of the customer the mandate belongs to',
};

/** Juspay asks for the customer's id in x-routing-id on every call about that customer. */
export const mandateRoutingCustomerIdProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	displayOptions: {
		show: {
			resource: ['mandate'],
			operation: ['get', 'pause', 'resume', 'revoke', 'preDebitNotify', 'getNotification'],
		},
	},
	type: 'string',
	default: '',
	placeholder: 'e.g. cst_om2l6ctlptxwxuzj',
	description:
		"The customer the mandate belongs to: Juspay recommends sending it in the routing header of all of a customer's calls. Empty: the Mandate ID (or Notification ID) is sent there instead.",
};

export const mandateAmountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	displayOptions: { show: { resource: ['mandate'], operation: ['preDebitNotify', 'charge'] } },
	// Text, like Order's Amount: a number field would start at 0.00 and round what was typed.
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 499',
	description:
		"In major units (e.g. rupees), positive, with at most two decimal places; at most the mandate's max_amount (exactly it for a Fixed mandate)",
};

export const mandateSimplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	displayOptions: { show: { resource: ['mandate'] } },
	description: 'Whether to return a simplified version of the response instead of the raw data',
};
