import { runJuspayNode } from '../harness/workflowRunner';
import { useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

function upsert(
	additionalFields: Record<string, string> = {},
	extra: Record<string, unknown> = {},
) {
	return runJuspayNode({
		parameters: {
			resource: 'customer',
			operation: 'upsert',
			objectReferenceId: 'crm-000123',
			mobileNumber: '9988776655',
			additionalFields,
			...extra,
		},
		credentials: fixture.credentials(),
	});
}

const wire = () => fixture.requests().map((r) => `${r.method} ${r.path} ${r.rawBody}`.trim());

describe('Customer › Create or Update', () => {
	it('creates an unknown customer after a GET by Object Reference ID, marked created', async () => {
		const { items, error } = await upsert({ emailAddress: 'asha@example.com', firstName: 'Asha' });

		expect(error).toBeUndefined();
		expect(wire()).toEqual([
			'GET /customers/crm-000123',
			'POST /customers object_reference_id=crm-000123&mobile_number=9988776655&email_address=asha%40example.com&first_name=Asha',
		]);
		expect(fixture.requests()[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(items[0].json).toMatchObject({
			object_reference_id: 'crm-000123',
			email_address: 'asha@example.com',
			action: 'created',
		});
	});

	it('the same sync again sends no write at all, marked unchanged', async () => {
		await upsert({ emailAddress: 'asha@example.com' });
		fixture.sandbox.clearRequests();

		const { items, error } = await upsert({ emailAddress: 'asha@example.com' });

		expect(error).toBeUndefined();
		expect(wire()).toEqual(['GET /customers/crm-000123']);
		expect(items[0].json).toMatchObject({ email_address: 'asha@example.com', action: 'unchanged' });
	});

	it('sends only the fields that differ, to the customer id, marked updated', async () => {
		await upsert({ emailAddress: 'asha@example.com', firstName: 'Asha' });
		const id = String([...fixture.sandbox.state.customers.values()][0].id);
		fixture.sandbox.clearRequests();

		const { items, error } = await upsert(
			{ emailAddress: 'asha@example.com', firstName: 'Asha', lastName: 'Rao' },
			{ simplify: true },
		);

		expect(error).toBeUndefined();
		expect(wire()).toEqual(['GET /customers/crm-000123', `POST /customers/${id} last_name=Rao`]);
		expect(items[0].json).toMatchObject({
			id,
			reference_id: 'crm-000123',
			first_name: 'Asha',
			last_name: 'Rao',
			action: 'updated',
		});
	});

	it.each([
		[{ emailAddress: 'asha@' }, 'The Email Address asha@ is not an email address'],
		[{ mobileCountryCode: '+91' }, 'The Mobile Country Code +91 must contain digits only'],
	])('refuses %p before sending', async (fields, message) => {
		const { error } = await upsert(fields);

		expect(error?.message).toBe(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('refuses a phone that is not digits before sending', async () => {
		const { error } = await upsert({}, { mobileNumber: '99887 76655' });

		expect(error?.message).toBe('The Mobile Number 99887 76655 must contain digits only');
		expect(fixture.requests()).toHaveLength(0);
	});

	it("shows Juspay's refusal of a too short Object Reference ID", async () => {
		const { error } = await upsert({}, { objectReferenceId: 'short' });

		expect(error?.message).toBe(
			'Invalid value for object_reference_id: must be at least 8 characters long',
		);
	});
});
