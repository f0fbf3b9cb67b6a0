import type { INodeProperties } from 'n8n-workflow';

import * as approve from './approve.operation';
import * as getHistory from './getHistory.operation';
import * as getPending from './getPending.operation';
import * as getStats from './getStats.operation';
import * as reject from './reject.operation';
import * as submit from './submit.operation';

export { approve, getHistory, getPending, getStats, reject, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['approval'] } },
		options: [
			{
				name: 'Approve',
				value: 'approve',
				action: 'Approve a budget approval request',
				description: "Approve a pending approval request (the budget's state becomes approved)",
			},
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get approval history',
				description: 'List approval requests and decisions, optionally of one budget',
			},
			{
				name: 'Get Pending',
				value: 'getPending',
				action: 'Get pending approvals',
				description: 'List approval requests waiting for a decision',
			},
			{
				name: 'Get Stats',
				value: 'getStats',
				action: 'Count approval requests by status',
				description: 'Count approval requests per status (Report › Get Approval Statistics adds decision times)',
			},
			{
				name: 'Reject',
				value: 'reject',
				action: 'Reject a budget approval request',
				description: "Reject a pending approval request (the budget's state becomes rejected)",
			},
			{
				name: 'Submit',
				value: 'submit',
				action: 'Submit a budget for approval',
				description: 'Ask for internal approval of a budget',
			},
		],
		default: 'submit',
	},
	...submit.description,
	...approve.description,
	...reject.description,
	...getPending.description,
	...getHistory.description,
	...getStats.description,
];
