import type { INodeProperties } from 'n8n-workflow';

import { optionalUnixSeconds, requireAfter, requireFuture } from '../../helpers/dates';
import type { RequestBuilder } from '../../helpers/request';
import { mandateCommand, mandateIdOf, NOW_TOLERANCE_SECONDS, nowInSeconds } from './command';

const showOnlyForPause = { resource: ['mandate'], operation: ['pause'] };

export const mandatePauseDescription: INodeProperties[] = [
	{
		displayName: 'Pause Start Date',
		name: 'pauseStartDate',
		type: 'dateTime',
		default: '',
		description: 'When the pause begins; leave empty to pause now',
		displayOptions: { show: showOnlyForPause },
	},
	{
		displayName: 'Pause End Date',
		name: 'pauseEndDate',
		type: 'dateTime',
		default: '',
		description:
			"When the mandate becomes Active again by itself; in the future, after the start. Leave empty to pause until the mandate's end date.",
		displayOptions: { show: showOnlyForPause },
	},
];

export const buildMandatePause: RequestBuilder = function () {
	const mandateId = mandateIdOf(this);
	const timeZone = this.getTimezone();
	const now = nowInSeconds();
	const start = optionalUnixSeconds(
		this.getNodeParameter('pauseStartDate', ''),
		'Pause Start Date',
		timeZone,
	);
	if (start !== undefined) requireFuture(start, 'Pause Start Date', now - NOW_TOLERANCE_SECONDS);
	const end = optionalUnixSeconds(
		this.getNodeParameter('pauseEndDate', ''),
		'Pause End Date',
		timeZone,
	);
	if (end !== undefined) {
		requireFuture(end, 'Pause End Date', now);
		if (start !== undefined) requireAfter(end, 'Pause End Date', start, 'Pause Start Date');
	}
	return mandateCommand(this, mandateId, 'pause', { pause_start_date: start, pause_end_date: end });
};
