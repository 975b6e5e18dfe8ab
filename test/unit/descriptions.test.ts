import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Juspay } from '../../nodes/Juspay/Juspay.node';

// What the editor shows, checked against n8n's UX guidelines.
const { properties } = new Juspay().description;

const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) => property.options as INodePropertyOptions[]);

describe('Juspay node description', () => {
	it('names actions as n8n\'s built-in nodes do: "Create a customer"', () => {
		expect(operations.map((operation) => operation.action)).toEqual(
			expect.arrayContaining([
				'Create a customer',
				'Get a customer',
				'Update a customer',
				'Create an order',
				'Get the status of an order',
				'Refund an order',
			]),
		);
		for (const { action } of operations) {
			// Sentence case, a verb, then an article.
			expect(action).toMatch(/^[A-Z][a-z]+( [a-z]+)* (a|an|the) [a-z]/);
		}
	});

	it('starts Amount empty, with a placeholder, for Order Create, Refund and Refund Transaction', () => {
		const amount = properties.find((property) => property.name === 'amount') as INodeProperties;
		expect(amount).toMatchObject({
			displayName: 'Amount',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 100.50',
			displayOptions: {
				show: { resource: ['order'], operation: ['create', 'refund', 'refundTransaction'] },
			},
		});
	});

	it("offers Simplify, in n8n's words, on every customer operation, Order Get Status and Refund", () => {
		const simplify = properties.filter((property) => property.name === 'simplify');
		for (const property of simplify) {
			expect(property).toMatchObject({
				displayName: 'Simplify',
				type: 'boolean',
				description:
					'Whether to return a simplified version of the response instead of the raw data',
			});
		}
		expect(simplify.map((property) => property.displayOptions?.show)).toEqual(
			expect.arrayContaining([
				{ operation: ['create'], resource: ['customer'] },
				{ operation: ['get'], resource: ['customer'] },
				{ operation: ['update'], resource: ['customer'] },
				{ operation: ['get'], resource: ['order'] },
				{ operation: ['refund'], resource: ['order'] },
			]),
		);
	});
});
