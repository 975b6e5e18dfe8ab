import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { pathSegment, type RequestBuilder } from '../../helpers/request';
import { requireText } from '../../helpers/validation';

const showOnlyForGetMany = { resource: ['mandate'], operation: ['getAll'] };

export const mandateGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: showOnlyForGetMany },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...showOnlyForGetMany, returnAll: [false] } },
	},
];

export const buildMandateGetMany: RequestBuilder = function () {
	const customerId = requireText(this.getNodeParameter('customerId', ''), 'Customer ID');
	return { path: `/customers/${pathSegment(customerId)}/mandates`, routingId: customerId };
};

/**
 * postReceive of Get Many: Juspay answers {object: "list", list: [...]} in one response (it
 * documents no paging), and n8n wants one item per mandate.
 */
export async function splitMandateList(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const mandates = items.flatMap((item) =>
		Array.isArray(item.json.list) ? (item.json.list as IDataObject[]) : [],
	);
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = this.getNodeParameter('limit', 50) as number;
	return (returnAll ? mandates : mandates.slice(0, limit)).map((json) => ({ json }));
}
