/** Types for the plain-JS sandbox, so TypeScript tests can use it. */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	rawBody: string;
	form: Record<string, string> | null;
}

export interface Fault {
	method?: string;
	path: string | RegExp;
	status?: number | null;
	body?: unknown;
	afterCommit?: boolean;
	delayMs?: number;
	times?: number;
}

export interface JuspaySandbox {
	url: string;
	port: number;
	apiKey: string;
	merchantId: string;
	requests: RecordedRequest[];
	state: {
		customers: Map<string, Record<string, unknown>>;
		orders: Map<string, Record<string, unknown>>;
	};
	start(): Promise<{ url: string; port: number }>;
	stop(): Promise<void>;
	reset(): void;
	clearRequests(): void;
	clearFaults(): void;
	chargeOrder(
		orderId: string,
		options?: { paymentMethodType?: string; paymentMethod?: string },
	): Record<string, unknown>;
	injectFault(fault: Fault): void;
	getOrder(orderId: string): Record<string, unknown> | undefined;
	getCustomer(id: string): Record<string, unknown> | undefined;
	buildWebhook(eventName: string, orderId: string): Record<string, unknown>;
	deliverWebhook(
		eventName: string,
		orderId: string,
		options: { url: string; username?: string; password?: string; timeoutMs?: number },
	): Promise<{ status: number; body: string; event: Record<string, unknown> }>;
}

export const DEFAULTS: { apiKey: string; merchantId: string; host: string; port: number };

export function createJuspaySandbox(options?: {
	apiKey?: string;
	merchantId?: string;
	host?: string;
	port?: number;
	log?: boolean;
	sameAmountWindowMs?: number;
}): JuspaySandbox;
