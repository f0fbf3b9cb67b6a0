/**
 * Runs our nodes inside n8n-core's real execution engine (WorkflowExecute), the way n8n runs them:
 * parameters are resolved (expressions included), credentials go through a credentials helper that
 * applies our credential's `authenticate` block, and HTTP goes through n8n-core's real request helper.
 */
import { ExecutionLifecycleHooks, ExternalSecretsProxy, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { ICredentialsHelper, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IConnections,
} from 'n8n-workflow';

import { BillogetApi } from '../../credentials/BillogetApi.credentials';
import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { assertNoSecrets, registerSecret } from './secrets';

export const PACKAGE = 'n8n-nodes-billoget';
export const BILLOGET_TYPE = `${PACKAGE}.billoget`;
export const START_TYPE = 'test.start';

/** A manual-trigger stand-in that emits the items given in its `items` parameter. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }] as INodeProperties[],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0, []) as unknown;
		const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [list.map((json) => ({ json }))];
	}
}

export function nodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const types: Record<string, INodeType> = {
		[START_TYPE]: new StartNode(),
		[BILLOGET_TYPE]: new Billoget(),
		...extra,
	};
	return {
		getByName: (type: string) => types[type],
		getByNameAndVersion: (type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(types[type], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

const credentialType = new BillogetApi();

/** Resolves `{{$credentials.x}}` in the credential's generic authenticate block, as n8n does. */
function resolveTemplate(template: string, data: ICredentialDataDecryptedObject): string {
	const text = template.startsWith('=') ? template.slice(1) : template;
	return text.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, name: string) => String(data[name] ?? ''));
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
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
		if (typeName !== credentialType.name) return requestOptions;
		const headers = (credentialType.authenticate.properties.headers ?? {}) as Record<string, string>;
		const resolved: IDataObject = {};
		for (const [name, template] of Object.entries(headers)) resolved[name] = resolveTemplate(template, credentials);
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...resolved } };
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials for ${type}`);
		return data;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export interface BillogetCredentials {
	apiKey: string;
	baseUrl: string;
	webhookSigningSecret?: string;
}

export function additionalDataFor(
	credentials: BillogetCredentials,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const base = 'https://n8n.example.test';
	return {
		credentialsHelper: new TestCredentialsHelper({ billogetApi: { ...credentials } }),
		hooks,
		executionId: 'test-execution',
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used in these tests');
		},
		externalSecretsProxy: new ExternalSecretsProxy(),
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		formBaseUrl: `${base}/form`,
		formTestBaseUrl: `${base}/form-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
	} as IWorkflowExecuteAdditionalData;
}

export interface NodeRunResult {
	status: IRun['status'];
	/** Output items of the Billoget node (first output). */
	items: INodeExecutionData[];
	/** The error the run ended with, as a plain object (name, message, description, httpCode, …). */
	error?: IDataObject;
	run: IRun;
}

export interface RunNodeOptions {
	parameters: IDataObject;
	credentials: BillogetCredentials;
	/** Items that enter the Billoget node (default: one empty item). */
	items?: object[];
	continueOnFail?: boolean;
	nodeType?: string;
	extraTypes?: Record<string, INodeType>;
}

/** Runs Start → Billoget through WorkflowExecute and returns what the Billoget node produced. */
export async function runBillogetNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const nodeName = 'Billoget';
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: START_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: (options.items ?? [{}]) as unknown as IDataObject[] } as INode['parameters'],
		},
		{
			id: 'billoget',
			name: nodeName,
			type: options.nodeType ?? BILLOGET_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	registerSecret(options.credentials.apiKey, options.credentials.webhookSigningSecret);
	const run = await runWorkflow(nodes, connections, options.credentials, options.extraTypes);
	// The whole run (output items, errors with their descriptions, node parameters) and n8n's log lines.
	assertNoSecrets('A Billoget node run', run);
	const runData = run.data.resultData.runData[nodeName];
	const items = runData?.[0]?.data?.main?.[0] ?? [];
	const error = run.data.resultData.error as unknown as IDataObject | undefined;
	return { status: run.status, items, error, run };
}

export async function runWorkflow(
	nodes: INode[],
	connections: IConnections,
	credentials: BillogetCredentials,
	extraTypes: Record<string, INodeType> = {},
): Promise<IRun> {
	const workflowData = {
		id: 'wf-test',
		name: 'Billoget test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
	};
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const workflow = new Workflow({
		id: workflowData.id,
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypes(extraTypes),
		settings: { executionOrder: 'v1' },
		staticData: {},
	});
	const additionalData = additionalDataFor(credentials, hooks);
	// The first node starts the run (our Start stand-in is not one of n8n's own trigger types).
	return await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: nodes[0] });
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/**
 * Calls one of the Billoget node's list searches (the "From List" mode of a resource locator) through
 * n8n-core's LoadOptionsContext, as the editor does when the user opens or filters the list.
 */
export async function searchList(
	method: keyof Billoget['methods']['listSearch'],
	credentials: BillogetCredentials,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'billoget',
		name: 'Billoget',
		type: BILLOGET_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes() });
	registerSecret(credentials.apiKey);
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(credentials), 'parameters');
	const search = new Billoget().methods.listSearch[method];
	const result = await search.call(context, filter, paginationToken);
	assertNoSecrets('A list search', result);
	return result;
}
