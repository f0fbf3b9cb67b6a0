/**
 * Runs the Billoget node as an AI-agent tool through n8n-core's own tool path: a stand-in for the AI
 * Agent / MCP Server Trigger asks n8n-core for its connected tools (`getInputConnectionData`), which
 * builds the tool from the node (its `$fromAI()` parameters become the input schema) and runs the node
 * in a SupplyDataContext when the tool is invoked, exactly as for a model's tool call.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { PACKAGE, START_TYPE, runWorkflow } from './engine';
import type { BillogetCredentials } from './engine';
import { assertNoSecrets, registerSecret } from './secrets';

export const BILLOGET_TOOL_TYPE = `${PACKAGE}.billogetTool`;
const CALLER_TYPE = 'test.toolCaller';

/**
 * The tool variant of a node that is usable as a tool, built the way n8n's node loader builds it: the
 * type name gets "Tool" appended, no main input, one ai_tool output, and a Tool Description field.
 */
export function toolVariant(node: INodeType): INodeType {
	const source = node.description;
	const description: INodeTypeDescription = {
		...source,
		name: `${source.name}Tool`,
		displayName: `${source.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			...source.properties,
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: source.description,
				displayOptions: { show: { descriptionType: ['manual'] } },
			},
		] as INodeProperties[],
	};
	delete description.usableAsTool;
	return Object.assign(Object.create(Object.getPrototypeOf(node) as object) as INodeType, node, { description });
}

interface CallableTool {
	name: string;
	description: string;
	invoke(args: IDataObject): Promise<unknown>;
}

/** The AI Agent's part: takes the connected tools from n8n-core and calls them as `calls` says. */
class ToolCaller implements INodeType {
	description = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls its connected tools with given arguments',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '[]' }] as INodeProperties[],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as CallableTool[];
		const raw = this.getNodeParameter('calls', 0, []) as unknown;
		const calls = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ tool: string; args: IDataObject }>;
		const output: INodeExecutionData[] = [];
		for (const call of calls) {
			const tool = tools.find((candidate) => candidate.name === call.tool);
			if (!tool) throw new Error(`no tool ${call.tool} among ${tools.map((t) => t.name).join(', ')}`);
			try {
				const answer = await tool.invoke(call.args);
				output.push({ json: { tool: call.tool, answer: JSON.parse(String(answer)) as IDataObject } });
			} catch (error) {
				output.push({ json: { tool: call.tool, error: (error as Error).message } });
			}
		}
		return [output];
	}
}

export interface ToolCallResult {
	tool: string;
	/** The parsed answer the model would read. */
	answer?: IDataObject | IDataObject[];
	/** The error message the model would read when the call failed. */
	error?: string;
}

/**
 * Connects one Billoget tool node (named `toolName`, with `parameters` using `$fromAI()`) to the
 * caller and makes the given calls, each as one tool invocation.
 */
export async function callBillogetTool(options: {
	toolName: string;
	parameters: IDataObject;
	calls: IDataObject[];
	credentials: BillogetCredentials;
}): Promise<ToolCallResult[]> {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: START_TYPE, typeVersion: 1, position: [0, 0], parameters: { items: [{}] } as unknown as INode['parameters'] },
		{
			id: 'caller',
			name: 'Tool Caller',
			type: CALLER_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { calls: options.calls.map((args) => ({ tool: options.toolName.replace(/[^a-zA-Z0-9_-]+/g, '_'), args })) } as unknown as INode['parameters'],
		},
		{
			id: 'tool',
			name: options.toolName,
			type: BILLOGET_TOOL_TYPE,
			typeVersion: 1,
			position: [200, 200],
			parameters: options.parameters as INode['parameters'],
			credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: 'Tool Caller', type: NodeConnectionTypes.Main, index: 0 }]] },
		[options.toolName]: { [NodeConnectionTypes.AiTool]: [[{ node: 'Tool Caller', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	registerSecret(options.credentials.apiKey);
	const run = await runWorkflow(nodes, connections, options.credentials, {
		[BILLOGET_TOOL_TYPE]: toolVariant(new Billoget()),
		[CALLER_TYPE]: new ToolCaller(),
	});
	assertNoSecrets('A Billoget tool run', run);
	const error = run.data.resultData.error;
	if (error) throw new Error(`the run failed: ${error.message}`);
	const items = run.data.resultData.runData['Tool Caller']?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json as unknown as ToolCallResult);
}
