import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fetchOrderStatus } from '../../../shared/transport';
import { PAYMENT_METHOD_TYPES, SESSION_PATH, type PaymentMethodType } from '../../../shared/wire';
import { juspayApiError, type JuspayErrorBody } from '../../helpers/errorHandler';
import { optionalText, stepAttempt, type RequestBuilder } from '../../helpers/request';
import { deriveOrderId } from '../../helpers/uniqueRequestId';
import {
	InvalidParameterError,
	optionalPositiveInteger,
	requireAlphanumericId,
	requireAmount,
	requireDigits,
	requireEmail,
	requireReturnUrl,
	requireText,
} from '../../helpers/validation';
import { simplifyProperty, UDF_NUMBERS, udfFields } from '../../shared/descriptions';
import { mandateSetupJson, mandateSetupProperty } from '../../shared/mandateSetup';
import { buildSessionBody, type PaymentLinkInput } from './sessionBody';

const showOnlyForPaymentLinkCreate = { operation: ['create'], resource: ['paymentLink'] };

const PAYMENT_METHOD_NAMES: Record<PaymentMethodType, string> = {
	UPI: 'UPI',
	CARD: 'Cards',
	NB: 'Net Banking',
	WALLETS: 'Wallets',
};

export const paymentLinkCreateDescription: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		placeholder: 'e.g. ord20261122A1',
		description:
			'Your ID for the order the link pays: letters and digits, at most 20 characters. Leave empty to let the node derive one that stays the same when n8n retries this step, so a retry never creates a second order.',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100.50',
		description: 'In major units (e.g. rupees), positive, with at most two decimal places',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'INR',
		placeholder: 'e.g. INR',
		description: 'ISO 4217 currency code (Juspay cannot complete a payment without it)',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cst_om2l6ctlptxwxuzj',
		description: 'The Juspay customer ID or your Object Reference ID of the customer who pays',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		required: true,
		default: '',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Customer Phone',
		name: 'customerPhone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9988776655',
		description: 'Digits only, without "+" or the country code',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Return URL',
		name: 'returnUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://shop.example.com/payment/done',
		description:
			'Where Juspay sends the customer after paying: a full URL without query string or fragment. Check the redirect with Order › Verify Return URL.',
		displayOptions: { show: showOnlyForPaymentLinkCreate },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForPaymentLinkCreate },
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Shown to the customer on the payment page',
			},
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{
				displayName: 'Gateway ID',
				name: 'gatewayId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 23',
				description: "Juspay's number of the payment gateway to route this payment to",
			},
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{
				displayName: 'Link Expiry (Minutes)',
				name: 'linkExpiryMinutes',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 60,
				description: 'How long the link can be paid, in minutes (sent as metadata.expiryInMins)',
			},
			{
				displayName: 'Payment Methods',
				name: 'paymentMethods',
				type: 'multiOptions',
				options: PAYMENT_METHOD_TYPES.map((value) => ({
					name: PAYMENT_METHOD_NAMES[value],
					value,
				})),
				default: [],
				description: 'Offer only these methods on the payment page (sent as payment_filter)',
			},
			{
				displayName: 'Payment Page Client ID',
				name: 'paymentPageClientId',
				type: 'string',
				default: '',
				placeholder: 'e.g. picasso',
				description:
					"Overrides the credential's Payment Page Client ID: which of your HyperCheckout payment pages opens",
			},
			{
				displayName: 'Send Link by Email',
				name: 'sendMail',
				type: 'boolean',
				default: true,
				description: 'Whether Juspay e-mails the link to the Customer Email',
			},
			{
				displayName: 'Send Link by SMS',
				name: 'sendSms',
				type: 'boolean',
				default: true,
				description: 'Whether Juspay texts the link to the Customer Phone',
			},
			...udfFields,
		],
	},
	mandateSetupProperty({ show: showOnlyForPaymentLinkCreate }),
	{ ...simplifyProperty, displayOptions: { show: showOnlyForPaymentLinkCreate } },
];

function paymentMethodsOf(value: unknown): PaymentMethodType[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const list = Array.isArray(value) ? value : String(value).split(',');
	const methods = list.map((method) => String(method).trim().toUpperCase());
	const unknown = methods.find((method) => !PAYMENT_METHOD_TYPES.includes(method as never));
	if (unknown !== undefined) {
		throw new InvalidParameterError(
			`The Payment Methods option ${JSON.stringify(unknown)} is not a payment method Juspay filters by`,
			`Choose from ${PAYMENT_METHOD_TYPES.join(', ')}`,
		);
	}
	return methods as PaymentMethodType[];
}

function booleanOption(value: unknown): boolean | undefined {
	return value === undefined || value === null || value === '' ? undefined : Boolean(value);
}

/** The checked input of one item: also what the replay compares the existing order with. */
export async function paymentLinkInputOf(
	context: IExecuteSingleFunctions,
): Promise<PaymentLinkInput> {
	const options = context.getNodeParameter('options', {}) as Record<string, unknown>;
	const given = optionalText(context.getNodeParameter('orderId', ''));
	const orderId =
		given !== undefined
			? requireAlphanumericId(given, 'Order ID')
			: deriveOrderId(stepAttempt(context));
	const currency = requireText(context.getNodeParameter('currency', 'INR'), 'Currency');
	if (!/^[A-Za-z]{3}$/.test(currency)) {
		throw new InvalidParameterError(
			`The Currency ${JSON.stringify(currency)} is not an ISO 4217 code`,
			'Enter a three-letter code such as INR',
		);
	}
	const credentials = await context.getCredentials('juspayApi');
	const clientId =
		optionalText(options.paymentPageClientId) ?? optionalText(credentials.paymentPageClientId);
	if (clientId === undefined) {
		throw new InvalidParameterError(
			'The Payment Page Client ID is empty',
			"Enter it in the Juspay credential (it is in Juspay's onboarding e-mail), or under Options › Payment Page Client ID",
		);
	}
	const gatewayId = optionalText(options.gatewayId);
	if (gatewayId !== undefined && !/^\d+$/.test(gatewayId)) {
		throw new InvalidParameterError(
			`The Gateway ID ${JSON.stringify(gatewayId)} is not a number`,
			"Enter Juspay's number of the gateway, e.g. 23, or remove the option",
		);
	}
	const udf: Record<string, string | undefined> = {};
	for (const n of UDF_NUMBERS) udf[`udf${n}`] = optionalText(options[`udf${n}`]);
	return {
		orderId,
		amount: requireAmount(context.getNodeParameter('amount', '')),
		currency: currency.toUpperCase(),
		customerId: requireText(context.getNodeParameter('customerId', ''), 'Customer ID'),
		customerEmail: requireEmail(context.getNodeParameter('customerEmail', ''), 'Customer Email'),
		customerPhone: requireDigits(
			context.getNodeParameter('customerPhone', ''),
			'Customer Phone',
			'9988776655',
		),
		returnUrl: requireReturnUrl(context.getNodeParameter('returnUrl', '')),
		paymentPageClientId: clientId,
		description: optionalText(options.description),
		firstName: optionalText(options.firstName),
		lastName: optionalText(options.lastName),
		expiryInMins: optionalPositiveInteger(options.linkExpiryMinutes, 'Link Expiry (Minutes)'),
		sendMail: booleanOption(options.sendMail),
		sendSms: booleanOption(options.sendSms),
		paymentMethods: paymentMethodsOf(options.paymentMethods),
		gatewayId,
		udf,
	};
}

export const buildPaymentLinkCreate: RequestBuilder = async function () {
	const input = await paymentLinkInputOf(this);
	const mandate = mandateSetupJson(this.getNodeParameter('mandateSetup', {}) as IDataObject, {
		timeZone: this.getTimezone(),
		nowSeconds: Math.floor(Date.now() / 1000),
	});
	return {
		path: SESSION_PATH,
		routingId: input.customerId,
		json: { ...buildSessionBody(input), ...mandate },
	};
};

/**
 * Juspay's refusal of an order_id it already has. The Session API's exact body for this is not
 * documented (juspay-api-2.md §1), so both the code and the words are read.
 */
export function isOrderExistsError(body: JuspayErrorBody): boolean {
	const codes = [body.error_code, body.error_info?.code].filter(Boolean).join(' ');
	if (/ALREADY_EXISTS|DUPLICATE_ORDER/i.test(codes)) return true;
	const words = [body.error_message, body.error_info?.developer_message, body.user_message]
		.filter(Boolean)
		.join(' ');
	return /order.*already (exists|created)|already exists.*order|duplicate order/i.test(words);
}

/** Is the existing order the one this item asked for (a retry), not someone else's? */
function isSameOrder(order: IDataObject, input: PaymentLinkInput): boolean {
	const sameAmount = Number(order.amount) === Number(input.amount);
	const customer = order.customer_id;
	const sameCustomer = customer === undefined || customer === null || customer === input.customerId;
	return sameAmount && sameCustomer;
}

/**
 * postReceive of Payment Link › Create. When Juspay refuses the order id because the order
 * exists (typically: a retry after Juspay created it but the answer was lost), the order is
 * looked up and its link returned, marked `replayed: true`, instead of failing or creating
 * another order. An existing order with another amount or customer is not a replay: it fails.
 */
export async function handlePaymentLinkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) {
		return items.map((item) => ({ ...item, json: { ...item.json, replayed: false } }));
	}
	const itemIndex = this.getItemIndex();
	if (
		response.statusCode !== 400 ||
		!isOrderExistsError((response.body ?? {}) as JuspayErrorBody)
	) {
		throw juspayApiError(this.getNode(), response, itemIndex);
	}
	const input = await paymentLinkInputOf(this);
	const status = await fetchOrderStatus(this, input.orderId);
	if (status.statusCode >= 400) throw juspayApiError(this.getNode(), status, itemIndex);
	if (!isSameOrder(status.body, input)) {
		throw juspayApiError(this.getNode(), response, itemIndex, {
			fix: `Juspay already has an order ${input.orderId} with another amount or customer: use a new Order ID, or leave it empty to let the node derive one`,
		});
	}
	return [{ json: { ...(status.body as IDataObject), replayed: true } }];
}
