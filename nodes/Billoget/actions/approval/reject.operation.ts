import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { decisionProperties, processApproval } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['reject'] } },
	decisionProperties('reject', 'Why the budget is rejected, stored in the approval history'),
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await processApproval(this, i, 'reject');
}
