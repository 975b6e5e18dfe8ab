import { DirectoryLoader } from 'n8n-core';
import { Workflow, type INodeProperties, type INodeTypes } from 'n8n-workflow';

import { describeJuspayError } from '../../nodes/Juspay/helpers/errorHandler';
import { Juspay } from '../../nodes/Juspay/Juspay.node';
import { simplifyCustomer, simplifyOrder } from '../../nodes/Juspay/helpers/simplify';
import { deriveUniqueRequestId } from '../../nodes/Juspay/helpers/uniqueRequestId';
import {
	BASE_URL_EXPRESSION,
	basicAuthorization,
	encodeForm,
	resolveBaseUrl,
} from '../../nodes/shared/wire';
import { readSample } from '../harness/samples';

describe('wire', () => {
	const noNodeTypes = {
		getByName: () => undefined,
		getByNameAndVersion: () => undefined,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'n', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes: noNodeTypes as unknown as INodeTypes,
	});
	const evaluate = (credentials: Record<string, string>) =>
		workflow.expression.getParameterValue(BASE_URL_EXPRESSION, null, 0, 0, 'n', [], 'internal', {
			$credentials: credentials,
		});

	it.each([
		[{ environment: 'sandbox' }, 'https://sandbox.juspay.in'],
		[{ environment: 'production' }, 'https://api.juspay.in'],
		[
			{ environment: 'custom', baseUrl: 'https://smartgateway.hdfcbank.com' },
			'https://smartgateway.hdfcbank.com',
		],
		[{}, 'https://sandbox.juspay.in'],
	])('the n8n expression and resolveBaseUrl agree for %p', (credentials, url) => {
		expect(resolveBaseUrl(credentials)).toBe(url);
		expect(evaluate(credentials)).toBe(url);
	});

	it('drops trailing slashes of a custom URL', () => {
		expect(resolveBaseUrl({ environment: 'custom', baseUrl: ' http://127.0.0.1:8080// ' })).toBe(
			'http://127.0.0.1:8080',
		);
	});

	it('encodes flat dotted keys verbatim and leaves out empty values', () => {
		expect(
			encodeForm({
				order_id: 'ord1',
				'options.get_client_auth_token': true,
				'metadata.webhook_url': 'https://x.example/a?b=c',
				description: '',
				udf1: undefined,
				amount: 10.5,
			}),
		).toBe(
			'order_id=ord1&options.get_client_auth_token=true&metadata.webhook_url=https%3A%2F%2Fx.example%2Fa%3Fb%3Dc&amount=10.5',
		);
	});

	it('builds Basic auth with the API key as username and an empty password', () => {
		expect(basicAuthorization('KEY123')).toBe('Basic S0VZMTIzOg==');
	});
});

describe('describeJuspayError', () => {
	it('prefers the developer message, then names code, status and HTTP status', () => {
		const text = describeJuspayError(401, {
			status: 'error',
			error_code: 'access_denied',
			error_info: {
				user_message: 'Unauthorized.',
				developer_message: 'Invalid API Key',
				code: 'UNAUTHORIZED',
			},
		});
		expect(text.message).toBe('Invalid API Key');
		expect(text.description).toBe(
			'Check the API key and merchant ID in the Juspay credential, and that its environment (sandbox, production or custom URL) is the one the key belongs to. ' +
				'Juspay said: error code: access_denied; code: UNAUTHORIZED; status: error; HTTP 401',
		);
	});

	it('falls back to error_message, user_message and finally the HTTP status', () => {
		expect(
			describeJuspayError(400, {
				error_code: 'Mandatory fields are missing',
				error_message: 'amount',
			}).message,
		).toBe('amount');
		expect(describeJuspayError(400, { user_message: 'Try again' }).message).toBe('Try again');
		expect(describeJuspayError(502, '<html>Bad gateway</html>').message).toBe(
			'<html>Bad gateway</html>',
		);
		expect(describeJuspayError(500, null).message).toBe('Juspay answered with HTTP status 500');
	});

	it('lists the fields Juspay names', () => {
		const text = describeJuspayError(400, {
			error_message: 'mobile_number must contain digits only',
			error_info: {
				code: 'INVALID_INPUT',
				fields: [{ field_name: 'mobile_number', reason: 'must contain digits only' }],
			},
		});
		expect(text.description).toContain(
			'Juspay said: mobile_number: must contain digits only; code: INVALID_INPUT',
		);
	});

	it("names the batching setting where n8n's loader really puts it for a declarative node", () => {
		// n8n adds Request Options to every declarative node as a node setting (isNodeSetting),
		// which the editor shows in the node's Settings tab, not among the Parameters.
		const node = new Juspay();
		DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
		const requestOptions = node.description.properties.find(
			(property) => property.name === 'requestOptions',
		) as INodeProperties;
		expect(requestOptions).toMatchObject({ displayName: 'Request Options', isNodeSetting: true });
		const batching = (requestOptions.options as INodeProperties[]).find(
			(option) => option.name === 'batching',
		);
		expect(batching?.displayName).toBe('Batching');
		const values = JSON.stringify(batching?.options);
		expect(values).toContain('Items per Batch');
		expect(values).toContain('Batch Interval (ms)');

		expect(describeJuspayError(429, { error_message: 'Too many requests' })).toEqual({
			message: 'Too many requests',
			description:
				"Juspay is limiting the request rate: in the node's Settings tab, add Request Options › Batching (Items per Batch, Batch Interval), or retry later. Juspay said: HTTP 429",
		});
	});
});

describe('simplify', () => {
	it("gives a customer the gateway-neutral shape, from Juspay's published sample", () => {
		const customer = readSample('customer/get-customer/response.json');
		expect(simplifyCustomer(customer)).toEqual({
			id: 'cst_om2l6ctlptxwxuzj',
			reference_id: 'customer@gmail.com',
			email: 'customer@gmail.com',
			phone: '9988776655',
			phone_country_code: '91',
			first_name: 'John',
			last_name: 'Smith',
			created_at: '2020-03-17T14:29:17Z',
			updated_at: '2020-03-17T14:29:17Z',
		});
	});

	it("gives an order at most ten fields, from Juspay's published refund response", () => {
		const simple = simplifyOrder(readSample('orders/refund-order/response.json'));
		expect(Object.keys(simple)).toHaveLength(10);
		expect(simple).toEqual({
			order_id: 'JP1636474794',
			status: 'CHARGED',
			status_id: 21,
			amount: 1,
			amount_refunded: 1,
			currency: 'INR',
			customer_id: 'testcardenc1',
			payment_method_type: 'CARD',
			txn_id: 'merchant_success-JP1636474794-1',
			refunds: [{ id: null, unique_request_id: 'TEST1637681731', status: 'PENDING', amount: 1 }],
		});
	});
});

describe('deriveUniqueRequestId', () => {
	const attempt = {
		executionId: '42',
		nodeId: 'n1',
		runIndex: 0,
		itemIndex: 3,
		orderId: 'ord1',
		amount: '10',
	};

	it('is alphanumeric, 20 characters, and the same for the same attempt', () => {
		const id = deriveUniqueRequestId(attempt);
		expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(deriveUniqueRequestId({ ...attempt })).toBe(id);
	});

	it.each(['executionId', 'nodeId', 'runIndex', 'itemIndex', 'orderId', 'amount'] as const)(
		'changes when %s changes',
		(key) => {
			const changed = {
				...attempt,
				[key]: key === 'runIndex' || key === 'itemIndex' ? 9 : 'other',
			};
			expect(deriveUniqueRequestId(changed)).not.toBe(deriveUniqueRequestId(attempt));
		},
	);
});
