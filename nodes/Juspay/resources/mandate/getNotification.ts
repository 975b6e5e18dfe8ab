import type { INodeProperties } from 'n8n-workflow';

import { pathSegment, type RequestBuilder } from '../../helpers/request';
import { requireText } from '../../helpers/validation';
import { routingIdOf } from './command';

export const mandateGetNotificationDescription: INodeProperties[] = [
	{
		displayName: 'Notification ID',
		name: 'notificationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1957069',
		description:
			"The notification's ID from Send Pre-Debit Notification, or your Object Reference ID of it",
		displayOptions: { show: { resource: ['mandate'], operation: ['getNotification'] } },
	},
];

export const buildMandateGetNotification: RequestBuilder = function () {
	const notificationId = requireText(
		this.getNodeParameter('notificationId', ''),
		'Notification ID',
	);
	return {
		path: `/notifications/${pathSegment(notificationId)}`,
		routingId: routingIdOf(this, notificationId),
	};
};
