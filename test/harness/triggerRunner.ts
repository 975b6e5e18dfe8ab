/**
 * Runs the Juspay Trigger's webhook through n8n-core's real WebhookContext behind a local HTTP
 * server, answering as n8n does: the node's own response, or 200 when it starts the workflow.
 * `restart()` drops the node module (its in-process memory) but keeps the workflow's static
 * data, as an n8n restart does.
 */
import { WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { startWebhookServer, type WebhookRequest, type WebhookResponse } from './webhookServer';
import { TestCredentialsHelper } from './workflowRunner';

type TriggerModule = typeof import('../../nodes/JuspayTrigger/JuspayTrigger.node');

function loadTriggerModule(): TriggerModule {
	let loaded: TriggerModule | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('../../nodes/JuspayTrigger/JuspayTrigger.node') as TriggerModule;
	});
	return loaded as TriggerModule;
}

export interface TriggerHarness {
	url: string;
	/** Items of every workflow run the trigger started, in order. */
	started: INodeExecutionData[][];
	staticData: IDataObject;
	restart(): void;
	close(): Promise<void>;
}

export async function startTrigger(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
}): Promise<TriggerHarness> {
	let triggerModule = loadTriggerModule();
	let trigger: INodeType = new triggerModule.JuspayTrigger();
	const started: INodeExecutionData[][] = [];
	let savedStaticData: IDataObject = {};
	const node: INode = {
		id: 'juspay-trigger-1',
		name: 'Juspay Trigger',
		type: 'n8n-nodes-juspay.juspayTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5b2f4e0c-8f7e-4a57-9d1f-0f6a1c2b3d4e',
		parameters: options.parameters,
		credentials: { juspayApi: { id: 'cred-1', name: 'Juspay account' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => trigger,
		getByNameAndVersion: () => trigger,
		getKnownTypes: () => ({}),
	};

	async function handle(request: WebhookRequest, response: WebhookResponse) {
		// n8n loads the workflow, with its static data, for each request.
		const workflow = new Workflow({
			id: 'wf-trigger',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(savedStaticData)) as IDataObject,
		});
		const additionalData = {
			credentialsHelper: new TestCredentialsHelper({ 'cred-1': options.credentials }),
			httpRequest: request,
			httpResponse: response,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			webhookBaseUrl: 'http://127.0.0.1/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
			formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
			variables: {},
			currentNodeExecutionIndex: 0,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
			workflowId: 'wf-trigger',
			workflowExecuteAdditionalData: additionalData,
		} as unknown as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);

		const result: IWebhookResponseData = await (
			trigger.webhook as NonNullable<INodeType['webhook']>
		).call(context);

		if (workflow.staticData.__dataChanged)
			savedStaticData = JSON.parse(JSON.stringify(workflow.staticData));
		if (result.noWebhookResponse) return;
		if (result.workflowData) {
			started.push(result.workflowData[0]);
			response.status(200).json({ message: 'Workflow was started' });
			return;
		}
		response
			.status(200)
			.json((result.webhookResponse as IDataObject) ?? { message: 'Webhook call received' });
	}

	const server = await startWebhookServer(handle);
	return {
		url: server.url,
		started,
		get staticData() {
			return savedStaticData;
		},
		restart() {
			triggerModule = loadTriggerModule();
			trigger = new triggerModule.JuspayTrigger();
		},
		close: server.close,
	};
}
