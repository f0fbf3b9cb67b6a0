import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { receiveDelivery } from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { checkExists, create, remove } from './trigger/registration';

export class BillogetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billoget Trigger',
		name: 'billogetTrigger',
		icon: { light: 'file:../../icons/billoget.svg', dark: 'file:../../icons/billoget.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Billoget sends a signed webhook event',
		defaults: { name: 'Billoget Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billogetApi', required: true }],
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
		properties: triggerProperties,
	};

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
