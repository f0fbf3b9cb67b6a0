import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../transport/endpoints';
import { optionsCollection, recordLocator, simplifyOutput } from '../common.descriptions';
import { simplify, wantsSimplify, wrap } from '../recordOperations';

export const APPROVALS_PATH = ENDPOINTS.approvals;

/** Approvals have 13 fields; Simplify keeps these. */
export const SIMPLIFIED_APPROVAL_FIELDS = [
	'id',
	'budgetId',
	'status',
	'action',
	'requestedBy',
	'approvedBy',
	'requestNotes',
	'comments',
	'createdAt',
	'reviewedAt',
];

function approvalIdField(verb: string): INodeProperties {
	return recordLocator({
		name: 'approvalId',
		displayName: 'Approval',
		resourceLabel: 'approval',
		searchListMethod: 'searchPendingApprovals',
		description: `The pending approval request to ${verb} (from the list, or its ID from Submit or Get Pending; not the budget ID)`,
	});
}

export const simplifyOutputOption = (): INodeProperties =>
	simplifyOutput(
		'Whether to return only the main approval fields (ID, budget, status, action, people, notes, dates) instead of the full record',
	);

export function approvalOutput(ctx: IExecuteFunctions, itemIndex: number, records: IDataObject[]): INodeExecutionData[] {
	return wrap(wantsSimplify(ctx, itemIndex) ? records.map((record) => simplify(record, SIMPLIFIED_APPROVAL_FIELDS)) : records);
}

/** The fields of Approve and Reject: the approval, the reviewer's comments, Options → Simplify. */
export function decisionProperties(action: 'approve' | 'reject', commentsDescription: string): INodeProperties[] {
	return [
		approvalIdField(action),
		{
			displayName: 'Comments',
			name: 'comments',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: commentsDescription,
		},
		optionsCollection([simplifyOutputOption()]),
	];
}
