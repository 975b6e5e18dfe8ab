/**
 * Runs the Juspay Trigger's webhook through n8n-core's real WebhookContext behind a local HTTP
 * server, answering as n8n does: the node's own response, or 200 when it starts the workflow.
 * `restart()` drops the node module (its in-process memory) but keeps the workflow's static
 * data, as an n8n restart does. `processes: 2` runs two copies of the module (two n8n webhook
 * processes) on one stored static data, each at its own URL.
 *
 * Static data is handled as n8n does it (`live-webhooks.ts`, `workflow-runner.ts`): loaded from
 * the "database" for every request (undefined while nothing was ever saved), saved whole in the
 * response callback only if `__dataChanged`. With `n8n: '2.41.1'` (the default), when the node
 * starts a run, a second `Workflow` is built on the same static-data object before the save
 * (`establishContextForPersistence`), and then the execution is stored (its items serialized)
 * as n8n 2.41.1 does; with `n8n: '1.x'` neither happens.
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
	/** One URL per process. */
	urls: string[];
	/** Items of every workflow run the trigger started, in order. */
	started: INodeExecutionData[][];
	staticData: IDataObject;
	restart(): void;
	close(): Promise<void>;
}

export async function startTrigger(options: {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	processes?: number;
	n8n?: '2.41.1' | '1.x';
}): Promise<TriggerHarness> {
	const n8nVersion = options.n8n ?? '2.41.1';
	const loadTrigger = (): INodeType => new (loadTriggerModule().JuspayTrigger)();
	const triggers = Array.from({ length: options.processes ?? 1 }, loadTrigger);
	const started: INodeExecutionData[][] = [];
	// workflow_entity.staticData: null until the first save
	let savedStaticData: string | null = null;
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
	const nodeTypesOf = (processIndex: number): INodeTypes => ({
		getByName: () => triggers[processIndex],
		getByNameAndVersion: () => triggers[processIndex],
		getKnownTypes: () => ({}),
	});

	async function handle(processIndex: number, request: WebhookRequest, response: WebhookResponse) {
		const trigger = triggers[processIndex];
		const nodeTypes = nodeTypesOf(processIndex);
		// n8n loads the workflow, with its static data, for each request.
		const loaded =
			savedStaticData === null ? undefined : (JSON.parse(savedStaticData) as IDataObject);
		const workflow = new Workflow({
			id: 'wf-trigger',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: loaded,
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

		if (result.workflowData && n8nVersion === '2.41.1') {
			// WorkflowRunner.run: establishContextForPersistence, then ActiveExecutions.add
			// stores the execution with its trigger items.
			new Workflow({
				id: 'wf-trigger',
				nodes: [node],
				connections: {},
				active: true,
				nodeTypes,
				staticData: loaded,
			});
			JSON.stringify(result.workflowData);
		}
		// WorkflowStaticDataService.saveStaticData, in the response callback
		if (workflow.staticData.__dataChanged === true)
			savedStaticData = JSON.stringify(workflow.staticData);
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

	const servers = await Promise.all(
		triggers.map((_, index) =>
			startWebhookServer((request, response) => handle(index, request, response)),
		),
	);
	return {
		url: servers[0].url,
		urls: servers.map((server) => server.url),
		started,
		get staticData() {
			return (savedStaticData === null ? {} : JSON.parse(savedStaticData)) as IDataObject;
		},
		restart() {
			for (let index = 0; index < triggers.length; index++) triggers[index] = loadTrigger();
		},
		close: async () => {
			await Promise.all(servers.map((server) => server.close()));
		},
	};
}
