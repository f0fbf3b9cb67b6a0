import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../transport/endpoints';
import { billogetApiRequest, billogetRequest } from '../../transport/request';
import { approvalMatches } from '../../shared/filters';
import type { ApprovalRecordFilter } from '../../shared/filters';
import { parseListPage } from '../../shared/pagination';
import { recordLocator, simplifyOutput } from '../common.descriptions';
import { readId, readLimit, toText } from '../parameters';
import { simplify, wantsSimplify, wrap } from '../records';

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
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [simplifyOutputOption()],
		},
	];
}

/** Approve or Reject: POST /{approvalId}/process with the decision and the reviewer's comments. */
export async function processApproval(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: 'approve' | 'reject',
): Promise<INodeExecutionData[]> {
	const approvalId = readId(ctx, 'approvalId', itemIndex, 'Approval');
	const comments = toText(ctx, ctx.getNodeParameter('comments', itemIndex, '') as unknown, itemIndex, 'Comments', false);
	const approval = await billogetApiRequest.call(ctx, {
		method: 'POST',
		path: `${APPROVALS_PATH}/${approvalId}/process`,
		body: { action, ...(comments !== undefined ? { comments } : {}) },
		itemIndex,
		notFoundMessage: `No approval with ID ${approvalId} exists in Billoget`,
	});
	return approvalOutput(ctx, itemIndex, [approval]);
}

/**
 * Pending and History answer a plain list ({ data: [...] }, not paginated per the SDK); Return All /
 * Limit are applied to it. A paginated answer is read as its first page.
 */
export async function listApprovals(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	filter: ApprovalRecordFilter = {},
): Promise<INodeExecutionData[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : readLimit(ctx, itemIndex);
	const response = await billogetRequest.call(ctx, { method: 'GET', path, qs, itemIndex });
	const { items } = parseListPage<IDataObject>(response.body, 1, Number.MAX_SAFE_INTEGER);
	// Checked on each approval too: Limit counts approvals that match what was asked for.
	const matching = items.filter((approval) => approvalMatches(approval, filter));
	return approvalOutput(ctx, itemIndex, matching.slice(0, limit));
}
