import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { approvalIdField, processApproval, simplifyOutputOption } from './fields';

const properties: INodeProperties[] = [
	approvalIdField('reject'),
	{
		displayName: 'Comments',
		name: 'comments',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Why the budget is rejected, stored in the approval history',
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

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['reject'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await processApproval(this, i, 'reject');
}
