import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The small shapes behind the Simplify switch (at most 10 fields each, documented in the README).
 * Customers get the gateway-neutral shape a multi-gateway app keeps; orders keep Juspay's names.
 */

export function simplifyCustomer(customer: IDataObject): IDataObject {
	return {
		id: customer.id ?? null,
		reference_id: customer.object_reference_id ?? null,
		email: customer.email_address ?? null,
		phone: customer.mobile_number ?? null,
		phone_country_code: customer.mobile_country_code ?? null,
		first_name: customer.first_name ?? null,
		last_name: customer.last_name ?? null,
		created_at: customer.date_created ?? null,
		updated_at: customer.last_updated ?? null,
	};
}

export function simplifyRefund(refund: IDataObject): IDataObject {
	return {
		id: refund.id ?? null,
		unique_request_id: refund.unique_request_id ?? null,
		status: refund.status ?? null,
		amount: refund.amount ?? null,
	};
}

export function simplifyOrder(order: IDataObject): IDataObject {
	const refunds = Array.isArray(order.refunds) ? (order.refunds as IDataObject[]) : [];
	const txnDetail = (order.txn_detail ?? {}) as IDataObject;
	return {
		order_id: order.order_id ?? null,
		status: order.status ?? null,
		status_id: order.status_id ?? null,
		amount: order.amount ?? null,
		amount_refunded: order.amount_refunded ?? 0,
		currency: order.currency ?? null,
		customer_id: order.customer_id ?? null,
		payment_method_type: order.payment_method_type ?? null,
		txn_id: order.txn_id ?? txnDetail.txn_id ?? null,
		refunds: refunds.map(simplifyRefund),
	};
}

function simplifyWhenAsked(shape: (json: IDataObject) => IDataObject) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (!this.getNodeParameter('simplify', false)) return items;
		return items.map((item) => ({ ...item, json: shape(item.json) }));
	};
}

/** postReceive steps: a no-op unless the user turned Simplify on. */
export const simplifyCustomerOutput = simplifyWhenAsked(simplifyCustomer);
export const simplifyOrderOutput = simplifyWhenAsked((json) => {
	const simple = simplifyOrder(json);
	// A refund's output says whether it was a replay of one Juspay already had.
	return 'replayed' in json ? { ...simple, replayed: json.replayed } : simple;
});

/**
 * A mandate in one shape whichever call returned it: Juspay says `status` in Mandate Status and
 * the mandate list, but `mandate_status` in pause, resume, revoke and an order's `mandate`.
 */
export function simplifyMandate(mandate: IDataObject): IDataObject {
	const paymentInfo = (
		mandate.payment_info !== null && typeof mandate.payment_info === 'object'
			? mandate.payment_info
			: {}
	) as IDataObject;
	return {
		mandate_id: mandate.mandate_id ?? null,
		status: mandate.status ?? mandate.mandate_status ?? null,
		mandate_type: mandate.mandate_type ?? null,
		amount_rule: mandate.amount_rule ?? null,
		max_amount: mandate.max_amount ?? null,
		frequency: mandate.frequency ?? null,
		start_date: mandate.start_date ?? null,
		end_date: mandate.end_date ?? null,
		customer_id: mandate.customer_id ?? null,
		payment_method_type: paymentInfo.payment_method_type ?? null,
	};
}

export function simplifyNotification(notification: IDataObject): IDataObject {
	const sourceInfo = (notification.source_info ?? {}) as IDataObject;
	const mandate = (notification.mandate ?? {}) as IDataObject;
	return {
		id: notification.id ?? null,
		object_reference_id: notification.object_reference_id ?? null,
		status: notification.status ?? null,
		mandate_id: mandate.mandate_id ?? null,
		amount: sourceInfo.amount ?? null,
		txn_date: sourceInfo.txn_date ?? null,
		description: notification.description ?? null,
		provider_name: notification.provider_name ?? null,
		date_created: notification.date_created ?? null,
		last_updated: notification.last_updated ?? null,
	};
}

export const simplifyMandateOutput = simplifyWhenAsked(simplifyMandate);
export const simplifyNotificationOutput = simplifyWhenAsked((json) => {
	const simple = simplifyNotification(json);
	return 'replayed' in json ? { ...simple, replayed: json.replayed } : simple;
});

/** A payment link: the link to send (read from Juspay, never built: its shape differs by tenant). */
export function simplifyPaymentLink(session: IDataObject): IDataObject {
	const links = (session.payment_links ?? {}) as IDataObject;
	const simple: IDataObject = {
		order_id: session.order_id ?? null,
		status: session.status ?? null,
		link: links.web ?? null,
		link_expires_at: links.expiry ?? session.order_expiry ?? null,
		id: session.id ?? null,
	};
	if ('replayed' in session) simple.replayed = session.replayed;
	return simple;
}

export const simplifyPaymentLinkOutput = simplifyWhenAsked(simplifyPaymentLink);

/** Refund Transaction's one refund object (not the order). */
export function simplifyTransactionRefund(refund: IDataObject): IDataObject {
	const simple: IDataObject = {
		unique_request_id: refund.unique_request_id ?? null,
		order_id: refund.order_id ?? null,
		txn_id: refund.txn_id ?? null,
		status: refund.status ?? null,
		amount: refund.amount ?? null,
		refund_type: refund.refund_type ?? null,
		created_at: refund.created ?? null,
	};
	if ('replayed' in refund) simple.replayed = refund.replayed;
	return simple;
}

export const simplifyTransactionRefundOutput = simplifyWhenAsked(simplifyTransactionRefund);

/** Create or Update keeps its created/updated/unchanged marker when simplified. */
export const simplifyUpsertedCustomerOutput = simplifyWhenAsked((json) => ({
	...simplifyCustomer(json),
	action: json.action ?? null,
}));
