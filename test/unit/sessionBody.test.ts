import { deriveOrderId } from '../../nodes/Juspay/helpers/uniqueRequestId';
import { isOrderExistsError } from '../../nodes/Juspay/resources/paymentLink/create';
import { buildSessionBody } from '../../nodes/Juspay/resources/paymentLink/sessionBody';
import { orderIdOfTxnId } from '../../nodes/Juspay/resources/order/refundTransaction';
import { changedFields } from '../../nodes/Juspay/resources/customer/upsert';
import { redirectParameters } from '../../nodes/Juspay/resources/order/verifyReturnUrl';
import { encodeJson, paymentFilter } from '../../nodes/shared/wire';

const INPUT = {
	orderId: 'ord1',
	amount: '10.50',
	currency: 'INR',
	customerId: 'c1',
	customerEmail: 'a@b.co',
	customerPhone: '99',
	returnUrl: 'https://x.example/done',
	paymentPageClientId: 'pp',
	udf: { udf1: 'x', udf2: undefined },
};

describe('wire: the Session API JSON body', () => {
	it('keeps dotted keys flat and objects nested, and drops empty fields', () => {
		const text = encodeJson({
			'metadata.expiryInMins': '30',
			payment_filter: paymentFilter(['UPI']),
			description: '',
			udf2: undefined,
			send_sms: false,
		});
		expect(JSON.parse(text)).toEqual({
			'metadata.expiryInMins': '30',
			payment_filter: {
				allowDefaultOptions: false,
				options: [
					{ paymentMethodType: 'UPI', enable: true },
					{ paymentMethodType: 'CARD', enable: false },
					{ paymentMethodType: 'NB', enable: false },
					{ paymentMethodType: 'WALLETS', enable: false },
				],
			},
			send_sms: false,
		});
	});
});

describe('buildSessionBody', () => {
	it('is action paymentPage with the required fields, and options only when given', () => {
		expect(buildSessionBody(INPUT)).toMatchObject({
			order_id: 'ord1',
			amount: '10.50',
			currency: 'INR',
			customer_id: 'c1',
			customer_email: 'a@b.co',
			customer_phone: '99',
			payment_page_client_id: 'pp',
			action: 'paymentPage',
			return_url: 'https://x.example/done',
			udf1: 'x',
			'metadata.expiryInMins': undefined,
			payment_filter: undefined,
		});
		expect(buildSessionBody({ ...INPUT, expiryInMins: 45 })['metadata.expiryInMins']).toBe('45');
	});
});

describe('deriveOrderId', () => {
	const attempt = { executionId: 'e1', nodeId: 'n1', runIndex: 0, itemIndex: 0 };
	it('is alphanumeric, 18 characters, and the same for the same attempt', () => {
		expect(deriveOrderId(attempt)).toMatch(/^n8n[0-9a-f]{15}$/);
		expect(deriveOrderId({ ...attempt })).toBe(deriveOrderId(attempt));
	});
	it('differs by execution, node, run and item', () => {
		const ids = new Set(
			[
				attempt,
				{ ...attempt, executionId: 'e2' },
				{ ...attempt, nodeId: 'n2' },
				{ ...attempt, runIndex: 1 },
				{ ...attempt, itemIndex: 1 },
			].map(deriveOrderId),
		);
		expect(ids.size).toBe(5);
	});
});

describe('small pieces of the new operations', () => {
	it('isOrderExistsError knows the ALREADY_EXISTS code and the words', () => {
		expect(isOrderExistsError({ error_info: { code: 'ALREADY_EXISTS' } })).toBe(true);
		expect(isOrderExistsError({ error_message: 'Order with order_id x already exists' })).toBe(
			true,
		);
		expect(isOrderExistsError({ error_message: 'Mandatory fields are missing' })).toBe(false);
	});

	it('orderIdOfTxnId reads <merchant>-<order>-<attempt>', () => {
		expect(orderIdOfTxnId('m1-ord-9-2', 'm1')).toBe('ord-9');
		expect(orderIdOfTxnId('other-ord9-2', 'm1')).toBeUndefined();
		expect(orderIdOfTxnId('m1-2', 'm1')).toBeUndefined();
	});

	it('changedFields keeps given fields that differ, comparing as text', () => {
		expect(
			changedFields(
				{ mobile_country_code: 91, first_name: 'A', last_name: null },
				{ mobile_country_code: '91', first_name: 'B', last_name: 'R', email_address: undefined },
			),
		).toEqual({ first_name: 'B', last_name: 'R' });
	});

	it('redirectParameters takes an object, JSON text, a query string or a URL', () => {
		const expected = { order_id: 'o1', status_id: '21' };
		expect(redirectParameters({ order_id: 'o1', status_id: 21 })).toEqual(expected);
		expect(redirectParameters('{"order_id":"o1","status_id":"21"}')).toEqual(expected);
		expect(redirectParameters('?order_id=o1&status_id=21')).toEqual(expected);
		expect(redirectParameters('https://x.example/r?order_id=o1&status_id=21')).toEqual(expected);
		expect(() => redirectParameters({ a: ['1', '2'] })).toThrow(
			'The Return URL Parameter "a" is not a single value',
		);
		expect(() => redirectParameters(42)).toThrow('The Return URL Parameters are not an object');
	});
});
