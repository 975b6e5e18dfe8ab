export interface WebhookRequest {
	method: string;
	headers: Record<string, string>;
	body: unknown;
	rawBody: Buffer;
}

export interface WebhookResponse {
	headersSent: boolean;
	status(code: number): WebhookResponse;
	json(body: unknown): void;
	send(text: string): void;
}

export function startWebhookServer(
	handle: (request: WebhookRequest, response: WebhookResponse) => Promise<void>,
): Promise<{ url: string; close(): Promise<void> }>;
