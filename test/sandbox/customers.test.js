'use strict';
/**
 * The sandbox's customers domain (domains/customers.js).
 * Over real sockets with Node's global fetch; every assertion pins an exact status/body.
 */

const { ERRORS } = require('./lib/errors.js');
const { T0, useSandbox } = require('./testkit.js');

// Top-level keys of Juspay's published customer/create-customer/response.json.
const CUSTOMER_SAMPLE_KEYS = [
	'id',
	'object',
	'object_reference_id',
	'mobile_country_code',
	'mobile_number',
	'email_address',
	'first_name',
	'last_name',
	'date_created',
	'last_updated',
];

const t = useSandbox();
const { sandbox, call } = t;

describe('customers', () => {
	const CUSTOMER = {
		object_reference_id: 'customer@gmail.com',
		mobile_number: '9988776655',
		email_address: 'customer@gmail.com',
		first_name: 'John',
		last_name: 'Smith',
		mobile_country_code: '91',
	};
	const create = (fields) => call('POST', '/customers', { form: fields });

	test('create returns the documented customer object', async () => {
		const res = await create(CUSTOMER);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual([...CUSTOMER_SAMPLE_KEYS].sort());
		expect(res.body).toEqual({
			id: expect.stringMatching(/^cst_[a-z0-9]{16}$/),
			object: 'customer',
			...CUSTOMER,
			date_created: '2026-01-15T10:30:00Z',
			last_updated: '2026-01-15T10:30:00Z',
		});
		expect(sandbox.state.customers.get(res.body.id).object_reference_id).toBe('customer@gmail.com');
	});

	test('options.get_client_auth_token=true adds a 15-minute token', async () => {
		const res = await create({ ...CUSTOMER, 'options.get_client_auth_token': 'true' });
		expect(res.status).toBe(200);
		expect(res.body.juspay).toEqual({
			client_auth_token: expect.stringMatching(/^tkn_[0-9a-f]{32}$/),
			client_auth_token_expiry: '2026-01-15T10:45:00Z',
		});
		const without = await create({
			...CUSTOMER,
			object_reference_id: 'another1',
			'options.get_client_auth_token': 'false',
		});
		expect(without.body).not.toHaveProperty('juspay');
	});

	test('missing required fields → 400 Mandatory fields are missing', async () => {
		const one = await create({ object_reference_id: 'customer01' });
		expect(one.status).toBe(400);
		expect(one.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message: 'Mandatory fields are missing: mobile_number',
		});
		const both = await create({ email_address: 'a@b.co' });
		expect(both.body.error_message).toBe(
			'Mandatory fields are missing: object_reference_id, mobile_number',
		);
	});

	test('invalid fields → 400 INVALID_INPUT naming the field', async () => {
		const res = await create({ ...CUSTOMER, mobile_number: '+919988776655' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'invalid_request_error',
			error_code: 'invalid_request',
			error_message: 'mobile_number must contain digits only',
			error_info: {
				code: 'INVALID_INPUT',
				category: 'USER_ERROR',
				developer_message: 'Invalid value for mobile_number: must contain digits only',
				fields: [{ field_name: 'mobile_number', reason: 'must contain digits only' }],
			},
		});
		const cases = [
			[{ object_reference_id: 'short' }, 'object_reference_id must be at least 8 characters long'],
			[{ email_address: '.john@example.com' }, 'email_address is not a valid email address'],
			[{ email_address: 'not-an-email' }, 'email_address is not a valid email address'],
			[{ first_name: 'John Paul' }, 'first_name may contain only alphanumerics and ( ) . - _'],
			[{ mobile_country_code: '+91' }, 'mobile_country_code must be 1 to 4 digits without +'],
			[
				{ 'options.get_client_auth_token': 'yes' },
				'options.get_client_auth_token must be true or false',
			],
		];
		for (const [override, message] of cases) {
			const r = await create({ ...CUSTOMER, ...override });
			expect([r.status, r.body.error_message]).toEqual([400, message]);
		}
		expect(sandbox.state.customers.size).toBe(0);
	});

	test('an existing object_reference_id → 400 ALREADY_EXISTS', async () => {
		expect((await create(CUSTOMER)).status).toBe(200);
		const res = await create({ ...CUSTOMER, mobile_number: '9000000000' });
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			status: 'invalid_request_error',
			error_code: 'invalid_request',
			error_message: 'Customer with object_reference_id already exists',
			error_info: { code: 'ALREADY_EXISTS', category: 'USER_ERROR' },
		});
		expect(sandbox.state.customers.size).toBe(1);
	});

	test('get by cst_ id or by object_reference_id; token only on request', async () => {
		const created = (await create(CUSTOMER)).body;
		const byId = await call('GET', `/customers/${created.id}`);
		expect(byId.status).toBe(200);
		expect(byId.body).toEqual(created);
		const byRef = await call('GET', `/customers/${encodeURIComponent('customer@gmail.com')}`);
		expect(byRef.body).toEqual(created);
		const withToken = await call(
			'GET',
			`/customers/${created.id}?options.get_client_auth_token=true`,
		);
		expect(withToken.body).toEqual({
			...created,
			juspay: {
				client_auth_token: expect.stringMatching(/^tkn_[0-9a-f]{32}$/),
				client_auth_token_expiry: '2026-01-15T10:45:00Z',
			},
		});
	});

	test('unknown customer → 404 object_not_found', async () => {
		const res = await call('GET', '/customers/cst_doesnotexist0000');
		expect(res.status).toBe(404);
		expect(res.body).toEqual({
			status: 'invalid_request_error',
			error_code: 'object_not_found',
			error_message: 'Cannot find what you are looking for',
		});
		const upd = await call('POST', '/customers/cst_doesnotexist0000', {
			form: { first_name: 'Jon' },
		});
		expect(upd.status).toBe(404);
		expect(upd.body).toEqual(res.body);
	});

	test('update changes only the given fields and last_updated', async () => {
		const created = (await create(CUSTOMER)).body;
		t.clock = T0 + 60_000;
		const res = await call('POST', `/customers/${created.id}`, {
			form: { first_name: 'Jon', last_name: 'Snow' },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			...created,
			first_name: 'Jon',
			last_name: 'Snow',
			last_updated: '2026-01-15T10:31:00Z',
		});
		expect((await call('GET', `/customers/${created.id}`)).body).toEqual(res.body);
	});

	test('update needs at least one field and refuses object_reference_id', async () => {
		const created = (await create(CUSTOMER)).body;
		const none = await call('POST', `/customers/${created.id}`, { form: {} });
		expect(none.status).toBe(400);
		expect(none.body).toEqual({
			status: 'Bad Request',
			error_code: 'Mandatory fields are missing',
			error_message:
				'Mandatory fields are missing: one of mobile_number, email_address, first_name, last_name, mobile_country_code',
		});
		const ref = await call('POST', `/customers/${created.id}`, {
			form: { object_reference_id: 'changed123' },
		});
		expect(ref.status).toBe(400);
		expect(ref.body).toEqual(ERRORS.unknownField('object_reference_id'));
	});
});
