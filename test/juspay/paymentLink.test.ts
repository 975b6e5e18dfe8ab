import { runJuspayNode } from '../harness/workflowRunner';
import {
	API_KEY,
	EXPECTED_AUTHORIZATION,
	MERCHANT_ID,
	PAYMENT_PAGE_CLIENT_ID,
	useJuspaySandbox,
} from '../harness/sandboxFixture';

const fixture = useJuspaySandbox();

const REQUIRED = {
	amount: '100.50',
	customerId: 'cust0001',
	customerEmail: 'asha@example.com',
	customerPhone: '9988776655',
	returnUrl: 'https://shop.example.com/paid',
};

function createLink(parameters: Record<string, unknown>, settings = {}, credentials = {}) {
	return runJuspayNode({
		parameters: { resource: 'paymentLink', operation: 'create', ...REQUIRED, ...parameters },
		credentials: fixture.credentials(credentials),
		settings,
	});
}

const sessionPosts = () => fixture.requests().filter((r) => r.path === '/session');
const ordersOf = () => [...fixture.sandbox.state.orders.values()];
/** The payment page link of the order the sandbox holds. */
const linkOf = (orderId: string) =>
	(fixture.sandbox.getOrder(orderId)?.payment_links as { web?: string } | undefined)?.web;

describe('Payment Link › Create', () => {
	it('posts JSON to /session with flat dotted keys and a nested payment_filter, and returns the link', async () => {
		const { items, error } = await createLink({
			orderId: 'link1',
			options: {
				description: 'Invoice 42',
				firstName: 'Asha',
				lastName: 'Rao',
				linkExpiryMinutes: 90,
				sendMail: true,
				sendSms: false,
				paymentMethods: ['UPI', 'CARD'],
				udf1: 'inv42',
				udf7: 'a/b',
				gatewayId: '100',
			},
		});

		expect(error).toBeUndefined();
		const [request] = fixture.requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/session');
		expect(request.headers).toMatchObject({
			authorization: EXPECTED_AUTHORIZATION,
			'x-merchantid': MERCHANT_ID,
			'x-routing-id': 'cust0001',
			'content-type': 'application/json',
		});
		expect(request.json).toEqual({
			order_id: 'link1',
			amount: '100.50',
			currency: 'INR',
			customer_id: 'cust0001',
			customer_email: 'asha@example.com',
			customer_phone: '9988776655',
			payment_page_client_id: PAYMENT_PAGE_CLIENT_ID,
			action: 'paymentPage',
			return_url: 'https://shop.example.com/paid',
			description: 'Invoice 42',
			first_name: 'Asha',
			last_name: 'Rao',
			gateway_id: '100',
			send_mail: true,
			send_sms: false,
			'metadata.expiryInMins': '90',
			payment_filter: {
				allowDefaultOptions: false,
				options: [
					{ paymentMethodType: 'UPI', enable: true },
					{ paymentMethodType: 'CARD', enable: true },
					{ paymentMethodType: 'NB', enable: false },
					{ paymentMethodType: 'WALLETS', enable: false },
				],
			},
			udf1: 'inv42',
			udf7: 'a/b',
		});
		expect(request.rawBody).toContain('"metadata.expiryInMins":"90"');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ order_id: 'link1', status: 'NEW', replayed: false });
		const link = (items[0].json.payment_links as { web: string }).web;
		expect(link).toBe(linkOf('link1'));
	});

	it('simplifies to order_id, status, link, link_expires_at and id', async () => {
		const { items, error } = await createLink({ orderId: 'link2', simplify: true });

		expect(error).toBeUndefined();
		const order = fixture.sandbox.getOrder('link2') as unknown as {
			id: string;
			order_expiry: string;
			payment_links: { web: string };
		};
		expect(items[0].json).toEqual({
			order_id: 'link2',
			status: 'NEW',
			link: order.payment_links.web,
			link_expires_at: order.order_expiry,
			id: order.id,
			replayed: false,
		});
	});

	it('always sends the currency, and the node option overrides the credential client id', async () => {
		const { error } = await createLink(
			{
				orderId: 'link3',
				currency: 'inr',
				options: { paymentPageClientId: PAYMENT_PAGE_CLIENT_ID },
			},
			{},
			{ paymentPageClientId: 'not_this_one' },
		);

		expect(error).toBeUndefined();
		expect(sessionPosts()[0].json).toMatchObject({
			currency: 'INR',
			payment_page_client_id: PAYMENT_PAGE_CLIENT_ID,
		});
	});

	it('derives an order id of letters and digits, the same on every retry of the step', async () => {
		fixture.sandbox.injectFault({
			method: 'POST',
			path: '/session',
			status: 502,
			afterCommit: true,
		});

		const { items, error } = await createLink(
			{ simplify: true },
			{ retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		const posts = sessionPosts();
		expect(posts).toHaveLength(2);
		const orderId = (posts[0].json as { order_id: string }).order_id;
		expect(orderId).toMatch(/^[A-Za-z0-9]{1,18}$/);
		expect((posts[1].json as { order_id: string }).order_id).toBe(orderId);
		expect(ordersOf()).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			order_id: orderId,
			link: linkOf(orderId),
			replayed: true,
		});
	});

	it('never creates a second order when the connection drops after Juspay created it', async () => {
		fixture.sandbox.injectFault({ method: 'POST', path: '/session', status: 0, afterCommit: true });

		const { items, error } = await createLink(
			{ orderId: 'link5' },
			{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		);

		expect(error).toBeUndefined();
		expect(sessionPosts()).toHaveLength(2);
		expect(ordersOf()).toHaveLength(1);
		expect(items[0].json).toMatchObject({ order_id: 'link5', status: 'NEW', replayed: true });
		expect((items[0].json.payment_links as { web: string }).web).toBe(linkOf('link5'));
	});

	it('does not replay an existing order with another amount: it fails in Juspay words', async () => {
		await createLink({ orderId: 'link6' });

		const { error } = await createLink({ orderId: 'link6', amount: '5' });

		expect(error?.message).toBe('Order with order_id link6 already exists');
		expect(error?.description).toContain('use a new Order ID');
		expect(fixture.sandbox.getOrder('link6')?.amount).toBe(100.5);
	});

	it.each([
		[{ amount: '0' }, 'The Amount 0 is not a valid amount'],
		[{ amount: '10.005' }, 'The Amount 10.005 is not a valid amount'],
		[{ orderId: 'link-7' }, 'The Order ID link-7 is not valid'],
		[
			{ customerEmail: 'asha.example.com' },
			'The Customer Email asha.example.com is not an email address',
		],
		[{ customerPhone: '+91 99887' }, 'The Customer Phone +91 99887 must contain digits only'],
		[{ customerId: '={{ "" }}' }, 'The Customer ID is empty'],
		[{ returnUrl: 'https://shop.example.com/paid?x=1' }, expect.stringContaining('The Return URL')],
		[{ currency: 'RUPEE' }, 'The Currency "RUPEE" is not an ISO 4217 code'],
		[{ options: { linkExpiryMinutes: 0 } }, expect.stringContaining('The Link Expiry (Minutes) 0')],
		[{ options: { gatewayId: 'PAYU' } }, 'The Gateway ID "PAYU" is not a number'],
	])('refuses %p before sending', async (override, message) => {
		const { error } = await createLink({ orderId: 'link7', ...override });

		expect(error?.message).toEqual(message);
		expect(fixture.requests()).toHaveLength(0);
	});

	it('asks for the Payment Page Client ID when neither credential nor node has one', async () => {
		const { error } = await createLink({ orderId: 'link8' }, {}, { paymentPageClientId: '' });

		expect(error?.message).toBe('The Payment Page Client ID is empty');
		expect(error?.description).toContain('Options › Payment Page Client ID');
		expect(fixture.requests()).toHaveLength(0);
	});

	it("shows Juspay's refusal of an unknown payment page, without the API key", async () => {
		const { error } = await createLink({
			orderId: 'link9',
			options: { paymentPageClientId: 'nope' },
		});

		expect(error?.message).toBe(
			'Invalid value for payment_page_client_id: is not a payment page of this merchant',
		);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});
