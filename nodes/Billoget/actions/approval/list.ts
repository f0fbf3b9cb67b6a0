import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { approvalMatches } from '../../shared/filters';
import type { ApprovalRecordFilter } from '../../shared/filters';
import type { BillogetClient } from '../../transport/client';
import { readLimit } from '../parameters';
import { approvalOutput } from './fields';

/**
 * Pending and History answer a plain list ({ data: [...] }, not paginated per the SDK); Return All /
 * Limit are applied to it.
 */
export async function listApprovals(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	filter: ApprovalRecordFilter = {},
): Promise<INodeExecutionData[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : readLimit(ctx, itemIndex);
	const items = await client.plainList({ path, qs, itemIndex });
	// Checked on each approval too: Limit counts approvals that match what was asked for.
	const matching = items.filter((approval) => approvalMatches(approval, filter));
	return approvalOutput(ctx, itemIndex, matching.slice(0, limit));
}
