import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { pollTriggerProperties } from './poll/description';
import { pollBilloget } from './poll/run';

export class BillogetPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billoget Poll Trigger',
		name: 'billogetPollTrigger',
		icon: { light: 'file:../../icons/billoget.svg', dark: 'file:../../icons/billoget.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when budgets, customers or products change in Billoget, by polling its API (no public URL needed)',
		defaults: { name: 'Billoget Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billogetApi', required: true }],
		// A copy: n8n adds its Poll Times parameter to the front of this array when it loads the node.
		properties: [...pollTriggerProperties],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollBilloget(this);
	}
}
