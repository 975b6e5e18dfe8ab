import type { INodeProperties } from 'n8n-workflow';

import { pathSegment, type RequestBuilder } from '../../helpers/request';
import { requireOrderIdForLookup } from '../../helpers/validation';
import { simplifyProperty } from '../../shared/descriptions';

const showOnlyForOrderGet = { operation: ['get'], resource: ['order'] };

export const orderGetDescription: INodeProperties[] = [
	{ ...simplifyProperty, displayOptions: { show: showOnlyForOrderGet } },
];

export const buildOrderGet: RequestBuilder = function () {
	const orderId = requireOrderIdForLookup(this.getNodeParameter('orderId', ''));
	return { path: `/orders/${pathSegment(orderId)}`, routingId: orderId };
};
