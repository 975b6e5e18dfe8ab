import type {
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fetchOrderStatus } from '../../../shared/transport';
import { juspayApiError } from '../../helpers/errorHandler';
import { optionalText } from '../../helpers/request';
import { verifyReturnUrlSignature } from '../../helpers/returnUrlSignature';
import { InvalidParameterError } from '../../helpers/validation';

const showOnlyForVerifyReturnUrl = { operation: ['verifyReturnUrl'], resource: ['order'] };

/** What Juspay puts on the redirect besides the signature (mandate fields after a mandate set-up). */
const REDIRECT_FIELDS = ['order_id', 'status', 'status_id'];
const MANDATE_FIELDS = ['mandate_id', 'mandate_token', 'mandate_status'];

export const orderVerifyReturnUrlDescription: INodeProperties[] = [
	{
		displayName: 'Return URL Parameters',
		name: 'returnUrlParameters',
		type: 'json',
		required: true,
		default: '={{ $json.query }}',
		description:
			"The parameters Juspay added to your return URL, as an object. The default reads the query of a Webhook node's output; map the body instead for a POST redirect. The full return URL, as text, works too. Needs the credential's Response Key.",
		displayOptions: { show: showOnlyForVerifyReturnUrl },
	},
	{
		displayName: 'Options',
		name: 'verifyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForVerifyReturnUrl },
		options: [
			{
				displayName: 'Confirm with Order Status',
				name: 'confirmWithOrderStatus',
				type: 'boolean',
				default: true,
				description:
					"Whether to also ask Juspay's Order Status API for the order, once the signature is genuine: Juspay advises never to fulfil on a redirect alone",
			},
			{
				displayName: 'Fail If Not Verified',
				name: 'failIfNotVerified',
				type: 'boolean',
				default: true,
				description:
					'Whether to stop with an error when the signature is missing or wrong, instead of returning verified: false',
			},
		],
	},
];

/** The redirect's parameters as text values, from an object, a JSON text, a query string or a URL. */
export function redirectParameters(value: unknown): Record<string, string> {
	let source: unknown = value;
	if (typeof source === 'string') {
		const text = source.trim();
		if (text.startsWith('{')) {
			try {
				source = JSON.parse(text);
			} catch {
				source = undefined;
			}
		} else if (text !== '') {
			const query = /^https?:\/\//i.test(text) ? new URL(text).search : text;
			source = Object.fromEntries(new URLSearchParams(query.replace(/^\?/, '')));
		}
	}
	if (!source || typeof source !== 'object' || Array.isArray(source)) {
		throw new InvalidParameterError(
			'The Return URL Parameters are not an object of parameters',
			'Map the query of the request Juspay redirected, e.g. {{ $json.query }} from a Webhook node',
		);
	}
	const params: Record<string, string> = {};
	for (const [key, raw] of Object.entries(source as IDataObject)) {
		if (raw === undefined || raw === null) continue;
		if (typeof raw === 'object') {
			throw new InvalidParameterError(
				`The Return URL Parameter "${key}" is not a single value`,
				'Pass the parameters of one redirect, each with one value, e.g. {{ $json.query }}',
			);
		}
		params[key] = String(raw);
	}
	return params;
}

function redirectOutput(params: Record<string, string>): IDataObject {
	const output: IDataObject = {};
	for (const key of REDIRECT_FIELDS) output[key] = params[key] ?? null;
	for (const key of MANDATE_FIELDS) if (params[key] !== undefined) output[key] = params[key];
	return output;
}

/**
 * Verify Return URL runs no request of its own: n8n's routing engine hands the item to this
 * function (as it would to a paginator), which checks the signature and, if asked, confirms
 * the order with Order Status.
 */
export async function verifyReturnUrl(
	this: IExecutePaginationFunctions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const options = this.getNodeParameter('verifyOptions', {}) as IDataObject;
	let params: Record<string, string>;
	try {
		params = redirectParameters(this.getNodeParameter('returnUrlParameters', {}));
	} catch (error) {
		const { message, description } = error as InvalidParameterError;
		throw new NodeOperationError(this.getNode(), message, { description, itemIndex });
	}
	const credentials = await this.getCredentials('juspayApi');
	const responseKey = optionalText(credentials.responseKey);
	if (responseKey === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'The Response Key of the Juspay credential is empty',
			{
				description:
					'Create a Response Key in the Juspay dashboard (Settings › General, "Use signed response" on) and enter it in the credential',
				itemIndex,
			},
		);
	}
	const { verified, reason } = verifyReturnUrlSignature(params, responseKey);
	const output: IDataObject = { verified, ...redirectOutput(params) };
	if (!verified) {
		output.reason = reason;
		if (options.failIfNotVerified === true) {
			throw new NodeOperationError(
				this.getNode(),
				`The return URL is not signed by Juspay: ${reason}`,
				{
					description:
						"Do not trust its status. Check that the credential's Response Key is the one in the Juspay dashboard and that the Return URL Parameters are the redirect's, unchanged (e.g. {{ $json.query }})",
					itemIndex,
				},
			);
		}
		return [{ json: output }];
	}
	if (options.confirmWithOrderStatus === true && params.order_id) {
		const status = await fetchOrderStatus(this, params.order_id);
		if (status.statusCode >= 400) throw juspayApiError(this.getNode(), status, itemIndex);
		const order = status.body as IDataObject;
		output.confirmed_status = order.status ?? null;
		output.confirmed_status_id = order.status_id ?? null;
		output.confirmed = order.status === params.status;
		output.order = order;
	}
	return [{ json: output }];
}
