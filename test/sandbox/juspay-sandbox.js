'use strict';
/**
 * Local Juspay Express Checkout sandbox for tests and demos: createJuspaySandbox(options).
 *
 * Plain CommonJS on purpose: n8n's linter forbids node:http in the package's .ts files, and the
 * sandbox must run with no build step and no dependencies (Node 20 built-ins only).
 *
 * It answers with the shapes Juspay documents (see Juspay's API reference, linked from the README,
 * and Juspay's sample payloads) and is deliberately STRICT: whatever it accepts, Juspay accepts too.
 *
 * This file only assembles the pieces (see README.md, "Layout"):
 *   lib/       HTTP plumbing (server, request pipeline, recorder), errors and pure helpers
 *   domains/   one file per simulated domain: customers, orders, paymentLinks (POST /session),
 *              refunds (of an order, and of a transaction: POST /refunds), payments, mandates,
 *              mandateDebits (notifications, POST /txns), webhooks, control (/sandbox/* endpoints)
 *              and faults (fault injection)
 */

const { ERRORS } = require('./lib/errors.js');
const { createServer } = require('./lib/server.js');
const { createPipeline } = require('./lib/pipeline.js');
const { createRecorder } = require('./lib/recorder.js');

/** Every domain, in route order. Each gets the shared context and returns { routes, ...api }. */
const DOMAINS = {
	faults: require('./domains/faults.js'),
	customers: require('./domains/customers.js'),
	orders: require('./domains/orders.js'),
	paymentLinks: require('./domains/paymentLinks.js'),
	refunds: require('./domains/refunds.js'),
	payments: require('./domains/payments.js'),
	mandates: require('./domains/mandates.js'),
	mandateDebits: require('./domains/mandateDebits.js'),
	webhooks: require('./domains/webhooks.js'),
	control: require('./domains/control.js'),
};

const DEFAULTS = Object.freeze({
	apiKey: 'sandbox_api_key',
	merchantId: 'sandbox_merchant',
	paymentPageClientId: 'sandbox_payment_page',
	host: '127.0.0.1',
	port: 0,
	log: false,
	sameAmountWindowMs: 5000,
});

function createJuspaySandbox(options = {}) {
	const config = { ...DEFAULTS, ...options };
	const now = typeof config.now === 'function' ? config.now : Date.now;
	const recorder = createRecorder();
	const routes = [];
	const resets = [];

	/**
	 * The shared context every domain receives. Domains add their state maps to ctx.state and,
	 * once all are built, reach each other as ctx.<domain> (e.g. ctx.orders.findOrThrow).
	 */
	const ctx = {
		config,
		now,
		state: {},
		routes,
		recorder,
		url: () => server.url,
		delay: (ms) => server.delay(ms),
		reset,
	};
	const server = createServer({
		host: config.host,
		port: config.port,
		handle: createPipeline(ctx),
	});

	for (const [name, domain] of Object.entries(DOMAINS)) {
		const { routes: domainRoutes, reset: domainReset, ...api } = domain(ctx);
		routes.push(...domainRoutes);
		if (domainReset) resets.push(domainReset);
		ctx[name] = api;
	}
	// Extra routes (tests of the plumbing only), after Juspay's so they can never shadow one.
	routes.push(...(config.extraRoutes || []));

	function reset() {
		for (const map of Object.values(ctx.state)) map.clear();
		recorder.clear();
		for (const resetDomain of resets) resetDomain();
	}

	const sandbox = {
		url: undefined,
		port: undefined,
		apiKey: config.apiKey,
		merchantId: config.merchantId,
		requests: recorder.requests,
		state: ctx.state,
		async start() {
			const address = await server.start();
			sandbox.url = address.url;
			sandbox.port = address.port;
			return address;
		},
		stop: () => server.stop(),
		clearRequests: recorder.clear,
		reset,
		chargeOrder: ctx.payments.charge,
		injectFault: ctx.faults.inject,
		buildWebhook: ctx.webhooks.build,
		/** A mandate as if registered and paid for: { customerId, maxAmount, amountRule?, status? }. */
		createMandate: ({ customerId, maxAmount, amountRule, frequency, status = 'ACTIVE' }) =>
			ctx.mandates.statusView(
				ctx.mandates.create({
					orderId: `reg${Date.now()}`,
					customerId,
					maxPaise: Math.round(Number(maxAmount) * 100),
					setup: { 'mandate.amount_rule': amountRule, 'mandate.frequency': frequency },
					status,
				}),
			),
		getMandate: (mandateId) => {
			const mandate = ctx.mandates.find(mandateId);
			return mandate ? ctx.mandates.statusView(mandate) : undefined;
		},
		getNotification: (id) => {
			const notification = ctx.mandateDebits.findNotification(id);
			return notification ? ctx.mandateDebits.view(notification) : undefined;
		},
		getOrder: (orderId) => {
			const order = ctx.orders.find(orderId);
			return order ? ctx.orders.view(order) : undefined;
		},
	};
	return sandbox;
}

module.exports = { createJuspaySandbox, DEFAULTS };
