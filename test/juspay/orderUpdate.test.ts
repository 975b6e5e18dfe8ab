import { runJuspayNode } from '../harness/workflowRunner';
import { EXPECTED_AUTHORIZATION, useJuspaySandbox } from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

async function newOrder(orderId: string, amount = '100') {
	await runJuspayNode({
		parameters: { resource: 'order', operation: 'create', orderId, amount },
		credentials: fixture.credentials(),
	});
	fixture.sandbox.clearRequests();
}

function update(orderId: string, updateFields: Record<string, string>) {
	return runJuspayNode({
		parameters: { resource: 'order', operation: 'update', orderId, updateFields },
		credentials: fixture.credentials(),
	});
}

describe('Order › Update', () => {
	it('posts only the given fields, form-encoded, to /orders/{order_id} and returns the order', async () => {
		await newOrder('ordU1');

		const { items, error } = await update('ordU1', {
			amount: '120.50',
			udf2: 'vip',
			billingAddressCity: 'Pune',
			shippingAddressPostalCode: '411001',
			shippingAddressPhone: '9988776655',
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/orders/ordU1');
		expect(request.headers).toMatchObject({
			authorization: EXPECTED_AUTHORIZATION,
			'content-type': 'application/x-www-form-urlencoded',
			'x-routing-id': 'ordU1',
		});
		expect(request.form).toEqual({
			amount: '120.50',
			billing_address_city: 'Pune',
			shipping_address_postal_code: '411001',
			shipping_address_phone: '9988776655',
			udf2: 'vip',
		});
		expect(items[0].json).toMatchObject({ order_id: 'ordU1', amount: 120.5, udf2: 'vip' });
	});

	it.each([
		[{}, 'The Update Fields are empty: there is nothing to update'],
		[{ udf1: '  ' }, 'The Update Fields are empty: there is nothing to update'],
		[{ amount: '-5' }, 'The Amount -5 is not a valid amount'],
		[{ amount: '1.234' }, 'The Amount 1.234 is not a valid amount'],
		[
			{ billingAddressPhone: '+91 998' },
			'The Billing Address Phone +91 998 must contain digits only',
		],
	])('refuses %p before sending', async (updateFields, message) => {
		const { error } = await update('ordU2', updateFields);

		expect(error?.message).toBe(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it("refuses a paid order in Juspay's words, saying only unpaid orders can be updated", async () => {
		await newOrder('ordU3');
		fixture.sandbox.chargeOrder('ordU3');

		const { error } = await update('ordU3', { amount: '1' });

		expect(error?.message).toBe('Order ordU3 cannot be updated in status CHARGED');
		expect(error?.description).toContain(
			'Only unpaid orders (status NEW or CREATED) can be updated',
		);
		expect(error?.description).toContain('INVALID_ACTION');
		expect(fixture.sandbox.getOrder('ordU3')?.amount).toBe(100);
	});

	it("an unknown order is Juspay's not-found, not the paid-order hint", async () => {
		const { error } = await update('ordU404', { udf1: 'x' });

		expect(error?.message).toBe('No order exists with order_id ordU404 for this merchant');
		expect(error?.description).toContain('Check the Order ID');
	});
});
