import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { ALL_EVENTS, eventOptions } from './helpers/events';
import { DEFAULT_MEMORY_SIZE, handleJuspayWebhook } from './helpers/webhook';

export class JuspayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Juspay Trigger',
		name: 'juspayTrigger',
		icon: { light: 'file:../../icons/juspay.svg', dark: 'file:../../icons/juspay.dark.svg' },
		group: ['trigger'],
		version: 1,
		// "All events", the one event selected, or how many: a list of names would be cut off.
		subtitle:
			'={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).length === 1 ? $parameter["events"][0] : ($parameter["events"] || []).length + " events" }}',
		description: 'Starts the workflow when Juspay sends a webhook, such as a payment or refund',
		defaults: { name: 'Juspay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'juspayApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"In the Juspay dashboard, under Payments › Settings › Webhooks, paste the Production URL above and the credential's Webhook Username and Password.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [ALL_EVENTS],
				description:
					'The events that start the workflow; other deliveries are acknowledged and ignored',
				options: eventOptions(),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Confirm With Order Status API',
						name: 'confirmWithApi',
						type: 'boolean',
						default: false,
						description:
							"Whether to fetch the order from Juspay's Order Status API, as Juspay advises, and add a confirmation with the fields that disagree",
					},
					{
						displayName: 'Deduplicate',
						name: 'deduplicate',
						type: 'boolean',
						default: true,
						description:
							'Whether to ignore a delivery whose event ID was already accepted (Juspay may deliver an event more than once). Holds across restarts and across n8n queue-mode webhook processes once the first delivery was answered; two copies reaching two processes at the same moment can both start a run (16 to 20 runs for 10 such pairs in our tests), so route this URL to one webhook process.',
					},
					{
						displayName: 'Drop Unconfirmed Events',
						name: 'dropUnconfirmed',
						type: 'boolean',
						default: false,
						description:
							'Whether to start nothing when the Order Status API disagrees with the webhook or does not know the order',
						displayOptions: { show: { confirmWithApi: [true] } },
					},
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the request headers (without Authorization) to the output',
					},
					{
						displayName: 'Remember Last Events',
						name: 'memorySize',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_MEMORY_SIZE,
						description: 'How many accepted event IDs to remember for de-duplication',
					},
					{
						displayName: 'Signed Webhooks',
						name: 'signedWebhooks',
						type: 'options',
						default: 'off',
						description:
							"Juspay's JWT webhooks, encrypted and signed with the key set chosen as Webhook Encryption Key in the dashboard; the credential holds its Key ID and keys. Basic auth, when set in the credential, is checked as well.",
						options: [
							{
								name: 'Accept',
								value: 'accept',
								description:
									'Signed and plain deliveries, for the migration period; signed ones must verify',
							},
							{
								name: 'Off',
								value: 'off',
								description: 'Plain deliveries only, authenticated by Basic auth',
							},
							{
								name: 'Require',
								value: 'require',
								description:
									'Only signed deliveries that decrypt and verify; plain ones are refused',
							},
						],
					},
				],
			},
		],
	};

	// Juspay webhooks are configured by hand in its dashboard: nothing to register remotely.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleJuspayWebhook.call(this);
	}
}
