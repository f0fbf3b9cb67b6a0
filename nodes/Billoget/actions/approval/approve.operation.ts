import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { approvalIdField, processApproval, simplifyOutputOption } from './fields';

const properties: INodeProperties[] = [
	approvalIdField('approve'),
	{
		displayName: 'Comments',
		name: 'comments',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Comments of the reviewer, stored in the approval history (e.g. the reason for approving)',
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
	{ show: { resource: ['approval'], operation: ['approve'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await processApproval(this, i, 'approve');
}
