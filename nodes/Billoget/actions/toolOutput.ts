import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * What the node returns when an AI agent or an MCP client calls it as a tool. A model reads every
 * field of the answer, so tool runs get the simplified records, no request headers or secrets, and at
 * most TOOL_LIST_CAP records with a note that says how to ask for fewer. Workflow runs are unchanged.
 */

/** Records a tool answer carries at most; the rest is replaced by a note on how to narrow the list. */
export const TOOL_LIST_CAP = 25;

/**
 * Whether this run answers a tool call. n8n gives the tool variant of a node the type of the node with
 * "Tool" appended (`n8n-nodes-billoget.billogetTool`), and marks calls that come through a sub-node
 * connection (MCP Server Trigger, older AI Agents) with `isToolExecution()`. The AI Agent of n8n 2.x
 * can run the tool node as a regular workflow step, where only the type tells.
 */
export function isToolRun(ctx: Pick<IExecuteFunctions, 'getNode'> & Partial<Pick<IExecuteFunctions, 'isToolExecution'>>): boolean {
	if (typeof ctx.isToolExecution === 'function' && ctx.isToolExecution()) return true;
	return isToolNodeType(ctx.getNode().type);
}

/** `package.nameTool`: the type n8n gives the tool variant of a node that is usable as a tool. */
export function isToolNodeType(type: string): boolean {
	const name = type.slice(type.lastIndexOf('.') + 1);
	return name.endsWith('Tool');
}

/** Keys never passed to a model, at any depth (compared case-insensitively). */
const HIDDEN_KEYS = new Set([
	'headers',
	'authorization',
	'cookie',
	'set-cookie',
	'apikey',
	'api_key',
	'secret',
	'signingsecret',
	'webhooksecret',
	'webhooksigningsecret',
	'password',
	'accesstoken',
	'refreshtoken',
]);

/** A copy of `value` without headers and secrets. */
export function withoutSecrets<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => withoutSecrets(entry) as unknown) as unknown as T;
	if (typeof value !== 'object' || value === null || value instanceof Date) return value;
	const result: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (HIDDEN_KEYS.has(key.toLowerCase())) continue;
		result[key] = withoutSecrets(entry);
	}
	return result as T;
}

/** How to ask a list operation for fewer records, in words a model can act on. */
const NARROWING: Record<string, string> = {
	'customer.getMany': 'Give a more specific search text: part of the name, the email, phone, DNI or CUIT.',
	'product.getMany':
		'Give a more specific search text (part of the description, the SKU, product code or category), or filter by category or type.',
	'budget.getMany': 'Filter by customer, state or a date range.',
	'approval.getPending': 'Ask for fewer with a lower limit, or decide the ones shown first.',
	'approval.getHistory': 'Ask for the history of one budget, or a lower limit.',
};

export function narrowingHint(resource: string, operation: string): string {
	return NARROWING[`${resource}.${operation}`] ?? 'Use the filters of this tool, or a lower limit.';
}

/** The note that stands in for the records left out of a long list. */
export function capNote(shown: number, returned: number, hint: string): string {
	return `Only the first ${shown} of ${returned} records are shown, to keep the answer short. ${hint}`;
}

/** What a tool answers instead of an empty list, so that the model knows the call worked. */
export const NOTHING_FOUND_NOTE =
	'No records matched. Try a shorter or different search text, check its spelling, or use fewer filters.';

/**
 * The output of a tool run: headers and secrets removed; a list longer than TOOL_LIST_CAP cut to it,
 * followed by one item `{ note }` saying how many were left out and how to narrow the request; an
 * empty answer replaced by one `{ note }` saying that nothing matched.
 */
export function shapeToolOutput(
	items: INodeExecutionData[],
	resource: string,
	operation: string,
	cap: number = TOOL_LIST_CAP,
): INodeExecutionData[] {
	if (items.length === 0) return [{ json: { note: NOTHING_FOUND_NOTE }, pairedItem: { item: 0 } }];
	const cleaned = items.map((item) => ({ ...item, json: withoutSecrets(item.json) }));
	if (cleaned.length <= cap) return cleaned;
	const kept = cleaned.slice(0, cap);
	kept.push({
		json: { note: capNote(cap, cleaned.length, narrowingHint(resource, operation)) },
		pairedItem: cleaned[cap].pairedItem,
	});
	return kept;
}

/** The router's output: shaped for a tool run, unchanged for a workflow run. */
export function answerFor(
	ctx: IExecuteFunctions,
	resource: string,
	operation: string,
	items: INodeExecutionData[],
): INodeExecutionData[] {
	return isToolRun(ctx) ? shapeToolOutput(items, resource, operation) : items;
}
