// What n8n 2.41.1's editor shows of the package: the node descriptions a signed-in editor loads
// (GET /types/nodes.json, after n8n added its own settings to them), checked against n8n's UX
// guidelines: the trigger's events and subtitle, its setup notice, the action names, Amount,
// Simplify, and the Request Options › Batching setting the 429 hint points to.
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { N8nInstance, packPackage, provisionN8n, stopAll, log } = require('./lib/n8nInstance');

let n8n;
let types;

process.on('SIGINT', () => stopAll().then(() => process.exit(130)));
process.on('SIGTERM', () => stopAll().then(() => process.exit(143)));

/** Signs in as the owner (created here) and returns what the editor loads. */
async function editorNodeTypes(url) {
	const json = { 'content-type': 'application/json' };
	const owner = { email: 'owner@example.com', password: 'E2e-owner-Passw0rd' };
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({ ...owner, firstName: 'E2e', lastName: 'Owner' }),
	});
	assert.equal(setup.status, 200, await setup.text());
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	assert.equal(login.status, 200, await login.text());
	const cookie = login.headers
		.getSetCookie()
		.map((value) => value.split(';')[0])
		.join('; ');
	const response = await fetch(`${url}/types/nodes.json`, { headers: { cookie } });
	assert.equal(response.status, 200);
	return await response.json();
}

before(async () => {
	const paths = provisionN8n();
	const tarball = packPackage();
	n8n = await N8nInstance.create(paths, 'editor');
	n8n.installPackage(tarball);
	log('n8n start: reading the node types the editor loads');
	await n8n.start();
	types = await editorNodeTypes(n8n.url);
});

after(async () => {
	await stopAll();
	n8n?.remove();
});

const nodeType = (name) => {
	const type = types.find((candidate) => candidate.name === `n8n-nodes-juspay.${name}`);
	assert.ok(type, `the editor has no n8n-nodes-juspay.${name}`);
	return type;
};
const property = (type, name) => type.properties.filter((candidate) => candidate.name === name);

describe('Juspay Trigger in the editor', () => {
	it("lists All Events first, then every event in Title Case, sorted, with Juspay's name in the description", () => {
		const [events] = property(nodeType('juspayTrigger'), 'events');
		const [all, ...rest] = events.options;
		assert.deepEqual(all, {
			name: 'All Events',
			value: '*',
			description: 'Every event, including ones Juspay adds later',
		});
		assert.ok(rest.length >= 21);
		const names = rest.map((option) => option.name);
		assert.deepEqual(
			names,
			[...names].sort((a, b) => a.localeCompare(b)),
		);
		for (const option of rest) {
			assert.match(option.name, /^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
			assert.ok(option.description.startsWith(`${option.value}: `), option.description);
		}
		assert.ok(
			rest.some(
				(option) => option.name === 'Order Succeeded' && option.value === 'ORDER_SUCCEEDED',
			),
		);
	});

	it('has a one-sentence setup notice naming the dashboard path the README gives', () => {
		const [notice] = property(nodeType('juspayTrigger'), 'setupNotice');
		assert.ok(notice.displayName.includes('Payments › Settings › Webhooks'));
		assert.ok(notice.displayName.length < 200, notice.displayName);
	});

	it('has a subtitle that cannot run off the canvas', () => {
		assert.ok(nodeType('juspayTrigger').subtitle.includes('"All events"'));
	});
});

describe('Juspay node in the editor', () => {
	it("names its actions as n8n's built-in nodes do", () => {
		const actions = property(nodeType('juspay'), 'operation').flatMap((operation) =>
			operation.options.map((option) => option.action),
		);
		for (const action of [
			'Create a customer',
			'Get a customer',
			'Update a customer',
			'Create an order',
			'Get the status of an order',
			'Refund an order',
		]) {
			assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
		}
	});

	it('starts Amount empty, with a placeholder', () => {
		const [amount] = property(nodeType('juspay'), 'amount');
		assert.equal(amount.type, 'string');
		assert.equal(amount.default, '');
		assert.equal(amount.placeholder, 'e.g. 100.50');
	});

	it('offers Simplify on Customer Create as on Get and Update', () => {
		const shown = property(nodeType('juspay'), 'simplify').map((simplify) =>
			JSON.stringify(simplify.displayOptions.show),
		);
		for (const operation of ['create', 'get', 'update']) {
			assert.ok(shown.includes(JSON.stringify({ operation: [operation], resource: ['customer'] })));
		}
	});

	it("has Batching under Request Options in the node's Settings tab, where the 429 hint points", () => {
		const [requestOptions] = property(nodeType('juspay'), 'requestOptions');
		assert.equal(requestOptions.displayName, 'Request Options');
		assert.equal(requestOptions.isNodeSetting, true);
		const batching = requestOptions.options.find((option) => option.name === 'batching');
		assert.equal(batching.displayName, 'Batching');
		const fields = batching.options[0].values.map((value) => value.displayName);
		assert.deepEqual(fields, ['Items per Batch', 'Batch Interval (ms)']);
	});
});
