import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { readId, toText } from '../parameters';
import { APPROVALS_PATH, approvalOutput } from './fields';

/** Approve or Reject: POST /{approvalId}/process with the decision and the reviewer's comments. */
export async function processApproval(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	action: 'approve' | 'reject',
): Promise<INodeExecutionData[]> {
	const approvalId = readId(ctx, 'approvalId', itemIndex, 'Approval');
	const comments = toText(ctx, ctx.getNodeParameter('comments', itemIndex, '') as unknown, itemIndex, 'Comments', false);
	const approval = await client.requestRecord({
		method: 'POST',
		path: `${APPROVALS_PATH}/${approvalId}/process`,
		body: { action, ...(comments !== undefined ? { comments } : {}) },
		itemIndex,
		notFoundMessage: `No approval with ID ${approvalId} exists in Billoget`,
	});
	return approvalOutput(ctx, itemIndex, [approval]);
}
