import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { FormValue } from '../../../shared/wire';
import { optionalText, pathSegment, type JuspayRequest } from '../../helpers/request';
import { requireText } from '../../helpers/validation';

/**
 * Juspay manages a mandate through one endpoint, POST /mandates/{mandate_id}, choosing the action
 * with `command` (check_status, pause, resume, revoke, pre_debit_notify).
 */
export function mandateIdOf(context: IExecuteSingleFunctions): string {
	return requireText(context.getNodeParameter('mandateId', ''), 'Mandate ID');
}

/** x-routing-id: the customer when given (as Juspay recommends), else the id of what is asked. */
export function routingIdOf(context: IExecuteSingleFunctions, fallback: string): string {
	return optionalText(context.getNodeParameter('customerId', '')) ?? fallback;
}

export function mandateCommand(
	context: IExecuteSingleFunctions,
	mandateId: string,
	command: string,
	fields: Record<string, FormValue> = {},
): JuspayRequest {
	return {
		path: `/mandates/${pathSegment(mandateId)}`,
		routingId: routingIdOf(context, mandateId),
		form: { command, ...fields },
	};
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * A date the user means as "now" (e.g. {{ $now }}) is a few seconds old by the time it is sent;
 * Juspay's "now or later" dates allow that much.
 */
export const NOW_TOLERANCE_SECONDS = 300;
