import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { readId } from '../parameters';
import { wrap } from '../recordOperations';
import { APPROVERS_PATH, approverLocator } from './workflow';

const properties: INodeProperties[] = [
	approverLocator('The approver to remove: pick one, or give the approver ID from Get Approvers (not the user ID)'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['removeApprover'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const id = readId(this, 'approverId', i, 'Approver');
	await client.request({
		method: 'DELETE',
		path: `${APPROVERS_PATH}/${id}`,
		itemIndex: i,
		notFoundMessage: `No approver with ID ${id} exists in Billoget (it may already be removed)`,
	});
	return wrap({ deleted: true, id });
}
