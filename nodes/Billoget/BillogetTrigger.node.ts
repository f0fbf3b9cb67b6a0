import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { billogetApiTest } from './methods/credentialTest';
import { receiveDelivery } from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { EVENT_OPTIONS } from './trigger/events';
import { checkExists, create, remove } from './trigger/registration';

/** Event value → label, for the canvas subtitle. */
const EVENT_LABELS = Object.fromEntries(EVENT_OPTIONS.map((option) => [String(option.value), option.name]));

export class BillogetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billoget Trigger',
		name: 'billogetTrigger',
		icon: { light: 'file:../../icons/billoget.svg', dark: 'file:../../icons/billoget.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ($parameter["events"] || []).map((event) => (${JSON.stringify(EVENT_LABELS)})[event] || event).join(", ") }}`,
		// n8n also shows this as the description of the whole Billoget app in the nodes panel.
		description: 'Starts a workflow on Billoget webhook events: budgets, customers and products created, updated, approved and more',
		defaults: { name: 'Billoget Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billogetApi', required: true, testedBy: 'billogetApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// webhook() answers every request itself (200 or 401 with a short JSON body) and returns
				// noWebhookResponse, so n8n's default answer (the literal text "firstEntryJson" in n8n 2.41
				// when responseData is not set) is never sent. See trigger/delivery.ts for why.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		// n8n's listening screen always says "Go to Billoget and create an event"; the panel around it
		// says what such an event is here (the Listen notice among the parameters says it too).
		triggerPanel: {
			header: 'Pull in events from Billoget',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click 'Listen for test event', then approve a budget in Billoget (or create or change a budget, customer or product of the chosen events), or run a Billoget node with Webhook › Send Test. The delivery shows up in this editor.<br /><br /><b>Once you're happy with your workflow</b>, publish it: every matching Billoget event then runs it, listed under Executions.",
				active:
					"<b>While building your workflow</b>, click 'Listen for test event', then approve a budget in Billoget, or run a Billoget node with Webhook › Send Test. The delivery shows up in this editor.<br /><br /><b>Your workflow is published</b>: every matching Billoget event also runs it, listed under Executions.",
			},
		},
		properties: triggerProperties,
	};

	methods = { credentialTest: { billogetApiTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
