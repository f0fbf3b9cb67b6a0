import type { INodeProperties } from 'n8n-workflow';

import * as addApprover from './addApprover.operation';
import * as approve from './approve.operation';
import * as canApprove from './canApprove.operation';
import * as getApprovers from './getApprovers.operation';
import * as getConfig from './getConfig.operation';
import * as getHistory from './getHistory.operation';
import * as getMany from './getMany.operation';
import * as getPending from './getPending.operation';
import * as getStats from './getStats.operation';
import * as reject from './reject.operation';
import * as removeApprover from './removeApprover.operation';
import * as submit from './submit.operation';
import * as updateConfig from './updateConfig.operation';

export {
	addApprover,
	approve,
	canApprove,
	getApprovers,
	getConfig,
	getHistory,
	getMany,
	getPending,
	getStats,
	reject,
	removeApprover,
	submit,
	updateConfig,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['approval'] } },
		options: [
			{
				name: 'Add Approver',
				value: 'addApprover',
				action: 'Add a budget approver',
				description: 'Allow a Billoget user to approve budgets',
			},
			{
				name: 'Approve',
				value: 'approve',
				action: 'Approve a budget approval request',
				description: "Approve a pending approval request (the budget's state becomes approved)",
			},
			{
				name: 'Can Approve',
				value: 'canApprove',
				action: 'Check whether a user can approve budgets',
				description: 'Whether a Billoget user may approve budgets',
			},
			{
				name: 'Get Approvers',
				value: 'getApprovers',
				action: 'Get budget approvers',
				description: 'List the users assigned to approve budgets',
			},
			{
				name: 'Get Configuration',
				value: 'getConfig',
				action: 'Get the approval configuration',
				description: 'Read the approval settings of the business',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get approval history',
				description: 'List approval requests and decisions, optionally of one budget',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many approvals',
				description: 'List approval requests, filtered by status, budget or user',
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
				name: 'Remove Approver',
				value: 'removeApprover',
				action: 'Remove a budget approver',
				description: 'Stop a user from approving budgets',
			},
			{
				name: 'Submit',
				value: 'submit',
				action: 'Submit a budget for approval',
				description: 'Ask for internal approval of a budget',
			},
			{
				name: 'Update Configuration',
				value: 'updateConfig',
				action: 'Update the approval configuration',
				description: 'Change the approval settings of the business (created when there are none)',
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
	...getMany.description,
	...getConfig.description,
	...updateConfig.description,
	...getApprovers.description,
	...addApprover.description,
	...removeApprover.description,
	...canApprove.description,
];
