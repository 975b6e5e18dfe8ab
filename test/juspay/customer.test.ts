import { simplifyCustomer } from '../../nodes/Juspay/helpers/simplify';
import { runJuspayNode } from '../harness/workflowRunner';
import {
	API_VERSION,
	EXPECTED_AUTHORIZATION,
	MERCHANT_ID,
	useJuspaySandbox,
} from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

function commonHeaders(routingId: string) {
	return {
		authorization: EXPECTED_AUTHORIZATION,
		'x-merchantid': MERCHANT_ID,
		version: API_VERSION,
		accept: 'application/json',
		'x-routing-id': routingId,
	};
}

async function createCustomer(
	objectReferenceId = 'crm000123',
	extra: Record<string, unknown> = {},
) {
	return await runJuspayNode({
		parameters: {
			resource: 'customer',
			operation: 'create',
			objectReferenceId,
			mobileNumber: '9988776655',
			...extra,
		},
		credentials: fixture.credentials(),
	});
}

describe('Customer › Create', () => {
	it('posts Juspay form fields with flat dotted keys and returns the customer', async () => {
		const { items, error } = await createCustomer('crm000123', {
			additionalFields: {
				emailAddress: 'asha@example.com',
				firstName: 'Asha',
				lastName: 'Rao',
				mobileCountryCode: '91',
				getClientAuthToken: true,
			},
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/customers');
		expect(request.headers).toMatchObject({
			...commonHeaders('crm000123'),
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(request.rawBody).toBe(
			'object_reference_id=crm000123&mobile_number=9988776655&email_address=asha%40example.com' +
				'&first_name=Asha&last_name=Rao&mobile_country_code=91&options.get_client_auth_token=true',
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			object: 'customer',
			object_reference_id: 'crm000123',
			mobile_number: '9988776655',
			email_address: 'asha@example.com',
			first_name: 'Asha',
			last_name: 'Rao',
		});
		expect(String(items[0].json.id)).toMatch(/^cst_/);
		expect(items[0].json.juspay).toMatchObject({
			client_auth_token: expect.stringMatching(/^tkn_/),
		});
	});

	it('sends no optional field the user did not set, not even empty ones', async () => {
		const { error } = await createCustomer('crm000124', {
			additionalFields: { emailAddress: '', lastName: '   ', getClientAuthToken: false },
		});

		expect(error).toBeUndefined();
		expect(fixture.requests()[0].rawBody).toBe(
			'object_reference_id=crm000124&mobile_number=9988776655',
		);
	});

	it('refuses a mobile number with anything but digits before sending', async () => {
		const { items, error } = await runJuspayNode({
			parameters: {
				resource: 'customer',
				operation: 'create',
				objectReferenceId: 'crm000125',
				mobileNumber: '+91 99887 76655',
			},
			credentials: fixture.credentials(),
		});

		expect(items).toEqual([]);
		expect(error?.message).toBe('The Mobile Number +91 99887 76655 must contain digits only');
		expect(error?.description).toContain('e.g. 9988776655');
		expect(fixture.requests()).toHaveLength(0);
	});

	it('returns the simplified customer with Simplify on, as Get and Update do', async () => {
		const { items, error } = await createCustomer('crm000127', {
			additionalFields: { emailAddress: 'asha@example.com', firstName: 'Asha' },
			simplify: true,
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		// The same nine fields as Get's and Update's simplified customer, nothing else.
		expect(Object.keys(items[0].json)).toEqual(Object.keys(simplifyCustomer({})));
		expect(Object.keys(items[0].json)).toHaveLength(9);
		expect(items[0].json).toMatchObject({
			reference_id: 'crm000127',
			email: 'asha@example.com',
			phone: '9988776655',
			first_name: 'Asha',
			last_name: null,
		});
		expect(String(items[0].json.id)).toMatch(/^cst_/);
	});

	it("shows Juspay's own message when Juspay refuses the customer", async () => {
		await createCustomer('crm000126');
		const { error } = await createCustomer('crm000126');

		expect(error?.message).toBe('Customer with object_reference_id already exists');
		expect(error?.description).toContain('Use a new ID');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
	});
});

describe('Customer › Get', () => {
	it('gets by object reference id, asks for a client auth token in the query, and simplifies', async () => {
		await createCustomer('asha@example.com', {
			additionalFields: { emailAddress: 'asha@example.com', firstName: 'Asha', lastName: 'Rao' },
		});
		fixture.sandbox.clearRequests();

		const { items, error } = await runJuspayNode({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customerId: 'asha@example.com',
				additionalFields: { getClientAuthToken: true },
				simplify: true,
			},
			credentials: fixture.credentials(),
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/customers/asha%40example.com');
		expect(request.query).toEqual({ 'options.get_client_auth_token': 'true' });
		expect(request.headers).toMatchObject(commonHeaders('asha@example.com'));
		expect(request.headers['content-type']).toBeUndefined();
		expect(request.rawBody).toBe('');
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			id: expect.stringMatching(/^cst_/),
			reference_id: 'asha@example.com',
			email: 'asha@example.com',
			phone: '9988776655',
			phone_country_code: null,
			first_name: 'Asha',
			last_name: 'Rao',
			created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
		});
	});

	it('returns the raw Juspay customer when Simplify is off', async () => {
		const created = await createCustomer('crm000200');
		const { items } = await runJuspayNode({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customerId: String(created.items[0].json.id),
			},
			credentials: fixture.credentials(),
		});

		expect(items[0].json).toEqual(created.items[0].json);
	});

	it("says Juspay's words when the customer does not exist", async () => {
		const { error } = await runJuspayNode({
			parameters: { resource: 'customer', operation: 'get', customerId: 'cst_doesnotexist00' },
			credentials: fixture.credentials(),
		});

		expect(error?.message).toBe('Cannot find what you are looking for');
		expect(error?.description).toContain('Check the Customer ID');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('404');
	});
});

describe('Customer › Update', () => {
	it('posts only the fields to change and returns the updated customer, simplified', async () => {
		const created = await createCustomer('crm000300');
		const customerId = String(created.items[0].json.id);
		fixture.sandbox.clearRequests();

		const { items, error } = await runJuspayNode({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId,
				updateFields: { emailAddress: 'new@example.com', lastName: 'Iyer', firstName: '' },
				simplify: true,
			},
			credentials: fixture.credentials(),
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/customers/${customerId}`);
		expect(request.headers).toMatchObject({
			...commonHeaders(customerId),
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(request.rawBody).toBe('email_address=new%40example.com&last_name=Iyer');
		expect(items[0].json).toMatchObject({
			id: customerId,
			email: 'new@example.com',
			last_name: 'Iyer',
		});
	});

	it('refuses an update with no fields before sending', async () => {
		const { error } = await runJuspayNode({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId: 'cst_abc',
				updateFields: { firstName: '' },
			},
			credentials: fixture.credentials(),
		});

		expect(error?.message).toBe('The Update Fields are empty: there is nothing to update');
		expect(error?.description).toBe('Add at least one field under Update Fields, with a value');
		expect(fixture.requests()).toHaveLength(0);
	});

	it('refuses a mobile number with letters before sending', async () => {
		const { error } = await runJuspayNode({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId: 'cst_abc',
				updateFields: { mobileNumber: '99887abc' },
			},
			credentials: fixture.credentials(),
		});

		expect(error?.message).toBe('The Mobile Number 99887abc must contain digits only');
		expect(fixture.requests()).toHaveLength(0);
	});
});
