import type { INodeProperties } from 'n8n-workflow';

import { optionalUnixSeconds, requireFuture } from '../../helpers/dates';
import type { RequestBuilder } from '../../helpers/request';
import { mandateCommand, mandateIdOf, NOW_TOLERANCE_SECONDS, nowInSeconds } from './command';

export const mandateResumeDescription: INodeProperties[] = [
	{
		displayName: 'Resume Date',
		name: 'resumeDate',
		type: 'dateTime',
		default: '',
		description: 'When the mandate becomes Active again; leave empty to resume now',
		displayOptions: { show: { resource: ['mandate'], operation: ['resume'] } },
	},
];

export const buildMandateResume: RequestBuilder = function () {
	const mandateId = mandateIdOf(this);
	const date = optionalUnixSeconds(
		this.getNodeParameter('resumeDate', ''),
		'Resume Date',
		this.getTimezone(),
	);
	if (date !== undefined)
		requireFuture(date, 'Resume Date', nowInSeconds() - NOW_TOLERANCE_SECONDS);
	return mandateCommand(this, mandateId, 'resume', { resume_date: date });
};
