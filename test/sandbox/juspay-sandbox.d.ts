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
		mandates: Map<string, Record<string, unknown>>;
		notifications: Map<string, Record<string, unknown>>;
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
	/** A mandate as if registered and paid for (default status ACTIVE). */
	createMandate(mandate: {
		customerId: string;
		maxAmount: number;
		amountRule?: 'FIXED' | 'VARIABLE';
		frequency?: string;
		status?: 'CREATED' | 'ACTIVE' | 'PAUSED' | 'REVOKED' | 'FAILURE' | 'EXPIRED';
	}): Record<string, unknown> & { mandate_id: string; status: string };
	getMandate(mandateId: string): (Record<string, unknown> & { status: string }) | undefined;
	getNotification(idOrReference: string): Record<string, unknown> | undefined;
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
	/** What the gateway answers to pre-debit notifications (default SUCCESS). */
	notificationOutcome?: 'SUCCESS' | 'FAILURE';
	/** Whether POST /txns requires mandate.notification_id (default true: the merchant notifies). */
	mandateNotificationRequired?: boolean;
	/** The clock (ms since the epoch), for exact timestamps in tests. */
	now?: () => number;
	/** Routes added after Juspay's, for tests of the plumbing only. */
	extraRoutes?: Route[];
}): JuspaySandbox;
