import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { optionalUnixSeconds, requireAfter, requireFuture } from '../helpers/dates';
import { InvalidParameterError, requireAmount } from '../helpers/validation';

/**
 * "Set Up Mandate": the fields that make an order (Order › Create, Payment Link › Create) also
 * register a mandate (Juspay API reference, Mandates › Registration). One description and one
 * builder, so each operation attaches it in two lines:
 *
 *   properties: mandateSetupProperty({ show: { resource: ['order'], operation: ['create'] } })
 *   body:       Object.assign(form, mandateSetupFields(this.getNodeParameter('mandateSetup', {}), …))
 */

/** Juspay's mandate.frequency values and how the node names them. */
const FREQUENCY_NAMES = {
	ASPRESENTED: 'As Presented',
	BIMONTHLY: 'Bimonthly',
	DAILY: 'Daily',
	FORTNIGHTLY: 'Fortnightly',
	HALFYEARLY: 'Half Yearly',
	MONTHLY: 'Monthly',
	ONETIME: 'One Time',
	QUARTERLY: 'Quarterly',
	WEEKLY: 'Weekly',
	YEARLY: 'Yearly',
} as const;

export const MANDATE_FREQUENCIES = Object.keys(FREQUENCY_NAMES);

/** rule_value ranges by frequency (NPCI UPI AutoPay rules, as Juspay documents them). */
const RULE_VALUE_RANGE: Record<string, [number, number]> = {
	WEEKLY: [1, 7],
	FORTNIGHTLY: [1, 16],
	MONTHLY: [1, 31],
	BIMONTHLY: [1, 31],
	QUARTERLY: [1, 31],
	HALFYEARLY: [1, 31],
	YEARLY: [1, 31],
};

export function mandateSetupProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Set Up Mandate',
		name: 'mandateSetup',
		type: 'collection',
		placeholder: 'Add Mandate Field',
		default: {},
		displayOptions,
		description:
			'Register a mandate (UPI AutoPay, e-NACH or card standing instruction) when the customer pays, for later debits with Mandate › Charge. Needs a Customer ID.',
		options: [
			{
				displayName: 'Amount Rule',
				name: 'amountRule',
				type: 'options',
				options: [
					{
						name: 'Variable',
						value: 'VARIABLE',
						description: 'Each debit up to the maximum amount',
					},
					{ name: 'Fixed', value: 'FIXED', description: 'Each debit exactly the maximum amount' },
				],
				default: 'VARIABLE',
			},
			{
				displayName: 'Block Funds',
				name: 'blockFunds',
				type: 'boolean',
				default: false,
				description:
					'Whether to block the amount in the account until the debit (only for One Time mandates)',
			},
			{
				displayName: 'Create Mandate',
				name: 'createMandate',
				type: 'options',
				options: [
					{
						name: 'Required',
						value: 'REQUIRED',
						description: 'The customer can only pay by setting up a mandate',
					},
					{
						name: 'Optional',
						value: 'OPTIONAL',
						description: 'The customer may set up a mandate while paying',
					},
				],
				default: 'REQUIRED',
				description: 'Sent as options.create_mandate; the other fields apply only with it',
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'When the mandate ends; in the future, after the start date',
			},
			{
				displayName: 'Frequency',
				name: 'frequency',
				type: 'options',
				options: Object.entries(FREQUENCY_NAMES).map(([value, name]) => ({ name, value })),
				default: 'ASPRESENTED',
				description:
					'How often the mandate may be debited; As Presented means whenever you charge it',
			},
			{
				displayName: 'Maximum Amount',
				name: 'maxAmount',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1500',
				description:
					'The most one debit may take (Variable), or every debit (Fixed); at least 1, at most two decimals. Required with Create Mandate.',
			},
			{
				displayName: 'Revokable by Customer',
				name: 'revokableByCustomer',
				type: 'boolean',
				default: true,
				description: 'Whether the customer may revoke the mandate from their bank or UPI app',
			},
			{
				displayName: 'Rule Type',
				name: 'ruleType',
				type: 'options',
				options: [
					{ name: 'On', value: 'ON', description: 'Debit on the Rule Value day' },
					{ name: 'Before', value: 'BEFORE', description: 'Debit on or before the Rule Value day' },
					{ name: 'After', value: 'AFTER', description: 'Debit on or after the Rule Value day' },
				],
				default: 'ON',
				description:
					'With Rule Value: which day of the period debits happen; not for Daily, One Time or As Presented',
			},
			{
				displayName: 'Rule Value',
				name: 'ruleValue',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, maxValue: 31 },
				description:
					'The day of the period: 1–7 for Weekly, 1–16 for Fortnightly, 1–31 for Monthly and longer',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'When the mandate starts: today or later (Juspay uses today when empty)',
			},
		],
	};
}

export interface MandateSetupInput {
	createMandate?: unknown;
	maxAmount?: unknown;
	amountRule?: unknown;
	frequency?: unknown;
	startDate?: unknown;
	endDate?: unknown;
	ruleType?: unknown;
	ruleValue?: unknown;
	revokableByCustomer?: unknown;
	blockFunds?: unknown;
}

export interface MandateSetupContext {
	timeZone: string;
	nowSeconds: number;
}

function refuse(message: string, description: string): never {
	throw new InvalidParameterError(message, description);
}

const SECONDS_PER_DAY = 86400;

/**
 * The Set Up Mandate fields as Juspay's flat keys (`options.create_mandate`, `mandate.*`), all
 * text, checked against the documented combinations. An empty group gives {}: no mandate.
 */
export function mandateSetupFields(
	input: MandateSetupInput,
	{ timeZone, nowSeconds }: MandateSetupContext,
): Record<string, string> {
	const given = Object.entries(input).filter(([, v]) => v !== undefined && v !== '');
	if (given.length === 0) return {};
	const createMandate = input.createMandate;
	if (createMandate === undefined || createMandate === '') {
		refuse(
			'Set Up Mandate has fields but no Create Mandate',
			'Add Create Mandate (Required or Optional) to Set Up Mandate, or remove its other fields',
		);
	}
	if (createMandate !== 'REQUIRED' && createMandate !== 'OPTIONAL') {
		refuse(
			`The Create Mandate ${String(createMandate)} is not valid`,
			'Choose Required or Optional',
		);
	}
	if (input.maxAmount === undefined || input.maxAmount === '' || input.maxAmount === 0) {
		refuse(
			'Set Up Mandate needs a Maximum Amount',
			'Add Maximum Amount: the most one debit of this mandate may take, at least 1',
		);
	}
	const maxAmount = requireAmount(input.maxAmount, 'Maximum Amount');
	if (Number(maxAmount) < 1) {
		refuse(
			`The Maximum Amount ${maxAmount} is below 1`,
			'Juspay needs a mandate maximum amount of at least 1',
		);
	}
	const fields: Record<string, string> = {
		'options.create_mandate': createMandate,
		'mandate.max_amount': maxAmount,
	};
	const amountRule = input.amountRule;
	if (amountRule !== undefined) {
		if (amountRule !== 'FIXED' && amountRule !== 'VARIABLE') {
			refuse(`The Amount Rule ${String(amountRule)} is not valid`, 'Choose Fixed or Variable');
		}
		fields['mandate.amount_rule'] = amountRule;
	}
	const frequency = input.frequency === undefined ? undefined : String(input.frequency);
	if (frequency !== undefined) {
		if (!MANDATE_FREQUENCIES.includes(frequency)) {
			refuse(
				`The Frequency ${frequency} is not valid`,
				`Choose one of ${MANDATE_FREQUENCIES.join(', ')}`,
			);
		}
		fields['mandate.frequency'] = frequency;
	}

	const start = optionalUnixSeconds(input.startDate, 'Start Date', timeZone);
	if (start !== undefined) {
		// Juspay wants today or later; a start earlier today is still "today".
		const startOfTodayUtc = nowSeconds - (nowSeconds % SECONDS_PER_DAY);
		if (start < startOfTodayUtc) {
			refuse(
				`The Start Date ${new Date(start * 1000).toISOString()} is in the past`,
				'Juspay needs a mandate start date of today or later: pick a later date, or leave Start Date empty for today',
			);
		}
		fields['mandate.start_date'] = String(start);
	}
	const end = optionalUnixSeconds(input.endDate, 'End Date', timeZone);
	if (end !== undefined) {
		requireFuture(end, 'End Date', nowSeconds);
		if (start !== undefined) requireAfter(end, 'End Date', start, 'Start Date');
		fields['mandate.end_date'] = String(end);
	}

	const hasRuleType = input.ruleType !== undefined;
	const hasRuleValue = input.ruleValue !== undefined;
	if (hasRuleType || hasRuleValue) {
		if (!(hasRuleType && hasRuleValue)) {
			refuse(
				'Rule Type and Rule Value go together',
				'Add both Rule Type and Rule Value to Set Up Mandate, or neither',
			);
		}
		const range = frequency === undefined ? undefined : RULE_VALUE_RANGE[frequency];
		if (!range) {
			refuse(
				`Rule Type and Rule Value do not apply to the Frequency ${frequency ?? 'As Presented (the default)'}`,
				'Use them with Weekly, Fortnightly, Monthly, Bimonthly, Quarterly, Half Yearly or Yearly, or remove them',
			);
		}
		const ruleType = String(input.ruleType);
		if (!['ON', 'BEFORE', 'AFTER'].includes(ruleType)) {
			refuse(`The Rule Type ${ruleType} is not valid`, 'Choose On, Before or After');
		}
		const ruleValue = Number(input.ruleValue);
		if (!Number.isInteger(ruleValue) || ruleValue < range[0] || ruleValue > range[1]) {
			refuse(
				`The Rule Value ${String(input.ruleValue)} is out of range for ${frequency}`,
				`For ${frequency}, Rule Value is a whole number from ${range[0]} to ${range[1]}`,
			);
		}
		fields['mandate.rule_type'] = ruleType;
		fields['mandate.rule_value'] = String(ruleValue);
	}

	if (input.revokableByCustomer !== undefined) {
		fields['mandate.revokable_by_customer'] = String(Boolean(input.revokableByCustomer));
	}
	if (input.blockFunds !== undefined) {
		const blockFunds = Boolean(input.blockFunds);
		if (blockFunds && frequency !== 'ONETIME') {
			refuse(
				'Block Funds is only for One Time mandates',
				'Set Frequency to One Time, or turn Block Funds off: Juspay blocks funds only for a single debit',
			);
		}
		fields['mandate.block_funds'] = String(blockFunds);
	}
	return fields;
}

/** The same fields typed for a JSON body (POST /session): booleans as booleans. */
export function mandateSetupJson(
	input: MandateSetupInput,
	context: MandateSetupContext,
): Record<string, string | boolean> {
	const json: Record<string, string | boolean> = {};
	for (const [key, value] of Object.entries(mandateSetupFields(input, context))) {
		json[key] =
			key === 'mandate.revokable_by_customer' || key === 'mandate.block_funds'
				? value === 'true'
				: value;
	}
	return json;
}
