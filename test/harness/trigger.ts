/**
 * Drives the Billoget Trigger the way n8n does, with n8n-core's real contexts:
 *  - registration through `HookContext` (checkExists → create, delete), in production mode
 *    ('trigger'/'activate', `/webhook/…` URL) or test mode ('manual'/'manual', `/webhook-test/…` URL);
 *  - deliveries through `WebhookContext` with the raw body bytes and headers of a real request.
 *
 * As in n8n, the test listen works on its own copy of the static data (n8n gives a manual run a fresh,
 * unsaved copy, so it cannot see the production registration), and a "restart" rebuilds the workflow
 * from the static data n8n would have saved.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { BillogetTrigger } from '../../nodes/Billoget/BillogetTrigger.node';
import { PACKAGE, additionalDataFor, nodeTypes } from './engine';
import type { BillogetCredentials } from './engine';

export const TRIGGER_TYPE = `${PACKAGE}.billogetTrigger`;

export type TriggerMode = 'production' | 'test';

export interface TriggerOptions {
	/** Node parameters: events, registration, options. */
	parameters: IDataObject;
	credentials: BillogetCredentials;
	/** The node's webhookId (the UUID in its webhook URLs). */
	webhookId?: string;
	workflowId?: string;
	/** n8n's public base (default https://n8n.example.test); URLs are <base>/webhook/… and <base>/webhook-test/…. */
	baseUrl?: string;
	/** Static data of the saved (production) workflow, e.g. after a restart. */
	staticData?: IDataObject;
}

/** What n8n's response object received (status, body) — a stand-in for express's Response. */
export class ResponseRecorder {
	statusCode = 200;

	body: unknown = undefined;

	headers: Record<string, string> = {};

	ended = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	json(body: unknown): this {
		this.body = body;
		this.ended = true;
		return this;
	}

	send(body?: unknown): this {
		this.body = body;
		this.ended = true;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	end(): this {
		this.ended = true;
		return this;
	}
}

export interface IncomingDelivery {
	/** The exact body bytes (a string is taken as UTF-8); undefined imitates a request without rawBody. */
	rawBody: Buffer | string | undefined;
	headers: Record<string, string | undefined>;
}

export interface DeliveryOutcome {
	/** The HTTP status the sender sees. */
	status: number;
	/** The body the sender sees. */
	body: unknown;
	/** Whether n8n would start an execution (the node returned workflowData). */
	executed: boolean;
	/** The items the execution would start with. */
	items: IDataObject[];
	result: IWebhookResponseData;
	/** Warnings the node logged while handling the delivery. */
	warnings: string[];
}

export interface LogEntry {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

export class TriggerHarness {
	readonly trigger = new BillogetTrigger();

	/** What the node logged (n8n's logger is captured, so nothing reaches the console). */
	readonly logs: LogEntry[] = [];

	readonly node: INode;

	readonly workflowId: string;

	private readonly workflows: Record<TriggerMode, Workflow>;

	private readonly additionalData: IWorkflowExecuteAdditionalData;

	constructor(options: TriggerOptions) {
		this.workflowId = options.workflowId ?? 'wf-trigger';
		this.node = {
			id: 'trigger-node',
			name: 'Billoget Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: options.webhookId ?? '7c0f8a52-3c1e-4d9b-9a61-2f5e8b1d4c70',
			parameters: options.parameters as INode['parameters'],
			credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
		};
		this.additionalData = additionalDataFor(options.credentials);
		if (options.baseUrl) {
			const base = options.baseUrl.replace(/\/+$/, '');
			this.additionalData.webhookBaseUrl = `${base}/webhook`;
			this.additionalData.webhookTestBaseUrl = `${base}/webhook-test`;
		}
		this.workflows = {
			production: this.buildWorkflow(options.staticData ?? {}),
			test: this.buildWorkflow({}),
		};
		this.captureLogs();
	}

	/** n8n's Logger is one shared instance; route its output into this harness's `logs`. */
	private captureLogs(): void {
		const logger = this.hookContext('production').logger;
		for (const level of ['debug', 'info', 'warn', 'error'] as const) {
			// Levels below n8n's log level are fixed no-ops (read-only properties): nothing to capture there.
			const own = Object.getOwnPropertyDescriptor(logger, level);
			if (own && !own.writable) continue;
			jest.spyOn(logger, level).mockImplementation((message: string, meta?: unknown) => {
				this.logs.push({ level, message, meta });
			});
		}
	}

	private buildWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'Billoget trigger test',
			nodes: [this.node],
			connections: {},
			active: false,
			nodeTypes: nodeTypes({ [TRIGGER_TYPE]: this.trigger }),
			settings: { executionOrder: 'v1' },
			staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
		});
	}

	webhookData(mode: TriggerMode): IWebhookData {
		const description = this.trigger.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: NodeHelpers.getNodeWebhookPath(this.workflowId, this.node, description.path),
			webhookDescription: description,
			workflowId: this.workflowId,
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: this.node.webhookId,
			isTest: mode === 'test',
		};
	}

	hookContext(mode: TriggerMode): HookContext {
		const workflow = this.workflows[mode];
		return mode === 'test'
			? new HookContext(workflow, this.node, this.additionalData, 'manual', 'manual', this.webhookData(mode))
			: new HookContext(workflow, this.node, this.additionalData, 'trigger', 'activate', this.webhookData(mode));
	}

	/** The node's static data in that mode (live object). */
	staticData(mode: TriggerMode = 'production'): IDataObject {
		return this.workflows[mode].getStaticData('node', this.node);
	}

	/** A deep copy of the workflow's static data, as n8n saves it to the database. */
	savedStaticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflows.production.staticData)) as IDataObject;
	}

	webhookUrl(mode: TriggerMode = 'production'): string {
		return this.hookContext(mode).getNodeWebhookUrl('default') as string;
	}

	async checkExists(mode: TriggerMode = 'production'): Promise<boolean> {
		return await this.trigger.webhookMethods.default.checkExists.call(this.hookContext(mode));
	}

	async create(mode: TriggerMode = 'production'): Promise<boolean> {
		return await this.trigger.webhookMethods.default.create.call(this.hookContext(mode));
	}

	async delete(mode: TriggerMode = 'production'): Promise<boolean> {
		return await this.trigger.webhookMethods.default.delete.call(this.hookContext(mode));
	}

	/** What n8n does on activation (production) or "Listen for test event" (test). Returns whether create ran. */
	async activate(mode: TriggerMode = 'production'): Promise<boolean> {
		if (await this.checkExists(mode)) return false;
		await this.create(mode);
		return true;
	}

	/** Feeds one request into webhook() through a real WebhookContext. */
	async deliver(delivery: IncomingDelivery, mode: TriggerMode = 'production'): Promise<DeliveryOutcome> {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(delivery.headers)) {
			if (value !== undefined) headers[name.toLowerCase()] = value;
		}
		const raw =
			delivery.rawBody === undefined
				? undefined
				: Buffer.isBuffer(delivery.rawBody)
					? delivery.rawBody
					: Buffer.from(delivery.rawBody, 'utf8');
		let body: unknown = {};
		if (raw) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				body = {};
			}
		}
		const response = new ResponseRecorder();
		const request = {
			method: 'POST',
			rawBody: raw,
			body,
			headers,
			query: {},
			params: {},
			header: (name: string) => headers[name.toLowerCase()],
		};
		const additionalData = {
			...this.additionalData,
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			this.workflows[mode],
			this.node,
			additionalData,
			mode === 'test' ? 'manual' : 'webhook',
			{ ...this.webhookData(mode), workflowExecuteAdditionalData: additionalData },
			[],
			null,
		);
		const logMark = this.logs.length;
		const result = await this.trigger.webhook.call(context);
		const warnings = this.logs
			.slice(logMark)
			.filter((entry) => entry.level === 'warn')
			.map((entry) => entry.message);
		const items = (result.workflowData?.[0] ?? []).map((item) => item.json);
		// n8n answers for the node unless it answered itself (noWebhookResponse); then it sends the
		// webhookResponse the node returned, with status 200.
		const answeredByNode = result.noWebhookResponse === true;
		return {
			status: answeredByNode ? response.statusCode : 200,
			body: answeredByNode ? response.body : result.webhookResponse,
			executed: result.workflowData !== undefined,
			items,
			result,
			warnings,
		};
	}
}
