import type { RequestBuilder } from '../../helpers/request';
import { mandateCommand, mandateIdOf } from './command';

export const buildMandateGet: RequestBuilder = function () {
	return mandateCommand(this, mandateIdOf(this), 'check_status');
};
