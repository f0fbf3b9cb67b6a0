import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { processApproval } from './approverDecision';
import { decisionProperties } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['reject'] } },
	decisionProperties('reject', 'Why the budget is rejected, stored in the approval history'),
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	return await processApproval(this, client, i, 'reject');
}
