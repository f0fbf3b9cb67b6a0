import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { billogetApiTest } from './methods/credentialTest';
import { pollTriggerProperties } from './poll/description';
import { POLL_EVENTS } from './poll/events';
import { pollBilloget } from './poll/run';

/** Event value → label, for the canvas subtitle. */
const EVENT_LABELS = Object.fromEntries(Object.values(POLL_EVENTS).map((spec) => [spec.name, spec.label]));

export class BillogetPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		// Listed as "Billoget Poll" in the nodes panel, beside the "Billoget" app whose triggers are the
		// webhook events: n8n merges into an app only the trigger whose type name is the app's plus
		// "Trigger". The description names the polling events so the entry does not look empty.
		displayName: 'Billoget Poll Trigger',
		name: 'billogetPollTrigger',
		icon: { light: 'file:../../icons/billoget.svg', dark: 'file:../../icons/billoget.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(EVENT_LABELS)}[$parameter["event"]] || $parameter["event"] }}`,
		description:
			'Billoget events by polling (no public URL needed): budget created, approved, rejected, state changed or expiring; customer or product created or updated; product price changed',
		defaults: { name: 'Billoget Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'billogetApi', required: true, testedBy: 'billogetApiTest' }],
		// A copy: n8n adds its Poll Times parameter to the front of this array when it loads the node.
		properties: [...pollTriggerProperties],
	};

	methods = { credentialTest: { billogetApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollBilloget(this);
	}
}
