/**
 * Drives the Billoget Poll Trigger through n8n-core's real PollContext, the way n8n's poll manager
 * does: one context per activation (reused by every tick of that activation), node static data in the
 * Workflow, credentials through the test credentials helper, HTTP through n8n-core's request helper.
 * A restart persists the static data (as JSON, like n8n's database) and activates with mode 'init'.
 */
import { PollContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { IDataObject, INode, WorkflowActivateMode, WorkflowExecuteMode } from 'n8n-workflow';

import { BillogetPollTrigger } from '../../nodes/Billoget/BillogetPollTrigger.node';
import { pollBilloget } from '../../nodes/Billoget/poll/run';
import { STATIC_KEY } from '../../nodes/Billoget/poll/state';
import { additionalDataFor, nodeTypes, PACKAGE } from './engine';
import type { BillogetCredentials } from './engine';
import { requestsSince } from './sandbox';
import type { LoggedRequest, Sandbox } from './sandbox';

export const POLL_TYPE = `${PACKAGE}.billogetPollTrigger`;

export interface PollResult {
	/** The emitted items' JSON, or null when poll() returned null. */
	items: IDataObject[] | null;
	/** The error poll() threw, if any. */
	error?: Error & { httpCode?: string; description?: string | null };
	/** What the sandbox received during this poll. */
	requests: LoggedRequest[];
}

export interface PollHarnessOptions {
	sb: Sandbox;
	credentials: BillogetCredentials;
	parameters: IDataObject;
	/** Node name (static data is kept per node name). */
	name?: string;
	/** The clock the node and its transport use; give the sandbox the same one. */
	now?: () => number;
}

/** A hook run before the n-th HTTP request (0-based) of the current activation's context. */
export type RequestHook = (index: number) => Promise<void> | void;

export class PollHarness {
	workflow: Workflow;

	node: INode;

	private ctx?: PollContext;

	private requestHook?: RequestHook;

	private requestCount = 0;

	constructor(private readonly options: PollHarnessOptions) {
		this.node = {
			id: `poll-${options.name ?? 'trigger'}`,
			name: options.name ?? 'Billoget Poll Trigger',
			type: POLL_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
		};
		this.workflow = this.newWorkflow({});
	}

	private newWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'wf-poll',
			name: 'Billoget poll test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypes({ [POLL_TYPE]: new BillogetPollTrigger() }),
			settings: { executionOrder: 'v1' },
			staticData,
		});
	}

	private newContext(mode: WorkflowExecuteMode, activation: WorkflowActivateMode): PollContext {
		const ctx = new PollContext(this.workflow, this.node, additionalDataFor(this.options.credentials), mode, activation);
		const original = ctx.helpers.httpRequestWithAuthentication;
		ctx.helpers.httpRequestWithAuthentication = (async (...args: Parameters<typeof original>) => {
			const index = this.requestCount++;
			if (this.requestHook) await this.requestHook(index);
			return await original.apply(ctx, args);
		}) as typeof original;
		return ctx;
	}

	/** Runs the hook before each request of the following polls (index counts from 0 per call). */
	beforeRequest(hook: RequestHook | undefined): void {
		this.requestHook = hook;
		this.requestCount = 0;
	}

	private async run(ctx: PollContext): Promise<PollResult> {
		const mark = this.options.sb.requests.length;
		const trigger = new BillogetPollTrigger();
		try {
			// With a test clock the poll runs as the node's poll() does, its client given that clock.
			const { now } = this.options;
			const output = now ? await pollBilloget(ctx, { now }) : await trigger.poll.call(ctx);
			return {
				items: output === null ? null : output[0].map((item) => item.json),
				requests: requestsSince(this.options.sb, mark),
			};
		} catch (error) {
			return { items: null, error: error as PollResult['error'], requests: requestsSince(this.options.sb, mark) };
		}
	}

	/** Activation (n8n runs one poll right away), with a fresh context. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollResult> {
		this.ctx = this.newContext('trigger', activation);
		return await this.run(this.ctx);
	}

	/** A scheduled poll of the current activation. */
	async tick(): Promise<PollResult> {
		if (!this.ctx) throw new Error('Activate the trigger first');
		return await this.run(this.ctx);
	}

	/** n8n restarts: static data comes back from the database, the trigger is activated with 'init'. */
	async restart(): Promise<PollResult> {
		this.workflow = this.newWorkflow(JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject);
		return await this.activate('init');
	}

	/** The workflow was saved with other parameters while active ('update' activation). */
	async update(parameters: IDataObject): Promise<PollResult> {
		this.node.parameters = parameters as INode['parameters'];
		return await this.activate('update');
	}

	/** "Fetch Test Event" in the editor: a manual poll with its own context. */
	async manual(): Promise<PollResult> {
		return await this.run(this.newContext('manual', 'manual'));
	}

	/** The node's stored poll state, as plain JSON. */
	stored(): IDataObject | undefined {
		const data = this.workflow.getStaticData('node', this.node) as IDataObject;
		const state = data[STATIC_KEY];
		return state === undefined ? undefined : (JSON.parse(JSON.stringify(state)) as IDataObject);
	}
}
