import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { getJuspay, postJuspayForm } from '../../../shared/transport';
import { juspayApiError, type JuspayErrorBody } from '../../helpers/errorHandler';
import { optionalText, pathSegment, type RequestBuilder } from '../../helpers/request';
import { optionalDigits, requireDigits, requireEmail, requireText } from '../../helpers/validation';
import { customerContactFields, simplifyProperty } from '../../shared/descriptions';

const showOnlyForCustomerUpsert = { operation: ['upsert'], resource: ['customer'] };

export type UpsertAction = 'created' | 'updated' | 'unchanged';

export const customerUpsertDescription: INodeProperties[] = [
	{
		displayName: 'Object Reference ID',
		name: 'objectReferenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. customer@example.com',
		description:
			'Your own unique ID for this customer (at least 8 characters), such as the ID in your CRM: the customer is looked up by it, created if Juspay does not know it, else updated',
		displayOptions: { show: showOnlyForCustomerUpsert },
	},
	{
		displayName: 'Mobile Number',
		name: 'mobileNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 9988776655',
		description: 'Digits only, without "+" or the country code',
		displayOptions: { show: showOnlyForCustomerUpsert },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCustomerUpsert },
		options: customerContactFields,
	},
	{ ...simplifyProperty, displayOptions: { show: showOnlyForCustomerUpsert } },
];

interface CustomerUpsert {
	objectReferenceId: string;
	fields: Record<string, string | undefined>;
}

function upsertOf(context: IExecuteSingleFunctions): CustomerUpsert {
	const objectReferenceId = requireText(
		context.getNodeParameter('objectReferenceId', ''),
		'Object Reference ID',
	);
	const extra = context.getNodeParameter('additionalFields', {}) as Record<string, unknown>;
	const email = optionalText(extra.emailAddress);
	return {
		objectReferenceId,
		fields: {
			mobile_number: requireDigits(
				context.getNodeParameter('mobileNumber', ''),
				'Mobile Number',
				'9988776655',
			),
			email_address: email === undefined ? undefined : requireEmail(email, 'Email Address'),
			first_name: optionalText(extra.firstName),
			last_name: optionalText(extra.lastName),
			mobile_country_code: optionalDigits(extra.mobileCountryCode, 'Mobile Country Code', '91'),
		},
	};
}

/** The lookup: GET /customers/{object_reference_id} (Juspay accepts it in place of the cst_ id). */
export const buildCustomerUpsert: RequestBuilder = function () {
	const { objectReferenceId } = upsertOf(this);
	return { path: `/customers/${pathSegment(objectReferenceId)}`, routingId: objectReferenceId };
};

/** The given fields whose value differs from the customer's (Juspay answers numbers as text or not). */
export function changedFields(
	customer: IDataObject,
	fields: Record<string, string | undefined>,
): Record<string, string> {
	const changed: Record<string, string> = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		const current = customer[key];
		if (current === undefined || current === null || String(current) !== value)
			changed[key] = value;
	}
	return changed;
}

const isUnknownCustomer = (response: IN8nHttpFullResponse) =>
	response.statusCode === 404 &&
	(response.body as JuspayErrorBody | undefined)?.error_code === 'object_not_found';

const isAlreadyExists = (response: IN8nHttpFullResponse) =>
	response.statusCode === 400 &&
	(response.body as JuspayErrorBody | undefined)?.error_info?.code === 'ALREADY_EXISTS';

function withAction(customer: IDataObject, action: UpsertAction): INodeExecutionData[] {
	return [{ json: { ...customer, action } }];
}

/**
 * postReceive of Create or Update, after the lookup: unknown → create; known → send only the
 * fields that differ, or nothing at all. Running the same sync twice writes nothing the second
 * time. A create that loses a race (another run created the customer meanwhile) falls back to
 * updating the one that now exists.
 */
export async function handleCustomerUpsert(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const { objectReferenceId, fields } = upsertOf(this);
	let lookup = response;
	if (isUnknownCustomer(lookup)) {
		const created = await postJuspayForm(this, '/customers', objectReferenceId, {
			object_reference_id: objectReferenceId,
			...fields,
		});
		if (created.statusCode < 400) return withAction(created.body, 'created');
		if (!isAlreadyExists(created)) throw juspayApiError(this.getNode(), created, itemIndex);
		lookup = await getJuspay(
			this,
			`/customers/${pathSegment(objectReferenceId)}`,
			objectReferenceId,
		);
	}
	if (lookup.statusCode >= 400) throw juspayApiError(this.getNode(), lookup, itemIndex);
	const customer = lookup.body as IDataObject;
	const changed = changedFields(customer, fields);
	if (Object.keys(changed).length === 0) return withAction(customer, 'unchanged');
	const id = String(customer.id ?? objectReferenceId);
	const updated = await postJuspayForm(
		this,
		`/customers/${pathSegment(id)}`,
		objectReferenceId,
		changed,
	);
	if (updated.statusCode >= 400) throw juspayApiError(this.getNode(), updated, itemIndex);
	return withAction(updated.body, 'updated');
}
