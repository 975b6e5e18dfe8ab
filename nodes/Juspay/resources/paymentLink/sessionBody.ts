import { paymentFilter, type JsonFieldValue, type PaymentMethodType } from '../../../shared/wire';

/** A payment link's fields once checked, in Juspay's terms but before wire names. */
export interface PaymentLinkInput {
	orderId: string;
	amount: string;
	currency: string;
	customerId: string;
	customerEmail: string;
	customerPhone: string;
	returnUrl: string;
	paymentPageClientId: string;
	description?: string;
	firstName?: string;
	lastName?: string;
	expiryInMins?: number;
	sendMail?: boolean;
	sendSms?: boolean;
	paymentMethods?: PaymentMethodType[];
	gatewayId?: string;
	udf: Record<string, string | undefined>;
}

export type SessionBody = Record<string, JsonFieldValue>;

/**
 * The JSON body of `POST /session` with `action: paymentPage` (Juspay's hosted payment page).
 * Pure, and the one place that names the Session API's fields: an option group for another
 * kind of link (e.g. a mandate set-up) adds its keys to the returned object.
 */
export function buildSessionBody(input: PaymentLinkInput): SessionBody {
	const body: SessionBody = {
		order_id: input.orderId,
		amount: input.amount,
		currency: input.currency,
		customer_id: input.customerId,
		customer_email: input.customerEmail,
		customer_phone: input.customerPhone,
		payment_page_client_id: input.paymentPageClientId,
		action: 'paymentPage',
		return_url: input.returnUrl,
		description: input.description,
		first_name: input.firstName,
		last_name: input.lastName,
		gateway_id: input.gatewayId,
		send_mail: input.sendMail,
		send_sms: input.sendSms,
		// Minutes as text, the way Juspay's samples carry every metadata.* value.
		'metadata.expiryInMins':
			input.expiryInMins === undefined ? undefined : String(input.expiryInMins),
		payment_filter: input.paymentMethods?.length ? paymentFilter(input.paymentMethods) : undefined,
	};
	for (const [key, value] of Object.entries(input.udf)) body[key] = value;
	return body;
}
