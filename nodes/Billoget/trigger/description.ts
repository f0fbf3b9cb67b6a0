import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../shared/signature';
import { EVENT_OPTIONS } from './events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		options: EVENT_OPTIONS,
		description: 'The Billoget events that start the workflow',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		default: 'automatic',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'The trigger subscribes itself in Billoget and unsubscribes when deactivated',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: 'You paste the Production URL into your API key in Billoget',
			},
		],
		description: 'How Billoget learns where to send events',
	},
	{
		displayName:
			'Automatic setup: activating the workflow creates a webhook subscription in Billoget for this URL and these events (and one for the Test URL while you listen); deactivating removes it. Needs the WEBHOOKS scope. <a href="https://github.com/billoget/n8n-nodes-billoget#billoget-trigger" target="_blank">Billoget Trigger docs</a>',
		name: 'automaticNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['automatic'] } },
	},
	{
		displayName:
			'Manual setup: copy the Production URL above into the webhook URL of your API key in Billoget (Settings → API Keys), and put the signing secret Billoget shows for it into the "Webhook Signing Secret" field of the Billoget credential. Deliveries without a valid signature are refused. <a href="https://github.com/billoget/n8n-nodes-billoget#billoget-trigger" target="_blank">Billoget Trigger docs</a>',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName:
			'To test: click "Listen for test event", then approve (or create, update…) a budget in Billoget, or run a Billoget node with Webhook › Send Test for one of the chosen events.',
		name: 'listenNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Only Data',
				name: 'onlyData',
				type: 'boolean',
				default: false,
				description:
					'Whether to output only the data object of each delivery (the budget, customer or product) instead of the whole delivery with event, delivery ID, timestamp, metadata and headers',
			},
			{
				displayName: 'Subscription Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. n8n: sync approved budgets',
				description:
					'Label of the webhook subscription in Billoget (Automatic registration only). Defaults to the workflow name.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'timestampTolerance',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					"How far a delivery's signed timestamp may be from this server's clock before the delivery is refused as a replay. 0 disables the check.",
			},
		],
	},
];
