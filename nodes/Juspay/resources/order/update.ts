import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { juspayApiError, type JuspayErrorBody } from '../../helpers/errorHandler';
import { optionalText, pathSegment, type RequestBuilder } from '../../helpers/request';
import {
	InvalidParameterError,
	optionalDigits,
	requireAmount,
	requireOrderIdForLookup,
} from '../../helpers/validation';
import { UDF_NUMBERS, udfFields } from '../../shared/descriptions';

const showOnlyForOrderUpdate = { operation: ['update'], resource: ['order'] };

/** The address fields Juspay lets Order Update change, for billing_address_* and shipping_address_*. */
const ADDRESS_FIELDS: Array<{ suffix: string; label: string }> = [
	{ suffix: 'first_name', label: 'First Name' },
	{ suffix: 'last_name', label: 'Last Name' },
	{ suffix: 'line1', label: 'Line 1' },
	{ suffix: 'line2', label: 'Line 2' },
	{ suffix: 'line3', label: 'Line 3' },
	{ suffix: 'city', label: 'City' },
	{ suffix: 'state', label: 'State' },
	{ suffix: 'country', label: 'Country' },
	{ suffix: 'postal_code', label: 'Postal Code' },
	{ suffix: 'phone', label: 'Phone' },
	{ suffix: 'country_code_iso', label: 'Country Code ISO' },
];

const ADDRESS_KINDS = [
	{ prefix: 'billing_address_', label: 'Billing', param: 'billingAddress' },
	{ prefix: 'shipping_address_', label: 'Shipping', param: 'shippingAddress' },
];

/** The node parameter of an address field, e.g. billingAddressPostalCode. */
function addressParameter(param: string, suffix: string): string {
	return (
		param + suffix.replace(/(^|_)([a-z0-9])/g, (_, _sep: string, c: string) => c.toUpperCase())
	);
}

const addressFields: INodeProperties[] = ADDRESS_KINDS.flatMap((kind) =>
	ADDRESS_FIELDS.map(({ suffix, label }) => ({
		displayName: `${kind.label} Address ${label}`,
		name: addressParameter(kind.param, suffix),
		type: 'string' as const,
		default: '',
		description: suffix === 'phone' ? 'Digits only' : `Sent as ${kind.prefix}${suffix}`,
	})),
);

export const orderUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'What to change. Juspay updates an order only while it is unpaid.',
		displayOptions: { show: showOnlyForOrderUpdate },
		options: [
			<INodeProperties>{
				displayName: 'Amount',
				name: 'amount',
				type: 'string',
				default: '',
				placeholder: 'e.g. 100.50',
				description: 'The new amount in major units (e.g. rupees), with at most two decimal places',
			},
			...addressFields,
			...udfFields,
		].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en', { numeric: true })),
	},
];

export const buildOrderUpdate: RequestBuilder = function () {
	const orderId = requireOrderIdForLookup(this.getNodeParameter('orderId', ''));
	const fields = this.getNodeParameter('updateFields', {}) as Record<string, unknown>;
	const form: Record<string, string | undefined> = {};
	const amount = optionalText(fields.amount);
	if (amount !== undefined) form.amount = requireAmount(amount);
	for (const kind of ADDRESS_KINDS) {
		for (const { suffix, label } of ADDRESS_FIELDS) {
			const value = fields[addressParameter(kind.param, suffix)];
			form[`${kind.prefix}${suffix}`] =
				suffix === 'phone'
					? optionalDigits(value, `${kind.label} Address ${label}`, '9988776655')
					: optionalText(value);
		}
	}
	for (const n of UDF_NUMBERS) form[`udf${n}`] = optionalText(fields[`udf${n}`]);
	if (Object.values(form).every((value) => value === undefined)) {
		throw new InvalidParameterError(
			'The Update Fields are empty: there is nothing to update',
			'Add at least one field under Update Fields (Amount, a UDF or an address field), with a value',
		);
	}
	return { path: `/orders/${pathSegment(orderId)}`, routingId: orderId, form };
};

const UNPAID_ONLY =
	'Only unpaid orders (status NEW or CREATED) can be updated: once a payment has started or the order is charged, Juspay refuses changes. Check the order with Get Status, and create a new order (or refund) instead';

/** Juspay refusing the update because of the order's state, not because of a field. */
function isStateRefusal(body: JuspayErrorBody): boolean {
	if (body.error_code === 'INVALID_ACTION' || body.error_info?.code === 'INVALID_ACTION')
		return true;
	const words = [body.error_message, body.error_info?.developer_message].filter(Boolean).join(' ');
	return /cannot be updated|not allowed|already (charged|paid)|(charged|paid) order/i.test(words);
}

/** postReceive of Order Update: Juspay's words, and for a paid order, what can be updated. */
export async function handleOrderUpdateResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	const body = (response.body ?? {}) as JuspayErrorBody;
	const fix = response.statusCode < 500 && isStateRefusal(body) ? UNPAID_ONLY : undefined;
	throw juspayApiError(this.getNode(), response, this.getItemIndex(), { fix });
}
