/** Types for the plain-JS sandbox, so TypeScript tests can use it. */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	rawBody: string;
	/** The form body (application/x-www-form-urlencoded requests), else null. */
	form: Record<string, string> | null;
	/** The JSON body (application/json requests), else null; null too when it is not valid JSON. */
	json: unknown;
}

/** A route of the sandbox (see README.md, "How to add a domain"). */
export interface Route {
	method: string;
	pattern: RegExp;
	kind: 'api' | 'control';
	query?: string[];
	body?: 'form' | 'json';
	handler(request: {
		params: Record<string, string>;
		query: Record<string, string>;
		body?: Record<string, unknown>;
		rawBody: string;
	}): unknown;
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
	chargeOrder(
		orderId: string,
		options?: { paymentMethodType?: string; paymentMethod?: string },
	): Record<string, unknown>;
	injectFault(fault: Fault): void;
	getOrder(orderId: string): Record<string, unknown> | undefined;
	buildWebhook(eventName: string, orderId: string): Record<string, unknown>;
}

export const DEFAULTS: {
	apiKey: string;
	merchantId: string;
	paymentPageClientId: string;
	host: string;
	port: number;
};

export function createJuspaySandbox(options?: {
	apiKey?: string;
	merchantId?: string;
	/** The one payment_page_client_id POST /session accepts. */
	paymentPageClientId?: string;
	host?: string;
	port?: number;
	log?: boolean;
	sameAmountWindowMs?: number;
	/** The clock (ms since the epoch), for exact timestamps in tests. */
	now?: () => number;
	/** Routes added after Juspay's, for tests of the plumbing only. */
	extraRoutes?: Route[];
}): JuspaySandbox;
