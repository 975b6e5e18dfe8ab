import type { RequestBuilder } from '../../helpers/request';
import { mandateCommand, mandateIdOf } from './command';

export const buildMandateRevoke: RequestBuilder = function () {
	return mandateCommand(this, mandateIdOf(this), 'revoke');
};
