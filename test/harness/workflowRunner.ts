/**
 * Runs a node the way n8n does: a Manual Trigger feeding the node under test, executed by
 * n8n-core's WorkflowExecute, which hands declarative nodes to the real RoutingNode. Only the
 * credential store is ours (n8n's lives in its database): it resolves a generic `authenticate`
 * block the way n8n's CredentialsHelper does.
 */
import { DirectoryLoader, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IVersionedNodeType,
	type ExecutionError,
} from 'n8n-workflow';

import { JuspayApi } from '../../credentials/JuspayApi.credentials';
import { Juspay } from '../../nodes/Juspay/Juspay.node';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const JUSPAY = 'n8n-nodes-juspay.juspay';

const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the test workflow',
		defaults: { name: 'When clicking Execute' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

function loadJuspayNode(): INodeType {
	const node = new Juspay();
	// What n8n's loader does to every declarative node: adds the "Request Options" collection.
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType>;

	constructor(nodeUnderTest: INodeType) {
		this.types = { [MANUAL_TRIGGER]: manualTrigger, [JUSPAY]: nodeUnderTest };
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string): INodeType {
		return this.types[name];
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

const credentialTypes: Record<string, ICredentialType> = { juspayApi: new JuspayApi() };

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// n8n's CredentialsHelper calls a credential's authenticate function as is.
		const authenticate = credentialTypes[typeName].authenticate;
		if (typeof authenticate !== 'function')
			throw new Error(`${typeName} has no authenticate function`);
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: { id: string | null; name: string },
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.store[nodeCredentials.id ?? ''] };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type].properties;
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** The items fed to the node (default: one empty item). */
	items?: IDataObject[];
	/** Node settings, e.g. { continueOnFail: true } or { retryOnFail: true, maxTries: 2 }. */
	settings?: Partial<INode>;
	executionId?: string;
	/** Another node type to run in the Juspay node's place (the benchmark's baseline). */
	nodeType?: INodeType;
}

export interface RunResult {
	items: INodeExecutionData[];
	error?: ExecutionError;
	run: IRun;
}

const juspayNodeType = loadJuspayNode();

let executionCounter = 0;

/** Executes Manual Trigger → Juspay once and returns the Juspay node's output or its error. */
export async function runJuspayNode(options: RunOptions): Promise<RunResult> {
	const executionId = options.executionId ?? `test-${++executionCounter}`;
	const trigger: INode = {
		id: 'trigger',
		name: 'Start',
		type: MANUAL_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const juspay: INode = {
		id: 'juspay-node-1',
		name: 'Juspay',
		type: JUSPAY,
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { juspayApi: { id: 'cred-1', name: 'Juspay account' } },
		...options.settings,
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [trigger, juspay],
		connections: { Start: { main: [[{ node: 'Juspay', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: new TestNodeTypes(options.nodeType ?? juspayNodeType),
	});

	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'wf-test',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: workflow.nodes ? Object.values(workflow.nodes) : [],
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const additionalData = {
		executionId,
		hooks,
		credentialsHelper: new TestCredentialsHelper({ 'cred-1': options.credentials }),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: '',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: '',
		mcpBaseUrl: '',
		mcpTestBaseUrl: '',
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;

	const input = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: trigger, data: { main: [input] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData.Juspay?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: taskData?.error ?? run.data.resultData.error,
		run,
	};
}
