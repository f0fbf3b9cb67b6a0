import type { INodeProperties } from 'n8n-workflow';

import * as sendTest from './sendTest.operation';

export { sendTest };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Send Test',
				value: 'sendTest',
				action: 'Send a test webhook event',
				description: "Ask Billoget to deliver a test event to the API key's webhook URL and subscriptions",
			},
		],
		default: 'sendTest',
	},
	...sendTest.description,
];
