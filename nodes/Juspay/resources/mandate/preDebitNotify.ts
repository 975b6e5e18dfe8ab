import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fetchNotification } from '../../../shared/transport';
import { requireFuture, requireUnixSeconds } from '../../helpers/dates';
import { juspayApiError } from '../../helpers/errorHandler';
import { optionalText, stepAttempt, type RequestBuilder } from '../../helpers/request';
import { deriveRetryStableId, NOTIFICATION_REFERENCE_LENGTH } from '../../helpers/uniqueRequestId';
import { InvalidParameterError, requireAmount, requireText } from '../../helpers/validation';
import { mandateCommand, mandateIdOf, nowInSeconds, routingIdOf } from './command';

const showOnlyForNotify = { resource: ['mandate'], operation: ['preDebitNotify'] };

/** Juspay's limits: description at most 50 characters; reference ids alphanumeric, at most 25. */
export const DESCRIPTION_MAX_LENGTH = 50;
const REFERENCE_ID = /^[A-Za-z0-9]{1,25}$/;

export const mandatePreDebitNotifyDescription: INodeProperties[] = [
	{
		displayName: 'Debit Date',
		name: 'debitDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When you will charge the mandate, in the future. Juspay wants the notification at least 24 hours before the debit (and for UPI at most 48 hours).',
		displayOptions: { show: showOnlyForNotify },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Gym membership for December',
		description: 'The reason for the debit, shown to the customer: at most 50 characters',
		displayOptions: { show: showOnlyForNotify },
	},
	{
		displayName: 'Object Reference ID',
		name: 'objectReferenceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. gym202612cst42',
		description:
			'Identifies this notification, so that sending it again never notifies twice: letters and digits, at most 25 characters. Leave empty to let the node derive one that stays the same when n8n retries this step.',
		displayOptions: { show: showOnlyForNotify },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForNotify },
		options: [
			{
				displayName: 'Display Invoice Number',
				name: 'displayInvoiceNumber',
				type: 'string',
				default: '',
				description:
					'For card standing instructions: the invoice number shown to the customer (letters and digits, at most 25). Juspay makes one up when empty.',
			},
		],
	},
];

interface NotifyRequest {
	mandateId: string;
	objectReferenceId: string;
	form: Record<string, string | undefined>;
}

function referenceId(value: string, parameter: string): string {
	if (!REFERENCE_ID.test(value)) {
		throw new InvalidParameterError(
			`The ${parameter} ${value} is not valid`,
			'Juspay accepts only letters and digits here, at most 25 characters',
		);
	}
	return value;
}

function notifyRequestOf(context: IExecuteSingleFunctions): NotifyRequest {
	const mandateId = mandateIdOf(context);
	const amount = requireAmount(context.getNodeParameter('amount', ''));
	const txnDate = requireFuture(
		requireUnixSeconds(
			context.getNodeParameter('debitDate', ''),
			'Debit Date',
			context.getTimezone(),
		),
		'Debit Date',
		nowInSeconds(),
	);
	const description = requireText(context.getNodeParameter('description', ''), 'Description');
	if (description.length > DESCRIPTION_MAX_LENGTH) {
		throw new InvalidParameterError(
			`The Description is ${description.length} characters long`,
			`Juspay shows at most ${DESCRIPTION_MAX_LENGTH} characters to the customer: shorten it`,
		);
	}
	const fields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const invoice = optionalText(fields.displayInvoiceNumber);
	const given = optionalText(context.getNodeParameter('objectReferenceId', ''));
	const objectReferenceId =
		given !== undefined
			? referenceId(given, 'Object Reference ID')
			: deriveRetryStableId(
					stepAttempt(context),
					[mandateId, amount, txnDate],
					NOTIFICATION_REFERENCE_LENGTH,
				);
	// source_info is a JSON text inside the form, with Juspay's text values.
	const sourceInfo: Record<string, string> = { amount, txn_date: String(txnDate) };
	if (invoice !== undefined) {
		sourceInfo['mandate.display_invoice_number'] = referenceId(invoice, 'Display Invoice Number');
	}
	return {
		mandateId,
		objectReferenceId,
		form: {
			object_reference_id: objectReferenceId,
			description,
			source_info: JSON.stringify(sourceInfo),
		},
	};
}

export const buildMandatePreDebitNotify: RequestBuilder = function () {
	const { mandateId, form } = notifyRequestOf(this);
	return mandateCommand(this, mandateId, 'pre_debit_notify', form);
};

/**
 * postReceive of Send Pre-Debit Notification. When Juspay refuses the call (typically a retry
 * after the first response was lost, reusing the object_reference_id), the node asks Juspay for
 * the notification with that reference: if it exists for this mandate, it is returned, marked
 * `replayed: true`. Anything else fails in Juspay's words.
 */
export async function handlePreDebitNotifyResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) {
		return items.map((item) => ({ ...item, json: { ...item.json, replayed: false } }));
	}
	const original = juspayApiError(this.getNode(), response, this.getItemIndex());
	if (response.statusCode === 401 || response.statusCode === 403) throw original;
	const { mandateId, objectReferenceId } = notifyRequestOf(this);
	const existing = await fetchNotification(
		this,
		objectReferenceId,
		routingIdOf(this, mandateId),
	).catch(() => undefined);
	const body = existing?.body;
	const forThisMandate =
		existing !== undefined &&
		existing.statusCode < 400 &&
		body?.object_reference_id === objectReferenceId &&
		(body.mandate as IDataObject | undefined)?.mandate_id === mandateId;
	if (!forThisMandate) throw original;
	return [{ json: { ...(body as IDataObject), replayed: true } }];
}
