import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { decisionProperties, processApproval } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['approve'] } },
	decisionProperties('approve', 'Comments of the reviewer, stored in the approval history (e.g. the reason for approving)'),
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await processApproval(this, i, 'approve');
}
