// Workflow JSON for the end-to-end suite, built the way n8n stores workflows.
const PACKAGE = 'n8n-nodes-juspay';
const CREDENTIAL = { juspayApi: { id: 'juspayE2e', name: 'Juspay sandbox (e2e)' } };
const WRONG_CREDENTIAL = { juspayApi: { id: 'juspayWrongKey', name: 'Juspay wrong key (e2e)' } };
const UNREACHABLE_CREDENTIAL = {
	juspayApi: { id: 'juspayUnreachable', name: 'Juspay unreachable (e2e)' },
};

let nodeCounter = 0;
function nodeId() {
	nodeCounter += 1;
	return `00000000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
}

function juspayNode(name, parameters, { credentials = CREDENTIAL, continueOnFail = true } = {}) {
	return {
		id: nodeId(),
		name,
		type: `${PACKAGE}.juspay`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials,
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/** Manual Trigger → each node in turn; every node runs once and keeps going on error. */
function chainWorkflow(id, name, nodes) {
	const start = {
		id: nodeId(),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [start, ...nodes];
	const connections = {};
	all.forEach((node, index) => {
		node.position = [index * 220, 0];
		if (index + 1 < all.length) {
			connections[node.name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
		}
	});
	for (const node of nodes) node.executeOnce = true;
	return {
		id,
		name,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

function operationsWorkflow(run, sandboxUrl) {
	const ref = `e2e${run}cust`;
	const orderId = `e2e${run}ord`;
	return chainWorkflow(`juspayOps${run}`.slice(0, 21), 'Juspay e2e: every operation', [
		juspayNode('Create customer', {
			resource: 'customer',
			operation: 'create',
			objectReferenceId: ref,
			mobileNumber: '9988776655',
			additionalFields: {
				emailAddress: 'asha@example.com',
				firstName: 'Asha',
				getClientAuthToken: true,
			},
		}),
		juspayNode('Get customer', {
			resource: 'customer',
			operation: 'get',
			customerId: "={{ $('Create customer').item.json.id }}",
			simplify: true,
		}),
		juspayNode('Update customer', {
			resource: 'customer',
			operation: 'update',
			customerId: ref,
			updateFields: { lastName: 'Rao' },
		}),
		juspayNode('Update with no fields', {
			resource: 'customer',
			operation: 'update',
			customerId: ref,
			updateFields: {},
		}),
		juspayNode('Create order', {
			resource: 'order',
			operation: 'create',
			orderId,
			amount: 500.5,
			additionalFields: { customerId: "={{ $('Create customer').item.json.id }}", udf1: 'e2e' },
		}),
		{
			id: nodeId(),
			name: 'Pay in sandbox',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [0, 0],
			parameters: {
				method: 'POST',
				url: `${sandboxUrl}/sandbox/orders/${orderId}/charge`,
				options: {},
			},
		},
		juspayNode('Get status', { resource: 'order', operation: 'get', orderId, simplify: true }),
		juspayNode('Refund', {
			resource: 'order',
			operation: 'refund',
			orderId,
			amount: 100,
			uniqueRequestId: `rf${run}a`,
		}),
		juspayNode('Refund again', {
			resource: 'order',
			operation: 'refund',
			orderId,
			amount: 100,
			uniqueRequestId: `rf${run}a`,
			simplify: true,
		}),
		juspayNode('Refund too much', {
			resource: 'order',
			operation: 'refund',
			orderId,
			amount: 1000,
			uniqueRequestId: `rf${run}b`,
		}),
		juspayNode('Refund without ID', {
			resource: 'order',
			operation: 'refund',
			orderId,
			amount: 0.5,
		}),
		juspayNode('Bad amount', {
			resource: 'order',
			operation: 'create',
			orderId: `e2e${run}bad`,
			amount: 10.123,
		}),
		juspayNode('Unknown order', { resource: 'order', operation: 'get', orderId: `e2e${run}none` }),
		juspayNode(
			'Wrong API key',
			{ resource: 'order', operation: 'get', orderId },
			{ credentials: WRONG_CREDENTIAL },
		),
		juspayNode(
			'Unreachable',
			{ resource: 'order', operation: 'get', orderId },
			{ credentials: UNREACHABLE_CREDENTIAL },
		),
	]);
}

const LINK = {
	amount: '249.99',
	customerId: 'e2ecustomer1',
	customerEmail: 'asha@example.com',
	customerPhone: '9988776655',
	returnUrl: 'https://shop.example.com/paid',
};

/**
 * The daily flows of issue 7: payment links, CRM upsert, order update, transaction refunds and
 * the return URL check. `signedQuery` and `forgedQuery` are redirect parameters (JSON text).
 */
function dailyFlowsWorkflow(run, sandboxUrl, { signedQuery, forgedQuery }) {
	const ref = `crm${run}ref`;
	const orderId = `e2e${run}upd`;
	return chainWorkflow(`juspayFlows${run}`.slice(0, 21), 'Juspay e2e: daily flows', [
		{
			// n8n retries only a node that fails: "On Error: Continue" would turn the 502 into output.
			...juspayNode(
				'Link with retry',
				{ resource: 'paymentLink', operation: 'create', ...LINK, simplify: true },
				{ continueOnFail: false },
			),
			retryOnFail: true,
			maxTries: 3,
			waitBetweenTries: 0,
		},
		juspayNode('Create link', {
			resource: 'paymentLink',
			operation: 'create',
			orderId: `pl${run}`,
			...LINK,
			options: {
				description: 'Invoice 42',
				linkExpiryMinutes: 120,
				sendMail: true,
				sendSms: true,
				paymentMethods: ['UPI', 'CARD'],
				udf1: 'inv42',
			},
		}),
		juspayNode('Link bad email', {
			resource: 'paymentLink',
			operation: 'create',
			orderId: `pl${run}x`,
			...LINK,
			customerEmail: 'asha.example.com',
		}),
		juspayNode('Upsert new', {
			resource: 'customer',
			operation: 'upsert',
			objectReferenceId: ref,
			mobileNumber: '9988776655',
			additionalFields: { firstName: 'Asha' },
		}),
		juspayNode('Upsert same', {
			resource: 'customer',
			operation: 'upsert',
			objectReferenceId: ref,
			mobileNumber: '9988776655',
			additionalFields: { firstName: 'Asha' },
		}),
		juspayNode('Upsert changed', {
			resource: 'customer',
			operation: 'upsert',
			objectReferenceId: ref,
			mobileNumber: '9988776655',
			additionalFields: { firstName: 'Asha', lastName: 'Rao' },
			simplify: true,
		}),
		juspayNode('Create order', { resource: 'order', operation: 'create', orderId, amount: 300 }),
		juspayNode('Update order', {
			resource: 'order',
			operation: 'update',
			orderId,
			updateFields: { amount: '350.25', udf3: 'upd', shippingAddressCity: 'Pune' },
		}),
		juspayNode('Update nothing', {
			resource: 'order',
			operation: 'update',
			orderId,
			updateFields: {},
		}),
		{
			id: nodeId(),
			name: 'Pay in sandbox',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [0, 0],
			parameters: {
				method: 'POST',
				url: `${sandboxUrl}/sandbox/orders/${orderId}/charge`,
				options: {},
			},
		},
		juspayNode('Update paid order', {
			resource: 'order',
			operation: 'update',
			orderId,
			updateFields: { amount: '1' },
		}),
		juspayNode('Refund transaction', {
			resource: 'order',
			operation: 'refundTransaction',
			orderId,
			amount: 50,
			refundType: 'INSTANT_WITH_FALLBACK',
		}),
		juspayNode('Refund transaction again', {
			resource: 'order',
			operation: 'refundTransaction',
			orderId,
			amount: 20,
			uniqueRequestId: `tr${run}`,
		}),
		juspayNode('Refund transaction replay', {
			resource: 'order',
			operation: 'refundTransaction',
			orderId,
			amount: 20,
			uniqueRequestId: `tr${run}`,
			simplify: true,
		}),
		juspayNode('Verify genuine', {
			resource: 'order',
			operation: 'verifyReturnUrl',
			returnUrlParameters: signedQuery,
			verifyOptions: { confirmWithOrderStatus: true },
		}),
		juspayNode('Verify forged', {
			resource: 'order',
			operation: 'verifyReturnUrl',
			returnUrlParameters: forgedQuery,
		}),
		juspayNode('Verify forged, fail', {
			resource: 'order',
			operation: 'verifyReturnUrl',
			returnUrlParameters: forgedQuery,
			verifyOptions: { failIfNotVerified: true },
		}),
	]);
}

const WEBHOOK_ID = '3f6c1d2e-5b7a-4c8d-9e0f-1a2b3c4d5e6f';

function triggerWorkflow(id) {
	return {
		id,
		name: 'Juspay e2e: trigger',
		nodes: [
			{
				id: nodeId(),
				name: 'Juspay Trigger',
				type: `${PACKAGE}.juspayTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: ['ORDER_SUCCEEDED', 'ORDER_REFUNDED'],
					options: { confirmWithApi: true },
				},
				credentials: CREDENTIAL,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

module.exports = {
	CREDENTIAL,
	WRONG_CREDENTIAL,
	UNREACHABLE_CREDENTIAL,
	WEBHOOK_ID,
	operationsWorkflow,
	dailyFlowsWorkflow,
	triggerWorkflow,
	juspayNode,
	chainWorkflow,
	nodeId,
};
