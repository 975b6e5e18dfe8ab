import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** Answers the request here and tells n8n not to answer it again (so no workflow starts). */
export function respond(
	context: IWebhookFunctions,
	statusCode: number,
	body: Record<string, unknown>,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(statusCode);
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.json(body);
	return { noWebhookResponse: true };
}
