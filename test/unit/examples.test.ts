import type { INodeProperties } from 'n8n-workflow';

import { Juspay } from '../../nodes/Juspay/Juspay.node';
import { readExamples } from '../harness/examples';

// The example workflows use only parameters the Juspay node shows for their resource and operation.
const { properties } = new Juspay().description;
function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		if (!show) return true;
		const matches = (key: string, value: string) =>
			show[key] === undefined || (show[key] as unknown[]).includes(value);
		return matches('resource', resource) && matches('operation', operation);
	});
}

const juspayNodes = readExamples().flatMap(([file, workflow]) =>
	workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-juspay.juspay')
		.map((node) => [`${file} › ${node.name}`, node] as const),
);

describe('example workflows', () => {
	it('include the payment link and return URL examples', () => {
		const names = juspayNodes.map(([name]) => name);
		expect(names).toEqual(
			expect.arrayContaining([
				'send-payment-link.json › Create payment link',
				'verify-return-url.json › Verify return URL',
			]),
		);
	});

	it('include the monthly subscription debit: Get Many → Send Pre-Debit Notification → Wait → Charge', () => {
		const [, workflow] =
			readExamples().find(([file]) => file === 'monthly-subscription-debit.json') ?? [];
		const steps = (workflow?.nodes ?? []).map((node) =>
			node.type === 'n8n-nodes-juspay.juspay'
				? `${String(node.parameters.resource)}.${String(node.parameters.operation)}`
				: node.type,
		);
		expect(steps).toEqual([
			'n8n-nodes-base.scheduleTrigger',
			'n8n-nodes-base.set',
			'mandate.getAll',
			'n8n-nodes-base.filter',
			'mandate.preDebitNotify',
			'n8n-nodes-base.wait',
			'mandate.charge',
		]);
	});

	it.each(juspayNodes)('%s uses only parameters the node has', (_, node) => {
		const { resource, operation, ...rest } = node.parameters as Record<string, unknown> & {
			resource: string;
			operation: string;
		};
		const shown = shownFor(resource, operation);
		for (const [key, value] of Object.entries(rest)) {
			const property = shown.find((p) => p.name === key);
			expect([key, property?.name]).toEqual([key, key]);
			if (property?.type === 'collection' && value && typeof value === 'object') {
				const options = (property.options as INodeProperties[]).map((option) => option.name);
				for (const option of Object.keys(value)) expect(options).toContain(option);
			}
		}
	});
});
